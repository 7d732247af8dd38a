// Overview: the size of the record, mass per mineral and month, sites by ICGLR status, alerts,
// and the sites with their risks.

import { getJson } from "../api.js";
import { renderAlerts } from "../alerts.js";
import { monthlyOption } from "../charts.js";
import { count, countryLink, html, mass, mineralName, siteLink, text } from "../format.js";
import { STATUSES, armedBadge, statusBadge, statusIcon, statusLabel } from "../symbols.js";

export async function render(main, parameter, view) {
  const [summary, monthly, sites] = await Promise.all([
    getJson("/stats/summary"),
    getJson("/stats/monthly"),
    getJson("/sites", { limit: 1000 }),
  ]);
  main.replaceChildren(html(`
    <h1>Overview</h1>
    <p class="subtitle">The custody record${summary.firstMonth ? `, ${text(summary.firstMonth)} to ${text(summary.lastMonth)}` : ""}.</p>
    <div class="grid">
      <section class="card wide" aria-label="Counts">
        <div class="counts" id="counts">
          ${[["sites", "mine sites"], ["actors", "actors"], ["lots", "lots"], ["events", "custody events"]]
            .map(([key, label]) => `<div class="count" data-count="${key}"><b>${count(summary[key])}</b><span class="muted">${label}</span></div>`).join("")}
        </div>
      </section>
      <section class="card two-thirds">
        <h2>Mass per mineral and month</h2>
        <div class="chart" id="monthly-chart" role="img" aria-label="Tonnes tagged at mine sites (solid) and exported (dashed) per mineral and month"></div>
        <p class="muted">Solid: tagged at mine sites. Dashed: exported. Tonnes per calendar month (UTC).</p>
      </section>
      <section class="card third">
        <h2>Sites by ICGLR status</h2>
        <div id="status-bars"></div>
        <p class="muted">${summary.cahraSites} of ${summary.sites} sites in conflict-affected or high-risk areas;
          ${summary.sitesByArmedGroupPresence.present + summary.sitesByArmedGroupPresence.controlled} with an armed group present or in control.</p>
        <h2>Mass by mineral</h2>
        <table><thead><tr><th>Mineral</th><th class="num">Tagged</th><th class="num">Exported</th></tr></thead>
          <tbody>${summary.minerals.map((row) => `<tr><td>${text(mineralName(row.mineral))}</td>
            <td class="num">${row.taggedGrams ? mass(row.taggedGrams) : "–"}</td>
            <td class="num">${row.exportedGrams ? mass(row.exportedGrams) : "–"}</td></tr>`).join("")}</tbody></table>
      </section>
      <section class="card third">
        <h2>Alerts</h2>
        <div id="alerts"></div>
      </section>
      <section class="card two-thirds">
        <h2>Mine sites</h2>
        <div class="table-scroll">
        <table id="sites-table"><thead><tr><th>Site</th><th>Country</th><th>Minerals</th><th>ICGLR</th><th>Armed group</th></tr></thead>
          <tbody>${sites.items.map((site) => `<tr data-site="${text(site.id)}">
            <td>${siteLink(site.id, site.name)}${site.cahra ? ' <span class="pill" title="Conflict-affected or high-risk area">CAHRA</span>' : ""}</td>
            <td>${countryLink(site.country)}</td>
            <td>${site.minerals.map(mineralName).map(text).join(", ")}</td>
            <td>${statusBadge(site.icglrStatus)}</td>
            <td>${armedBadge(site.armedGroupPresence)}</td></tr>`).join("")}</tbody></table>
        </div>
      </section>
    </div>`));

  const largest = Math.max(1, ...STATUSES.map((status) => summary.sitesByIcglrStatus[status] || 0));
  main.querySelector("#status-bars").innerHTML = STATUSES.map((status) => {
    const sitesWithStatus = summary.sitesByIcglrStatus[status] || 0;
    return `<div class="bar-row" data-status-count="${status}">
      <span class="status">${statusIcon(status, 16)} ${statusLabel(status).split(" ")[0]}</span>
      <span><span class="bar ${status}" style="display:block;width:${Math.max(2, (100 * sitesWithStatus) / largest)}%"></span></span>
      <b class="num">${sitesWithStatus}</b></div>`;
  }).join("");

  view.chart(main.querySelector("#monthly-chart"), monthlyOption(monthly));
  await renderAlerts(main.querySelector("#alerts"));
}
