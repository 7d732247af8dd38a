// The one way the application talks to the server: same-origin JSON under /api/v1. A failed
// request is counted (window.oretraceFailedRequests, read by the browser tests), shown in the
// problem banner, and rethrown so that the screen can say what is missing.

const API = "/api/v1";
window.oretraceFailedRequests = [];
/** Refusals (4xx) answered to the user's actions and shown where they acted: "<url> <status>". */
window.oretraceRefusals = [];

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

/**
 * A write (or a read the caller's role may be refused) that answers rather than throws: {ok,
 * status, body, detail}. A refusal or a problem with the input (4xx) is the server's answer to the
 * user, shown where the user acted, so it is not counted as a failed request; a server error or no
 * answer at all is. The body is JSON (an object) or raw bytes (a Blob or File, sent with its type).
 */
export async function send(method, path, body) {
  const url = API + path;
  const headers = { Accept: "application/json" };
  let payload;
  if (body instanceof Blob) {
    headers["Content-Type"] = body.type || "application/octet-stream";
    payload = body;
  } else if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, { method, headers, body: payload });
  } catch (error) {
    fail(url, 0, error.message);
  }
  const answer = await response.json().catch(() => ({}));
  if (response.status >= 500) {
    fail(url, response.status, answer.detail || response.statusText);
  }
  if (!response.ok) {
    window.oretraceRefusals.push(new URL(url, location.href).href + " " + response.status);
  }
  return {
    ok: response.ok,
    status: response.status,
    body: answer,
    detail: response.ok ? "" : refusal(response, answer),
  };
}

/** A refusal in words: the status, its name and the problem document's detail. */
function refusal(response, problem) {
  const names = { 400: "Bad request", 401: "Not logged in", 403: "Forbidden", 404: "Not found", 409: "Conflict", 413: "Too large", 422: "Not accepted" };
  const errors = (problem.errors || []).map((error) => error.detail || error.message || "")
    .filter((message) => message && message !== problem.detail);
  return `${response.status} ${names[response.status] || response.statusText}: ${problem.detail || problem.title || ""}` +
    (errors.length ? " (" + errors.join("; ") + ")" : "");
}
