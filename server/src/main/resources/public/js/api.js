// The one way the application talks to the server: same-origin JSON under /api/v1. A failed
// request is counted (window.oretraceFailedRequests, read by the browser tests), shown in the
// problem banner, and rethrown so that the screen can say what is missing.

const API = "/api/v1";
window.oretraceFailedRequests = [];

export class ApiError extends Error {
  constructor(path, status, detail) {
    super(`${path}: ${status} ${detail}`);
    this.status = status;
  }
}

export async function getJson(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") {
      query.set(name, value);
    }
  }
  const url = API + path + (query.size ? "?" + query : "");
  let response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json" } });
  } catch (error) {
    fail(url, 0, error.message);
  }
  if (!response.ok) {
    let detail = response.statusText;
    try {
      detail = (await response.json()).detail || detail;
    } catch (ignored) {
      // Not a problem document; the status text will do.
    }
    fail(url, response.status, detail);
  }
  return response.json();
}

export async function getText(path) {
  const url = API + path;
  const response = await fetch(url);
  if (!response.ok) {
    fail(url, response.status, response.statusText);
  }
  return response.text();
}

/** A lot by id or tag number, or null when there is none (a 404 is an answer, not a failure). */
export async function findLot(idOrTag) {
  const response = await fetch(API + "/lots/" + encodeURIComponent(idOrTag));
  if (response.status === 404) {
    return null;
  }
  if (!response.ok) {
    fail(API + "/lots/" + idOrTag, response.status, response.statusText);
  }
  return response.json();
}

function fail(url, status, detail) {
  window.oretraceFailedRequests.push(`${status} ${url} ${detail}`);
  showProblem(`Could not load ${url} (${status || "no answer"}): ${detail}`);
  throw new ApiError(url, status, detail);
}

export function showProblem(message) {
  const banner = document.getElementById("problem");
  banner.textContent = message;
  banner.hidden = false;
}

export function clearProblem() {
  const banner = document.getElementById("problem");
  banner.hidden = true;
  banner.textContent = "";
}
