// The alerts panel. Detection (issue M5) is built separately; this panel lights up by itself when
// the server documents GET /api/v1/alerts in its OpenAPI document, and until then says that
// detection is not yet available, without calling a route that does not exist.
//
// Expected answer of GET /api/v1/alerts?limit=N (a page like the other listings):
//   { "items": [ { "id", "detector" (e.g. "D2 site-capacity"), "score" (0..1), "time",
//                  "explanation", "lots": [ids], "actors": [ids], "sites": [ids] } ], "total" }

import { getJson, getText } from "./api.js";
import { actorLink, link, lotLink, siteLink, text } from "./format.js";

let available = null;

export async function alertsAvailable() {
  if (available === null) {
    const document = await getText("/openapi.yaml");
    available = /^ {2}\/api\/v1\/alerts:/m.test(document);
  }
  return available;
}

/** Renders the latest alerts (or the "not yet available" note) into the element. */
export async function renderAlerts(element, limit = 8) {
  if (!(await alertsAvailable())) {
    element.innerHTML = `<div class="alerts-empty" data-alerts="unavailable"><b>Detection is not yet available.</b>
      Alerts from the detectors (mass balance, site capacity, impossible travel, tag reuse, origin risk and the others
      of the catalogue) will be listed here, with their score, evidence and explanation.</div>`;
    return;
  }
  const page = await getJson("/alerts", { limit });
  if (!page.items.length) {
    element.innerHTML = `<div class="alerts-empty" data-alerts="none">No alert.</div>`;
    return;
  }
  element.innerHTML = page.items.map((alert) => `
    <div class="alert-item" data-alert="${text(alert.id)}">
      <span class="score">${Math.round((alert.score ?? 0) * 100)}</span>
      <span class="pill">${text(alert.detector)}</span> ${link("alerts/" + encodeURIComponent(alert.id), alert.explanation)}
      <div class="muted">${(alert.sites || []).map((id) => siteLink(id)).join(" ")}
        ${(alert.actors || []).map((id) => actorLink(id)).join(" ")}
        ${(alert.lots || []).slice(0, 5).map((id) => lotLink(id)).join(" ")}</div>
    </div>`).join("") + `<p class="muted">${page.total} alerts in all. ${link("alerts", "All alerts")}</p>`;
}
