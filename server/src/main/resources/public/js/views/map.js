// Map: mine sites by ICGLR status (colour, shape and letter) with armed-group rings, the actors,
// the flows between them as lines weighted by mass, and the alerts placed at the site (or else the
// actor) they name; filters by mineral, country and period (the flows moved and the alerts raised in
// those months), and a switch for the alerts.

import { getJson } from "../api.js";
import { baseMap, boundsOf } from "../basemap.js";
import { html, kindName, mass, mineralName, text } from "../format.js";
import { severityBadge, severityLegend, severityMark, statusIcon, statusLegend, statusLabel } from "../symbols.js";

const FLOW_COLOUR = "#7a4b0b";

export async function render(main, parameter, view) {
  const [summary, sites, actorPage, alertPage] = await Promise.all([
    getJson("/stats/summary"), getJson("/sites", { limit: 1000 }), getJson("/actors", { limit: 1000 }), getJson("/alerts", { limit: 1000 }),
  ]);
  const countries = [...new Set(sites.items.map((site) => site.country))].sort();
  main.replaceChildren(html(`
    <h1>Map</h1>
    <p class="subtitle">Mine sites and the flows of material between the actors of the chain.</p>
    <div class="card wide">
      <div class="filters">
        <label>Mineral <select id="map-mineral"><option value="">All minerals</option>
          ${summary.minerals.map((row) => `<option value="${text(row.mineral)}">${text(mineralName(row.mineral))}</option>`).join("")}</select></label>
        <label>Country <select id="map-country"><option value="">All countries</option>
          ${countries.map((code) => `<option value="${text(code)}">${text(code)}</option>`).join("")}</select></label>
        <label>From <input type="month" id="map-from" min="${summary.firstMonth || ""}" max="${summary.lastMonth || ""}" value="${summary.firstMonth || ""}"></label>
        <label>To <input type="month" id="map-to" min="${summary.firstMonth || ""}" max="${summary.lastMonth || ""}" value="${summary.lastMonth || ""}"></label>
        <a id="map-country-link" hidden>Country page</a>
        <label><input type="checkbox" id="map-alerts" checked> Alerts</label>
        <span class="muted" id="map-caption"></span>
      </div>
      <div class="map" id="map"></div>
      <div class="legend">${statusLegend()}
        <span><svg width="12" height="12" aria-hidden="true"><circle cx="6" cy="6" r="4.5" fill="#fff" stroke="#1f2a30" stroke-width="2"/></svg> actor (trader, comptoir, smelter…)</span>
        <span><span class="line"></span> flow, width by mass</span>
        <span class="legend-alerts">alerts at a place, by their count and worst severity: ${severityLegend()}</span></div>
    </div>`));

  const map = view.own(await baseMap(main.querySelector("#map"), boundsOf(sites.items.map((site) => site.location))));
  const flowLayer = L.layerGroup().addTo(map);
  const actorLayer = L.layerGroup().addTo(map);
  const siteLayer = L.layerGroup().addTo(map);
  const alertLayer = L.layerGroup().addTo(map);
  const alertsBox = main.querySelector("#map-alerts");
  const mineralSelect = main.querySelector("#map-mineral");
  const countrySelect = main.querySelector("#map-country");
  const fromInput = main.querySelector("#map-from");
  const toInput = main.querySelector("#map-to");
  let flows = null;
  let placedAlerts = [];

  /**
   * The months chosen, the last one no earlier than the first; the record's first and last months
   * bound nothing, so that alerts raised since (a watch-list match today) stay on the map.
   */
  function period() {
    const from = fromInput.value === summary.firstMonth ? "" : fromInput.value;
    const chosenTo = toInput.value === summary.lastMonth ? "" : toInput.value;
    const to = chosenTo && fromInput.value && chosenTo < fromInput.value ? fromInput.value : chosenTo;
    return { from, to };
  }

  async function loadFlows() {
    const { from, to } = period();
    flows = await getJson("/stats/flows", { mineral: mineralSelect.value, from, to });
    const inPeriod = alertPage.items.filter((alert) => {
      const month = (alert.occurredAt || "").slice(0, 7);
      return (!from || month >= from) && (!to || month <= to);
    });
    placedAlerts = placeAlerts(inPeriod, sites.items, actorPage.items);
  }

  function draw() {
    const country = countrySelect.value;
    const mineral = mineralSelect.value;
    const nodes = new Map(flows.nodes.map((node) => [node.id, node]));
    flowLayer.clearLayers();
    actorLayer.clearLayers();
    siteLayer.clearLayers();

    const links = flows.links.filter((link) => {
      const source = nodes.get(link.source);
      const target = nodes.get(link.target);
      return source.location && target.location && (!country || source.country === country || target.country === country);
    });
    const heaviest = Math.max(1, ...links.map((link) => link.massGrams));
    for (const link of links.sort((first, second) => second.massGrams - first.massGrams)) {
      const source = nodes.get(link.source);
      const target = nodes.get(link.target);
      L.polyline([[source.location.lat, source.location.lon], [target.location.lat, target.location.lon]], {
        color: FLOW_COLOUR, opacity: 0.55, weight: 1.5 + 10 * Math.sqrt(link.massGrams / heaviest), lineCap: "round",
      }).bindTooltip(`${text(source.name)} → ${text(target.name)}<br>${mass(link.massGrams)} in ${link.lots} movements`, { sticky: true })
        .addTo(flowLayer);
    }

    const actors = new Map();
    for (const link of links) {
      for (const id of [link.source, link.target]) {
        const node = nodes.get(id);
        if (node.id.startsWith("actor:")) {
          actors.set(node.id, node);
        }
      }
    }
    for (const node of actors.values()) {
      L.circleMarker([node.location.lat, node.location.lon], { radius: 5, color: "#1f2a30", weight: 2, fillColor: "#fff", fillOpacity: 1 })
        .bindTooltip(`${text(node.name)}<br><span class="muted">${text(kindName(node.kind))}, ${text(node.country)}</span>`)
        .on("click", () => { location.hash = "#/actor/" + encodeURIComponent(node.id.slice("actor:".length)); })
        .addTo(actorLayer);
    }

    const shown = sites.items.filter((site) => (!country || site.country === country) && (!mineral || site.minerals.includes(mineral)));
    for (const site of shown) {
      const icon = L.divIcon({ className: "site-marker", html: statusIcon(site.icglrStatus, 20, site.armedGroupPresence), iconSize: null });
      const armed = site.armedGroupPresence === "none" ? "" : `<br>Armed group ${site.armedGroupPresence}`;
      L.marker([site.location.lat, site.location.lon], { icon, keyboard: true, title: site.name, alt: site.name, riseOnHover: true })
        .bindTooltip(`<b>${text(site.name)}</b> (${text(site.country)})<br>${text(statusLabel(site.icglrStatus))}${armed}`, { direction: "top", offset: [0, -12] })
        .on("click", () => { location.hash = "#/site/" + encodeURIComponent(site.id); })
        .addTo(siteLayer);
    }
    alertLayer.clearLayers();
    const places = alertsBox.checked ? placedAlerts.filter((place) => !country || place.country === country) : [];
    for (const place of places) {
      const worst = SEVERITIES.find((severity) => place.alerts.some((alert) => alert.severity === severity));
      const icon = L.divIcon({ className: "", html: `<span class="alert-marker" data-severity="${worst}">${severityMark(worst)} ${place.alerts.length}</span>`, iconSize: null, iconAnchor: [-8, 22] });
      L.marker([place.location.lat, place.location.lon], { icon, title: `${place.alerts.length} alerts at ${place.name}, the worst ${worst}`, zIndexOffset: 1000 })
        .bindPopup(`<b>${text(place.name)}</b>: ${place.alerts.length} alert${place.alerts.length === 1 ? "" : "s"}<ul class="popup-alerts">
          ${place.alerts.slice(0, 8).map((alert) => `<li><a href="#/alerts/${encodeURIComponent(alert.id)}">${text(alert.detector)}</a> ${severityBadge(alert.severity)}: ${text(alert.explanation)}</li>`).join("")}</ul>
          ${place.alerts.length > 8 ? `<a href="#/alerts">all alerts…</a>` : ""}`, { maxWidth: 360 })
        .addTo(alertLayer);
    }
    const alertCount = places.reduce((total, place) => total + place.alerts.length, 0);
    const { from, to } = period();
    main.querySelector("#map-caption").textContent = `${shown.length} sites, ${actors.size} actors, ${links.length} flows, ${alertCount} alerts`
      + (from || to ? ` from ${from || "the start"} to ${to || "now"}` : "")
      + (alertPage.total > alertPage.items.length ? ` (newest ${alertPage.items.length} of ${alertPage.total})` : "");
    main.querySelector("#map").dataset.sites = shown.length;
    main.querySelector("#map").dataset.flows = links.length;
    main.querySelector("#map").dataset.massGrams = links.reduce((total, link) => total + link.massGrams, 0);
    main.querySelector("#map").dataset.alerts = alertCount;
  }

  await loadFlows();
  draw();
  mineralSelect.addEventListener("change", async () => {
    await loadFlows();
    draw();
  });
  alertsBox.addEventListener("change", draw);
  for (const input of [fromInput, toInput]) {
    input.addEventListener("change", async () => {
      await loadFlows();
      draw();
    });
  }
  countrySelect.addEventListener("change", () => {
    draw();
    const countryLink = main.querySelector("#map-country-link");
    countryLink.hidden = !countrySelect.value;
    countryLink.href = "#/country/" + encodeURIComponent(countrySelect.value);
    countryLink.textContent = `Country page of ${countrySelect.value}: production against exports, mirror gaps`;
    const site = sites.items.filter((candidate) => !countrySelect.value || candidate.country === countrySelect.value);
    map.fitBounds(boundsOf(site.map((candidate) => candidate.location)), { padding: [20, 20] });
  });
}

const SEVERITIES = ["high", "medium", "low"];

/** Groups alerts by the place they happen: the first site they name, else the first actor with a location. */
function placeAlerts(alerts, sites, actors) {
  const sitesById = new Map(sites.map((site) => [site.id, site]));
  const actorsById = new Map(actors.filter((actor) => actor.location).map((actor) => [actor.id, actor]));
  const places = new Map();
  for (const alert of alerts) {
    const where = alert.sites.map((id) => sitesById.get(id)).find(Boolean) || alert.actors.map((id) => actorsById.get(id)).find(Boolean);
    if (!where) {
      continue;
    }
    const place = places.get(where.id) || { name: where.name, country: where.country, location: where.location, alerts: [] };
    place.alerts.push(alert);
    places.set(where.id, place);
  }
  return [...places.values()];
}
