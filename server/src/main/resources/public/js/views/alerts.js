// The alerts screens: #/alerts lists the detectors' alerts with filters (detector, severity,
// country), newest first; #/alerts/<id> shows one alert with its explanation, the numbers that
// raised it and links to every lot, actor and site it involves.

import { getJson } from "../api.js";
import { actorLink, count, countryLink, dateTime, link, lotLink, networkLink, siteLink, text } from "../format.js";
import { openFromAlert } from "./cases.js";
import { severityBadge } from "../symbols.js";

const DETECTORS = [
  ["D1", "mass balance"], ["D2", "site capacity"], ["D3", "impossible travel"], ["D4", "tag reuse"],
  ["D5", "mass gain"], ["D6", "grade drift"], ["D7", "custody gap"], ["D8", "origin risk"],
  ["D9", "actor risk"], ["D10", "mirror trade"], ["D11", "round-tripping"],
  ["C1", "community report"], ["A1", "corrective action overdue"],
];
const SEVERITIES = ["high", "medium", "low"];
const PAGE = 50;

export async function render(main, parameter) {
  if (parameter) {
    await renderAlert(main, parameter);
  } else {
    await renderList(main);
  }
}

async function renderList(main) {
  main.innerHTML = `
    <h1>Alerts</h1>
    <p class="subtitle">What the detectors found, newest first. Each alert names the lots, actors and sites involved.</p>
    <section class="card">
      <div class="filters">
        <label>Detector <select id="alerts-detector"><option value="">All detectors</option>
          ${DETECTORS.map(([id, name]) => `<option value="${id}">${id} ${name}</option>`).join("")}</select></label>
        <label>Severity <select id="alerts-severity"><option value="">Any severity</option>
          ${SEVERITIES.map((severity) => `<option value="${severity}">${severity}</option>`).join("")}</select></label>
        <label>Country <input id="alerts-country" size="3" maxlength="2" placeholder="CD"></label>
        <span id="alerts-caption" class="muted"></span>
      </div>
      <table id="alerts-table"><thead><tr><th>Score</th><th>Detector</th><th>Severity</th><th>When</th><th>What happened</th></tr></thead>
        <tbody></tbody></table>
    </section>`;
  const detector = main.querySelector("#alerts-detector");
  const severity = main.querySelector("#alerts-severity");
  const country = main.querySelector("#alerts-country");
  const refresh = async () => {
    const code = country.value.trim().toUpperCase();
    const page = await getJson("/alerts", {
      limit: PAGE,
      detector: detector.value,
      severity: severity.value,
      country: code.length === 2 ? code : "",
    });
    main.querySelector("#alerts-caption").textContent =
      `${count(page.total)} alerts${page.total > PAGE ? `, the first ${PAGE} shown` : ""}`;
    main.querySelector("#alerts-table tbody").innerHTML = page.items.map((alert) => `
      <tr data-alert="${text(alert.id)}">
        <td>${Math.round((alert.score ?? 0) * 100)}</td>
        <td><span class="pill">${text(alert.detector)}</span> ${text(alert.detectorName || "")}</td>
        <td>${severityBadge(alert.severity)}</td>
        <td>${text(dateTime(alert.occurredAt))}</td>
        <td>${link("alerts/" + encodeURIComponent(alert.id), alert.explanation)}</td>
      </tr>`).join("");
    main.dataset.alerts = String(page.items.length);
  };
  detector.addEventListener("change", refresh);
  severity.addEventListener("change", refresh);
  country.addEventListener("change", refresh);
  await refresh();
}

async function renderAlert(main, id) {
  const alert = await getJson("/alerts/" + encodeURIComponent(id));
  const figures = Object.entries(alert.figures || {});
  main.innerHTML = `
    <h1>${text(alert.detector)} ${text(alert.detectorName || "")}</h1>
    <p class="subtitle">Score ${Math.round((alert.score ?? 0) * 100)} · <span id="alert-severity">${severityBadge(alert.severity)}</span> · ${text(dateTime(alert.occurredAt))} · ${link("alerts", "all alerts")}</p>
    <section class="card"><h2>What happened</h2><p id="alert-explanation">${text(alert.explanation)}</p></section>
    <section class="card"><h2>The numbers</h2>
      <table id="alert-figures"><tbody>${figures.map(([name, value]) => `<tr><td>${text(name)}</td><td>${text(value)}</td></tr>`).join("")}</tbody></table>
    </section>
    <section class="card"><h2>Involved</h2>
      <p>Lots: <span id="alert-lots">${(alert.lots || []).map((lot) => lotLink(lot)).join(" ") || "none"}</span></p>
      <p>Actors: <span id="alert-actors">${(alert.actors || []).map((actor) => `${actorLink(actor)} (${networkLink(actor, alert.detector === "D9" ? "network and paths to the listed entity" : "network")})`).join(" ") || "none"}</span></p>
      <p>Sites: ${(alert.sites || []).map((site) => siteLink(site)).join(" ") || "none"}</p>
      <p>Countries: <span id="alert-countries">${(alert.countries || []).map((code) => countryLink(code)).join(", ") || "none"}</span></p>
      <p class="muted">Events: ${text((alert.events || []).join(", ") || "none")}</p>
    </section>
    <section class="card"><h2>Case</h2>
      <form id="alert-open-case" class="case-form">
        <label>Title <input id="alert-case-title" required maxlength="500"></label>
        <button type="submit">Open a case from this alert</button>
        <p class="refusal" role="alert" hidden></p>
      </form>
    </section>`;
  const form = main.querySelector("#alert-open-case");
  form.querySelector("#alert-case-title").value = `${alert.detector} ${alert.detectorName || ""}: ${alert.explanation}`.slice(0, 200);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const answer = await openFromAlert(alert, form.querySelector("#alert-case-title").value.trim());
    const refusal = form.querySelector(".refusal");
    if (answer.ok) {
      location.hash = "#/cases/" + encodeURIComponent(answer.body.id);
    } else {
      refusal.textContent = "Refused: " + answer.detail;
      refusal.dataset.status = String(answer.status);
      refusal.hidden = false;
    }
  });
}
