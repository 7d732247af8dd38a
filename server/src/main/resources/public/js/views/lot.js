// A lot's trace: its lineage (upstream to the mine sites, downstream to where the material is now)
// as a graph with the mass on every edge, and the timeline of its own events on a map.

import { getJson } from "../api.js";
import { verifyEvent } from "../ledger.js";
import { baseMap, boundsOf } from "../basemap.js";
import { actorLink, count, dateTime, html, lotLink, mass, mineralName, siteLink, text } from "../format.js";
import { armedBadge, statusBadge } from "../symbols.js";

const MANY = 60;
let actorNames = null;

async function actors() {
  if (!actorNames) {
    actorNames = getJson("/actors", { limit: 1000 }).then((page) => new Map(page.items.map((actor) => [actor.id, actor])));
  }
  return actorNames;
}

export async function render(main, id, view) {
  const lot = await getJson("/lots/" + encodeURIComponent(id));
  const [upstream, downstream, history, actorsById] = await Promise.all([
    getJson(`/lots/${encodeURIComponent(lot.id)}/trace`, { direction: "upstream" }),
    getJson(`/lots/${encodeURIComponent(lot.id)}/trace`, { direction: "downstream" }),
    getJson(`/lots/${encodeURIComponent(lot.id)}/events`),
    actors(),
  ]);
  const actorName = (actorId) => actorLink(actorId, (actorsById.get(actorId) || {}).name || actorId);
  main.replaceChildren(html(`
    <h1>Lot ${text(lot.tagNumber)}</h1>
    <p class="subtitle">${text(mineralName(lot.mineral))}, ${mass(lot.massGrams)}${lot.grade ? `, grade ${lot.grade}%` : ""} · ${text(lot.state)} · id ${text(lot.id)}
      · <a id="lot-certificate" href="/api/v1/lots/${encodeURIComponent(lot.id)}/certificate.html">provenance certificate</a></p>
    <div class="grid">
      <section class="card third">
        <h2>Lot</h2>
        <dl class="facts">
          <dt>Tag number</dt><dd>${text(lot.tagNumber)}</dd>
          <dt>Mineral</dt><dd>${text(mineralName(lot.mineral))} (HS ${text(lot.hsCode)})</dd>
          <dt>Mass</dt><dd>${mass(lot.massGrams)}</dd>
          <dt>Origin site</dt><dd>${lot.originSite ? siteLink(lot.originSite) : "mixed, see origins"}</dd>
          <dt>Holder</dt><dd>${actorName(lot.holder)}</dd>
          <dt>State</dt><dd>${text(lot.state)}</dd>
          <dt>Created</dt><dd>${text(dateTime(lot.createdAt))}</dd>
        </dl>
      </section>
      <section class="card two-thirds">
        <h2>Origins</h2>
        <div class="table-scroll" style="max-height:240px">
        <table id="lot-origins"><thead><tr><th>Site</th><th>ICGLR</th><th>Armed group</th><th class="num">Mass into this lot</th><th class="num">Lots</th></tr></thead>
          <tbody>${(upstream.origins || []).map((origin) => `<tr><td>${siteLink(origin.site.id, origin.site.name)} <span class="muted">${text(origin.site.country || "")}</span></td>
            <td>${origin.site.icglrStatus ? statusBadge(origin.site.icglrStatus) : "?"}</td>
            <td>${origin.site.armedGroupPresence ? armedBadge(origin.site.armedGroupPresence) : "?"}</td>
            <td class="num">${mass(origin.massGrams)}</td><td class="num">${origin.lots.length}</td></tr>`).join("")}</tbody></table>
        </div>
        ${(downstream.destinations || []).length ? `<h2 style="margin-top:12px">Where it is now</h2>
          <p>${downstream.destinations.slice(0, 12).map((destination) => `${lotLink(destination.lot, destination.tagNumber)} ${mass(destination.massGrams)} held by ${actorName(destination.holder)}`).join("; ")}</p>` : ""}
      </section>
      <section class="card wide">
        <h2>Lineage</h2>
        <div class="chart tall" id="lineage" role="img" aria-label="Lineage graph of the lot"></div>
        <p class="muted">Upstream on the left (${count(upstream.lots.length - 1)} lots), downstream on the right (${count(downstream.lots.length - 1)} lots); edges carry the mass that went from one lot into the next. Click a lot to trace it.</p>
      </section>
      <section class="card">
        <h2>Timeline</h2>
        <div class="table-scroll">
        <table id="lot-events"><thead><tr><th>#</th><th>When</th><th>Event</th><th>By</th><th>Details</th><th>Ledger</th></tr></thead>
          <tbody>${history.events.map((event, index) => `<tr data-event="${text(event.type)}"><td>${index + 1}</td><td>${text(dateTime(event.time))}</td>
            <td>${text(event.type)}</td><td>${actorName(event.actor)}</td><td>${details(event, actorName)}</td>
            <td class="ledger-status" data-index="${index}">leaf ${count(event.sequence)} <button type="button" class="link verify-event" data-index="${index}">verify</button></td></tr>`).join("")}</tbody></table>
        </div>
        <p class="muted"><button type="button" id="verify-all">Verify every event</button>
          Checks in this browser, with its own SHA-256 and Ed25519, that each event is in the ledger's latest signed checkpoint.</p>
      </section>
      <section class="card"><h2>Where it went</h2><div class="map" id="lot-map"></div></section>
    </div>`));

  drawLineage(view, main.querySelector("#lineage"), lot, upstream, downstream);
  wireVerification(main, history.events);

  const places = history.events.map((event) => event.place);
  const map = view.own(await baseMap(main.querySelector("#lot-map"), boundsOf(places)));
  L.polyline(places.map((place) => [place.lat, place.lon]), { color: "#7a4b0b", weight: 3, opacity: 0.7, dashArray: "6 6" }).addTo(map);
  history.events.forEach((event, index) => {
    L.marker([event.place.lat, event.place.lon], {
      icon: L.divIcon({ className: "", html: `<div class="step-marker">${index + 1}</div>`, iconSize: [22, 22], iconAnchor: [11, 11] }),
      title: `${index + 1}. ${event.type}`,
      zIndexOffset: index,
    }).bindTooltip(`${index + 1}. ${text(event.type)}, ${text(dateTime(event.time))}`).addTo(map);
  });
}

/** Each verify button checks its event's inclusion proof; "verify every event" checks them in turn. */
function wireVerification(main, events) {
  const verify = async (index) => {
    const cell = main.querySelector(`.ledger-status[data-index="${index}"]`);
    cell.dataset.verified = "checking";
    cell.textContent = "checking…";
    try {
      const result = await verifyEvent(events[index]);
      cell.dataset.verified = result.ok ? "yes" : "no";
      const failed = result.steps.find((step) => !step.ok);
      cell.textContent = result.ok ? `✓ leaf ${count(result.index)} of ${count(result.size)}` : `✗ ${failed.name}: ${failed.detail}`;
      cell.title = result.steps.map((step) => `${step.ok ? "✓" : "✗"} ${step.name} (${step.detail})`).join("\n");
    } catch (error) {
      cell.dataset.verified = "no";
      cell.textContent = `✗ ${error.message}`;
    }
  };
  main.querySelectorAll(".verify-event").forEach((button) => button.addEventListener("click", () => verify(Number(button.dataset.index))));
  main.querySelector("#verify-all").addEventListener("click", async () => {
    for (let index = 0; index < events.length; index++) {
      await verify(index);
    }
  });
}

function details(event, actorName) {
  switch (event.type) {
    case "tag": return `at ${siteLink(event.site)}, ${mass(event.massGrams)}`;
    case "transfer": return `to ${actorName(event.toActor)}`;
    case "ship": return `to ${actorName(event.consignee)}${event.transporter ? ` by ${actorName(event.transporter)}` : ""}`;
    case "receive": return event.massGrams ? `weighed ${mass(event.massGrams)}` : "";
    case "split": return `into ${event.parts.map((part) => lotLink(part.lot, part.tagNumber)).join(", ")}`;
    case "merge": return `${event.inputs.length} lots into ${lotLink(event.output.lot, event.output.tagNumber)}`;
    case "process": return `${event.inputs.length} inputs into ${event.outputs.map((output) => lotLink(output.lot, output.tagNumber)).join(", ")}`;
    case "assay": return `grade ${event.grade}% (${text(event.laboratory)})`;
    case "export": return `to ${text(event.destination)}, declaration ${text(event.declarationNumber)}${event.massGrams ? `, ${mass(event.massGrams)}` : ""}`;
    case "import": return `from ${text(event.origin)}, declaration ${text(event.declarationNumber)}${event.massGrams ? `, ${mass(event.massGrams)}` : ""}`;
    default: return "";
  }
}

/** Lays the lineage out in columns by depth: upstream to the left, downstream to the right. */
function drawLineage(view, element, lot, upstream, downstream) {
  const columns = new Map();
  const nodes = new Map();
  const place = (traced, sign) => {
    for (const node of traced.lots) {
      if (nodes.has(node.id)) {
        continue;
      }
      const column = sign * node.depth;
      const members = columns.get(column) || [];
      members.push(node.id);
      columns.set(column, members);
      nodes.set(node.id, { node, column });
    }
  };
  place(upstream, -1);
  place(downstream, 1);
  const tallest = Math.max(...[...columns.values()].map((members) => members.length));
  const data = [...nodes.values()].map(({ node, column }) => {
    const members = columns.get(column);
    const row = members.indexOf(node.id);
    const isTraced = node.id === lot.id;
    return {
      name: node.id,
      x: column * 200,
      y: ((row + 0.5) / members.length) * Math.max(tallest, 4) * 26,
      tooltip: { show: true },
      value: node.massGrams,
      symbol: isTraced ? "diamond" : node.originSite ? "rect" : "circle",
      symbolSize: isTraced ? 22 : 12,
      itemStyle: { color: isTraced ? "#d55e00" : node.originSite ? "#009e73" : "#0072b2", borderColor: "#1f2a30" },
      label: { show: isTraced || nodes.size <= MANY, formatter: node.tagNumber, position: "bottom", fontSize: 10 },
      tagNumber: node.tagNumber,
      detail: `${node.tagNumber}: ${mineralName(node.mineral)}, ${mass(node.massGrams)}, ${node.state}`,
    };
  });
  // Two invisible anchors keep the drawing at the top of its box when every column holds one lot.
  const height = Math.max(tallest, 4) * 26;
  data.push({ name: "__top", x: 0, y: 0, symbolSize: 0, label: { show: false }, tooltip: { show: false } },
    { name: "__bottom", x: 0, y: height, symbolSize: 0, label: { show: false }, tooltip: { show: false } });
  element.style.height = Math.min(640, Math.max(220, height + 80)) + "px";
  const allEdges = [...upstream.edges, ...downstream.edges];
  const heaviest = Math.max(1, ...allEdges.map((edge) => edge.massGrams));
  const edges = allEdges.map((edge) => ({
    source: edge.from,
    target: edge.to,
    value: edge.massGrams,
    lineStyle: { width: 1 + 5 * Math.sqrt(edge.massGrams / heaviest) },
    label: { show: nodes.size <= MANY, formatter: mass(edge.massGrams), fontSize: 9 },
    eventType: edge.eventType,
  }));
  const chart = view.chart(element, {
    animation: false,
    tooltip: {
      formatter: (item) => item.dataType === "edge"
        ? `${text(item.data.eventType)}: ${mass(item.data.value)}`
        : text(item.data.detail),
    },
    series: [{
      type: "graph",
      layout: "none",
      roam: true,
      data,
      edges,
      edgeSymbol: ["none", "arrow"],
      edgeSymbolSize: 7,
      lineStyle: { color: "#7a4b0b", opacity: 0.6, width: 1.2 },
      emphasis: { focus: "adjacency" },
    }],
  });
  chart.on("click", (event) => {
    if (event.dataType === "node" && event.name !== lot.id && !event.name.startsWith("__")) {
      location.hash = "#/lot/" + encodeURIComponent(event.name);
    }
  });
  element.dataset.lots = nodes.size;
}
