// A country (#/country/<ISO code>): what its registered mines can produce against what left it,
// per mined mineral and year, from every source D10 compares (the custody record's export
// declarations, the country's own trade statistics, its partners' mirror imports); the mirror gap
// per partner; the D10 alerts and the other alerts naming the country; its sites and actors.
// The chart uses a logarithmic axis, since a country's capacity is often a hundred times its
// recorded exports, and each source has its own pattern as well as its own colour.

import { getJson, send } from "../api.js";
import {
  PALETTE, actorLink, count, dateTime, html, kindName, link, mineralName, networkLink, siteLink, text,
} from "../format.js";
import { armedBadge, statusBadge } from "../symbols.js";

const tonnesFormat = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

/** Kilograms as tonnes, e.g. "34.4 t". */
function tonnes(kilograms) {
  return tonnesFormat.format((kilograms || 0) / 1000) + " t";
}

const SOURCES = [
  { key: "capacityKg", name: "Capacity (registered sites)", decal: { symbol: "rect", dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: 0 } },
  { key: "recordedExportKg", name: "Exports in the custody record", decal: { symbol: "none" } },
  { key: "declaredExportKg", name: "Exports it declared", decal: { symbol: "circle", symbolSize: 0.6, dashArrayX: [[6, 6]], dashArrayY: [6, 0] } },
  { key: "mirrorImportKg", name: "Partners' mirror imports", decal: { symbol: "rect", dashArrayX: [1, 0], dashArrayY: [3, 3], rotation: Math.PI / 4 } },
];

export async function render(main, code, view) {
  const answer = await send("GET", "/countries/" + encodeURIComponent(code));
  if (!answer.ok) {
    // A country outside the user's need to know (or unknown) is an answer to show, not a failure.
    main.innerHTML = `<h1>Country ${text(code)} not available</h1><p class="refusal" role="alert" id="country-refused"></p>`;
    main.querySelector("#country-refused").textContent = answer.detail;
    return;
  }
  const country = answer.body;
  const [sites, actors, alerts] = await Promise.all([
    getJson("/sites", { country: country.country, limit: 1000 }),
    getJson("/actors", { country: country.country, limit: 1000 }),
    getJson("/alerts", { country: country.country, limit: 20 }),
  ]);
  const trade = [...country.trade].sort((a, b) => a.year - b.year || a.mineral.localeCompare(b.mineral));
  const mirrorAlerts = country.alerts;
  main.replaceChildren(html(`
    <h1>${text(country.name)} (${text(country.country)})</h1>
    <p class="subtitle">${count(country.sites)} registered mine sites, ${count(actors.total)} actors,
      ${count(country.alertsNamingCountry)} alerts naming the country · ${link("alerts", "all alerts")}</p>
    <div class="grid">
      <section class="card two-thirds">
        <h2>Production against exports, per mineral and year</h2>
        ${trade.length ? `<div class="chart" id="country-chart" role="img" aria-label="Capacity, recorded, declared and mirror exports per mineral and year, in tonnes"></div>
        <p class="muted">Logarithmic scale. Each source has its own fill pattern: plain for the custody record, hatched for the partners' mirror imports.
          Partners importing more than the country declared exporting is the mirror gap (D10).</p>`
          : `<p class="muted" id="country-no-trade">No trade recorded or declared for this country.</p>`}
      </section>
      <section class="card third">
        <h2>Production capacity</h2>
        <table id="country-production"><thead><tr><th>Mineral</th><th class="num">A month</th><th class="num">A year</th></tr></thead>
          <tbody>${country.production.map((row) => `<tr><td>${text(mineralName(row.mineral))}</td>
            <td class="num">${tonnes(row.capacityKgPerMonth)}</td><td class="num">${tonnes(row.capacityKgPerYear)}</td></tr>`).join("")
            || `<tr><td colspan="3" class="muted">No assessed capacity.</td></tr>`}</tbody></table>
        <p class="muted">The assessed capacity of the country's registered sites.</p>
        <h2>Mirror-trade alerts (D10)</h2>
        <div id="country-mirror-alerts">${mirrorAlerts.length ? mirrorAlerts.map(alertItem).join("")
          : `<p class="muted">No mirror-trade alert: the sources agree within the detector's tolerance.</p>`}</div>
      </section>
      <section class="card wide">
        <h2>Trade by source and the mirror gap</h2>
        <div class="table-scroll">
        <table id="country-trade"><thead><tr><th>Mineral</th><th>Year</th><th class="num">Capacity</th><th class="num">Recorded exports</th>
          <th class="num">Declared exports</th><th class="num">Mirror imports</th><th class="num">Gap</th><th>Partners: declared export / mirror import</th></tr></thead>
          <tbody>${trade.map(tradeRow).join("")}</tbody></table>
        </div>
        <p class="muted">Gap: what partners declared importing less what the country declared exporting. A positive gap is mineral that left without an export declaration;
          "not reported" means the country published no statistics for that mineral and year.</p>
      </section>
      <section class="card wide">
        <h2>Alerts naming ${text(country.country)}</h2>
        <table id="country-alerts"><thead><tr><th>Score</th><th>Detector</th><th>When</th><th>What happened</th></tr></thead>
          <tbody>${alerts.items.map((alert) => `<tr data-alert="${text(alert.id)}"><td>${Math.round((alert.score ?? 0) * 100)}</td>
            <td><span class="pill">${text(alert.detector)}</span> ${text(alert.detectorName || "")}</td><td>${text(dateTime(alert.occurredAt))}</td>
            <td>${link("alerts/" + encodeURIComponent(alert.id), alert.explanation)}</td></tr>`).join("")}</tbody></table>
        <p class="muted">${alerts.total > alerts.items.length ? `The newest ${alerts.items.length} of ${count(alerts.total)}.` : ""}</p>
      </section>
      <section class="card">
        <h2>Mine sites</h2>
        <div class="table-scroll" style="max-height:360px">
        <table id="country-sites"><thead><tr><th>Site</th><th>Minerals</th><th>ICGLR</th><th>Armed group</th></tr></thead>
          <tbody>${sites.items.map((site) => `<tr><td>${siteLink(site.id, site.name)}</td><td>${site.minerals.map(mineralName).map(text).join(", ")}</td>
            <td>${statusBadge(site.icglrStatus)}</td><td>${armedBadge(site.armedGroupPresence)}</td></tr>`).join("")}</tbody></table>
        </div>
      </section>
      <section class="card">
        <h2>Actors</h2>
        <div class="table-scroll" style="max-height:360px">
        <table id="country-actors"><thead><tr><th>Actor</th><th>Kind</th><th>Links</th></tr></thead>
          <tbody>${actors.items.map((actor) => `<tr><td>${actorLink(actor.id, actor.name)}</td><td>${text(kindName(actor.kind))}</td>
            <td>${networkLink(actor.id)}</td></tr>`).join("")}</tbody></table>
        </div>
      </section>
    </div>`));
  main.dataset.trade = String(trade.length);
  if (trade.length) {
    view.chart(main.querySelector("#country-chart"), chartOption(trade));
  }
}

function alertItem(alert) {
  return `<div class="alert-item" data-alert="${text(alert.id)}"><span class="score">${Math.round((alert.score ?? 0) * 100)}</span>
    <span class="pill">${text(alert.detector)}</span> ${link("alerts/" + encodeURIComponent(alert.id), alert.explanation)}</div>`;
}

function tradeRow(row) {
  const gap = row.reported ? row.gapKg : null;
  const flagged = gap !== null && gap > 0 && gap >= 0.05 * Math.max(row.declaredExportKg, 1);
  return `<tr data-mineral="${text(row.mineral)}" data-year="${row.year}">
    <td>${text(mineralName(row.mineral))}</td><td>${row.year}</td>
    <td class="num">${tonnes(row.capacityKg)}</td><td class="num">${tonnes(row.recordedExportKg)}</td>
    <td class="num">${row.reported ? tonnes(row.declaredExportKg) : `<span class="muted">not reported</span>`}</td>
    <td class="num">${tonnes(row.mirrorImportKg)}</td>
    <td class="num">${gap === null ? "–" : `${flagged ? '<b class="gap" data-gap="high">▲ ' : ""}${gap > 0 ? "+" : ""}${tonnes(gap)}${flagged ? "</b>" : ""}`}</td>
    <td>${(row.partners || []).map((partner) => `${text(partner.partner)}: ${tonnes(partner.declaredExportKg)} / ${tonnes(partner.mirrorImportKg)}`).join("<br>")
      || '<span class="muted">none</span>'}</td></tr>`;
}

function chartOption(trade) {
  const categories = trade.map((row) => `${mineralName(row.mineral)} ${row.year}`);
  return {
    animation: false,
    aria: { enabled: true, decal: { show: true } },
    tooltip: { trigger: "axis", valueFormatter: (value) => (value == null ? "none" : tonnes(value)) },
    legend: { bottom: 0 },
    grid: { left: 64, right: 16, top: 30, bottom: 64 },
    xAxis: { type: "category", data: categories },
    // Kilograms on the axis (a bar on a logarithmic axis rises from 1), labelled in kg or tonnes.
    yAxis: { type: "log", name: "mass (log scale)", min: 1, nameTextStyle: { align: "left" },
      axisLabel: { formatter: (value) => (value >= 1000 ? tonnesFormat.format(value / 1000) + " t" : value + " kg") } },
    series: SOURCES.map((source, index) => ({
      name: source.name,
      type: "bar",
      color: PALETTE[index],
      itemStyle: { borderColor: "#1f2a30", borderWidth: 1, decal: source.decal },
      // A logarithmic axis has no zero: a source that says nothing (or zero) draws no bar.
      data: trade.map((row) => (row[source.key] >= 1 && (source.key !== "declaredExportKg" || row.reported) ? row[source.key] : null)),
    })),
  };
}
