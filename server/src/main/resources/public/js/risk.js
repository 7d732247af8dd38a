// The risk and alerts card of the site and actor pages: the score with its factors (GET
// /api/v1/risk/sites|actors/{id}) and the alerts naming the site or actor, each with its severity
// as a mark and a word. A role that may not read the score is told so in the card, not failed.

import { getJson, send } from "./api.js";
import { alertLink, dateTime, text } from "./format.js";
import { severityBadge } from "./symbols.js";

const SHOWN = 20;

/** The card's markup; fill it with fillRiskAndAlerts once the screen is in the page. */
export function riskAndAlertsCard(prefix) {
  return `<section class="card wide" id="${prefix}-risk-card">
      <h2>Risk and alerts</h2>
      <p id="${prefix}-risk" class="risk"></p>
      <p id="${prefix}-alerts-caption" class="muted"></p>
      <div class="table-scroll">
      <table id="${prefix}-alerts"><thead><tr><th>Detector</th><th>Severity</th><th>When</th><th>What happened</th></tr></thead>
        <tbody></tbody></table></div>
    </section>`;
}

/**
 * Fills the card: kind is "sites" or "actors", filter the alert listing's parameter ("site" or
 * "actor").
 */
export async function fillRiskAndAlerts(main, prefix, kind, filter, id) {
  const [risk, alerts] = await Promise.all([
    send("GET", `/risk/${kind}/` + encodeURIComponent(id)),
    getJson("/alerts", { [filter]: id, limit: SHOWN }),
  ]);
  const score = main.querySelector(`#${prefix}-risk`);
  if (risk.ok) {
    score.dataset.score = String(risk.body.score);
    score.innerHTML = `<b>Risk ${risk.body.score}/100</b>: ` +
      (risk.body.factors.map((factor) => `${text(factor.name)} +${factor.points} (${text(factor.detail)})`).join("; ") || "no risk factor");
  } else {
    score.textContent = "Risk score not available: " + risk.detail;
  }
  main.querySelector(`#${prefix}-alerts-caption`).textContent = alerts.total === 0
    ? "No alert names it."
    : `${alerts.total} alert${alerts.total === 1 ? "" : "s"} name it${alerts.total > SHOWN ? `, the newest ${SHOWN} shown` : ""}.`;
  main.querySelector(`#${prefix}-alerts tbody`).innerHTML = alerts.items.map((alert) => `
    <tr data-alert="${text(alert.id)}">
      <td><span class="pill">${text(alert.detector)}</span> ${text(alert.detectorName || "")}</td>
      <td>${severityBadge(alert.severity)}</td>
      <td>${text(dateTime(alert.occurredAt))}</td>
      <td>${alertLink(alert.id, alert.explanation)}</td>
    </tr>`).join("");
}
