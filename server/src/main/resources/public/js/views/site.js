// A mine site: its registry entry, its monthly output against its assessed capacity, its lots, its risk score and the alerts naming it.

import { getJson } from "../api.js";
import { baseMap } from "../basemap.js";
import { fillRiskAndAlerts, riskAndAlertsCard } from "../risk.js";
import { monthlyOption } from "../charts.js";
import { count, countryLink, html, lotLink, mass, mineralName, text } from "../format.js";
import { armedBadge, statusBadge, statusIcon } from "../symbols.js";

export async function render(main, id, view) {
  const [site, throughput, lots] = await Promise.all([
    getJson("/sites/" + encodeURIComponent(id)),
    getJson("/sites/" + encodeURIComponent(id) + "/throughput"),
    getJson("/lots", { site: id, limit: 50 }),
  ]);
  const capacities = Object.entries(site.capacityKgPerMonth || {});
  main.replaceChildren(html(`
    <h1>${text(site.name)}</h1>
    <p class="subtitle">Mine site ${text(site.id)}, ${countryLink(site.country)}</p>
    <div class="grid">
      <section class="card third">
        <h2>Registry</h2>
        <dl class="facts">
          <dt>ICGLR status</dt><dd>${statusBadge(site.icglrStatus)}</dd>
          <dt>Armed group</dt><dd>${armedBadge(site.armedGroupPresence)}</dd>
          <dt>CAHRA</dt><dd>${site.cahra ? "<b>yes</b>, conflict-affected or high-risk area" : "no"}</dd>
          <dt>Minerals</dt><dd>${site.minerals.map(mineralName).map(text).join(", ")}</dd>
          <dt>Capacity</dt><dd>${capacities.length ? capacities.map(([mineral, kilograms]) => `${text(mineralName(mineral))}: ${mass(kilograms * 1000)} a month`).join("<br>") : "not assessed"}</dd>
          <dt>Location</dt><dd>${site.location.lat.toFixed(4)}, ${site.location.lon.toFixed(4)}</dd>
        </dl>
      </section>
      <section class="card third"><h2>Where</h2><div class="map small" id="site-map"></div></section>
      <section class="card third">
        <h2>Lots tagged here</h2>
        <p><b>${count(lots.total)}</b> lots${lots.total > lots.items.length ? `, the first ${lots.items.length} shown` : ""}.</p>
        <div class="table-scroll" style="max-height:260px">
        <table id="site-lots"><thead><tr><th>Tag</th><th class="num">Mass</th><th>State</th></tr></thead>
          <tbody>${lots.items.map((lot) => `<tr><td>${lotLink(lot.id, lot.tagNumber)}</td><td class="num">${mass(lot.massGrams)}</td><td>${text(lot.state)}</td></tr>`).join("")}</tbody></table>
        </div>
      </section>
      <section class="card wide">
        <h2>Output per month</h2>
        <div class="chart" id="site-chart" role="img" aria-label="Tonnes tagged at the site per month, with its assessed capacity"></div>
        <p class="muted">Tonnes tagged per month; the dotted line is the assessed capacity. Output above capacity is a sign of tag laundering.</p>
      </section>
      ${riskAndAlertsCard("site")}
    </div>`));
  await fillRiskAndAlerts(main, "site", "sites", "site", site.id);

  const capacitySeries = capacities.map(([mineral, kilograms]) => ({
    name: `${mineralName(mineral)} capacity`,
    type: "line",
    data: throughput.months.map(() => kilograms / 1000),
    symbol: "none",
    color: "#555",
    lineStyle: { type: "dotted", width: 2 },
  }));
  view.chart(main.querySelector("#site-chart"), monthlyOption(throughput, { extraSeries: capacitySeries }));
  const point = [site.location.lat, site.location.lon];
  const map = view.own(await baseMap(main.querySelector("#site-map"), [[point[0] - 1.5, point[1] - 1.5], [point[0] + 1.5, point[1] + 1.5]]));
  L.marker(point, { icon: L.divIcon({ className: "site-marker", html: statusIcon(site.icglrStatus, 22, site.armedGroupPresence), iconSize: null }), title: site.name }).addTo(map);
}
