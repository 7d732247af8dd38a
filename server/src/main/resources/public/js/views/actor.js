// An actor: its registry entry, what it received and passed on each month, the lots it holds, its risk score and the alerts naming it.

import { getJson } from "../api.js";
import { baseMap } from "../basemap.js";
import { fillRiskAndAlerts, riskAndAlertsCard } from "../risk.js";
import { monthlyOption } from "../charts.js";
import { count, countryLink, html, kindName, lotLink, mass, mineralName, networkLink, text } from "../format.js";

export async function render(main, id, view) {
  const [actor, throughput, lots] = await Promise.all([
    getJson("/actors/" + encodeURIComponent(id)),
    getJson("/actors/" + encodeURIComponent(id) + "/throughput"),
    getJson("/lots", { holder: id, limit: 50 }),
  ]);
  main.replaceChildren(html(`
    <h1>${text(actor.name)}</h1>
    <p class="subtitle">${text(kindName(actor.kind))} ${text(actor.id)}, ${countryLink(actor.country)} · <span id="actor-network-link">${networkLink(actor.id, "Network: owners, directors, trade and paths to listed entities")}</span></p>
    <div class="grid">
      <section class="card third">
        <h2>Registry</h2>
        <dl class="facts">
          <dt>Kind</dt><dd>${text(kindName(actor.kind))}</dd>
          <dt>Country</dt><dd>${countryLink(actor.country)}</dd>
          <dt>Licence</dt><dd>${actor.licence ? `${text(actor.licence.number)}<br><span class="muted">${text(actor.licence.validFrom)} to ${text(actor.licence.validUntil)}</span>` : "<b>none</b>"}</dd>
          <dt>Location</dt><dd>${actor.location ? `${actor.location.lat.toFixed(4)}, ${actor.location.lon.toFixed(4)}` : "unknown"}</dd>
        </dl>
      </section>
      <section class="card third"><h2>Where</h2>${actor.location ? '<div class="map small" id="actor-map"></div>' : '<p class="muted">No known location.</p>'}</section>
      <section class="card third">
        <h2>Lots it holds</h2>
        <p><b>${count(lots.total)}</b> lots${lots.total > lots.items.length ? `, the first ${lots.items.length} shown` : ""}.</p>
        <div class="table-scroll" style="max-height:260px">
        <table id="actor-lots"><thead><tr><th>Tag</th><th>Mineral</th><th class="num">Mass</th><th>State</th></tr></thead>
          <tbody>${lots.items.map((lot) => `<tr><td>${lotLink(lot.id, lot.tagNumber)}</td><td>${text(mineralName(lot.mineral))}</td><td class="num">${mass(lot.massGrams)}</td><td>${text(lot.state)}</td></tr>`).join("")}</tbody></table>
        </div>
      </section>
      <section class="card wide">
        <h2>Throughput per month</h2>
        <div class="chart" id="actor-chart" role="img" aria-label="Tonnes received and passed on per month"></div>
        <p class="muted">Solid: received (tagged, bought, imported). Dashed: passed on (sold, shipped, exported). Over a long period, passing on more than was received is a mass-balance red flag.</p>
      </section>
      ${riskAndAlertsCard("actor")}
    </div>`));
  await fillRiskAndAlerts(main, "actor", "actors", "actor", actor.id);
  view.chart(main.querySelector("#actor-chart"), monthlyOption(throughput));
  if (actor.location) {
    const point = [actor.location.lat, actor.location.lon];
    const map = view.own(await baseMap(main.querySelector("#actor-map"), [[point[0] - 1.5, point[1] - 1.5], [point[0] + 1.5, point[1] + 1.5]]));
    L.circleMarker(point, { radius: 7, color: "#1f2a30", weight: 2, fillColor: "#fff", fillOpacity: 1 }).bindTooltip(text(actor.name)).addTo(map);
  }
}
