// An actor's network (#/network/<actor id>): the entity graph of GET /api/v1/actors/{id}/network
// drawn as an ECharts force graph (actors, their owners and directors, shared identifiers, custody
// trade, armed-group sites and watch-list entries), and the shortest paths from the actor to every
// listed entity or armed-group site, each with its evidence. The edges of those paths are drawn
// thick and dashed in one colour, so that they read without colour vision; every node kind has its
// own shape and the legend names them. Choosing a path highlights it alone.

import { send } from "../api.js";
import { actorLink, html, link, text } from "../format.js";

const KINDS = [
  { kind: "actor", name: "Actor (trader, comptoir, smelter…)", symbol: "circle", colour: "#56b4e9" },
  { kind: "person", name: "Person", symbol: "triangle", colour: "#e69f00" },
  { kind: "company", name: "Company", symbol: "rect", colour: "#009e73" },
  { kind: "watch-list-entry", name: "Watch-list entry (sanctions)", symbol: "diamond", colour: "#d55e00" },
  { kind: "armed-group-site", name: "Site with an armed group", symbol: "pin", colour: "#000000" },
];
const EDGE_STYLES = {
  ownership: { type: "solid", width: 2.5, label: "owns" },
  directorship: { type: "dashed", width: 2, label: "directs" },
  payment: { type: "solid", width: 1.5, label: "paid" },
  family: { type: "dashed", width: 1.5, label: "family" },
  associate: { type: "dotted", width: 1.5, label: "associate" },
  "shared-licence": { type: "dotted", width: 2, label: "same licence" },
  "shared-address": { type: "dotted", width: 2, label: "same address" },
  "shared-phone": { type: "dotted", width: 2, label: "same phone" },
  trade: { type: "solid", width: 1, label: "trade" },
  sourcing: { type: "dashed", width: 1, label: "sources from" },
  listed: { type: "solid", width: 3, label: "listed" },
};
const PATH_COLOUR = "#d55e00";

export async function render(main, actorId, view) {
  const depthWanted = 2;
  main.replaceChildren(html(`
    <h1>Network</h1>
    <p class="subtitle" id="network-subtitle"></p>
    <p class="role-note" id="network-risk" hidden></p>
    <div class="grid">
      <section class="card wide">
        <div class="filters">
          <label>Depth <select id="network-depth">${[1, 2, 3, 4].map((depth) => `<option value="${depth}"${depth === depthWanted ? " selected" : ""}>${depth} link${depth > 1 ? "s" : ""}</option>`).join("")}</select></label>
          <label>Show <select id="network-focus"><option value="">the whole neighbourhood</option></select></label>
          <span class="muted" id="network-caption"></span>
        </div>
        <div class="chart tall" id="network" role="img" aria-label="Entity graph of the actor"></div>
        <div class="legend">${KINDS.map((kind) => `<span>${shapeIcon(kind)} ${text(kind.name)}</span>`).join("")}
          <span><span class="edge-sample" style="border-top-style:solid"></span> owns / trade (thin)</span>
          <span><span class="edge-sample" style="border-top-style:dashed"></span> directs / sources from</span>
          <span><span class="edge-sample" style="border-top-style:dotted"></span> shared licence, address or phone</span>
          <span><span class="edge-sample path"></span> on a path to a listed entity or armed group</span></div>
        <p class="muted">Drag to move, scroll to zoom; hover an edge for why it exists; click an actor to centre the network on it.</p>
      </section>
      <section class="card wide">
        <h2>Paths to listed entities and armed groups</h2>
        <ol id="network-paths" class="paths"></ol>
      </section>
    </div>`));
  const chart = view.chart(main.querySelector("#network"), { animation: false });
  const depthSelect = main.querySelector("#network-depth");
  const focusSelect = main.querySelector("#network-focus");
  let network = null;

  chart.on("click", (event) => {
    if (event.dataType !== "node") {
      return;
    }
    const [kind, ...rest] = event.data.id.split(":");
    if (kind === "actor" && rest.join(":") !== actorId) {
      location.hash = "#/network/" + encodeURIComponent(rest.join(":"));
    } else if (kind === "site") {
      location.hash = "#/site/" + encodeURIComponent(rest.join(":"));
    }
  });

  async function load() {
    const answer = await send("GET", "/actors/" + encodeURIComponent(actorId) + "/network?depth=" + depthSelect.value);
    if (!answer.ok) {
      // Networks are for the agencies: anyone else is told so, which is not a failure of the page.
      main.innerHTML = `<h1>Network not available</h1><p class="refusal" role="alert" id="network-refused"></p><p>${actorLink(actorId, "Actor page")}</p>`;
      main.querySelector("#network-refused").textContent = answer.detail;
      return false;
    }
    network = complete(answer.body);
    await showRisk();
    const centre = network.nodes.find((node) => node.id === network.centre);
    main.querySelector("h1").textContent = "Network of " + (centre ? centre.label : actorId);
    main.querySelector("#network-subtitle").innerHTML =
      `${actorLink(actorId, "Actor page")} · owners, directors, shared identifiers, trade and sourcing within ${network.depth} link${network.depth > 1 ? "s" : ""}`;
    focusSelect.innerHTML = `<option value="">the whole neighbourhood</option>` +
      network.paths.map((path, index) => `<option value="${index}">path ${index + 1} to ${text(label(path.target))}</option>`).join("");
    renderPaths();
    draw(null);
    return true;
  }

  /** The actor's risk score and its factors (GET /api/v1/risk/actors/{id}), where the user may read it. */
  async function showRisk() {
    const risk = await send("GET", "/risk/actors/" + encodeURIComponent(actorId));
    const box = main.querySelector("#network-risk");
    box.hidden = !risk.ok;
    if (risk.ok) {
      box.innerHTML = `<b>Risk ${risk.body.score}/100</b>: ` +
        (risk.body.factors.map((factor) => `${text(factor.name)} +${factor.points} (${text(factor.detail)})`).join("; ") || "no risk factor");
    }
  }

  function label(id) {
    const node = network.nodes.find((candidate) => candidate.id === id);
    return node ? node.label : id;
  }

  function renderPaths() {
    const list = main.querySelector("#network-paths");
    const ordered = network.paths.map((path, index) => ({ path, index }))
      .sort((a, b) => Number(b.path.target.startsWith("listed:")) - Number(a.path.target.startsWith("listed:")) || a.path.hops - b.path.hops);
    list.innerHTML = ordered.map(({ path, index }) => {
      const listed = path.target.startsWith("listed:");
      return `<li class="network-path" data-target="${text(path.target)}" data-kind="${listed ? "listed" : "armed-group-site"}">
        <b>${listed ? "◆ Listed:" : "⚑ Armed group at"} ${text(label(path.target))}</b> <span class="muted">${path.hops} link${path.hops > 1 ? "s" : ""}</span>
        <button type="button" class="link" data-path="${index}">show on the graph</button>
        <div class="path-chain">${path.nodes.map((id) => nodeLink(id)).join(" → ")}</div>
        <div class="muted evidence">${text(path.evidence)}</div></li>`;
    }).join("") || `<li class="muted">No path within four links to a watch-list entry or an armed-group site.</li>`;
    list.querySelectorAll("button[data-path]").forEach((button) => button.addEventListener("click", () => {
      focusSelect.value = button.dataset.path;
      draw(Number(button.dataset.path));
      main.querySelector("#network").scrollIntoView({ block: "nearest" });
    }));
  }

  function nodeLink(id) {
    const [kind, ...rest] = id.split(":");
    const reference = rest.join(":");
    if (kind === "actor") {
      return link("network/" + encodeURIComponent(reference), label(id));
    }
    if (kind === "site") {
      return link("site/" + encodeURIComponent(reference), label(id));
    }
    return `<span>${text(label(id))}</span>`;
  }

  function draw(focus) {
    const shown = focus === null ? network.paths : [network.paths[focus]];
    const onPath = new Set();
    const pathNodes = new Set();
    shown.forEach((path) => {
      path.nodes.forEach((id) => pathNodes.add(id));
      path.edges.forEach((edge) => onPath.add(edge.from + "|" + edge.to + "|" + edge.kind));
    });
    const kindIndex = new Map(KINDS.map((kind, index) => [kind.kind, index]));
    const nodes = network.nodes.map((node) => {
      const kind = KINDS[kindIndex.get(node.kind) ?? 0];
      const centre = node.id === network.centre;
      const dim = focus !== null && !pathNodes.has(node.id);
      return {
        id: node.id,
        name: node.label,
        category: kindIndex.get(node.kind) ?? 0,
        symbol: kind.symbol,
        symbolSize: centre ? 34 : pathNodes.has(node.id) ? 22 : 16,
        itemStyle: { borderColor: pathNodes.has(node.id) ? PATH_COLOUR : "#1f2a30", borderWidth: centre || pathNodes.has(node.id) ? 3 : 1, opacity: dim ? 0.25 : 1 },
        label: { show: centre || pathNodes.has(node.id) || network.nodes.length <= 40, fontWeight: centre ? "bold" : "normal" },
        value: kind.name,
      };
    });
    const edges = network.edges.map((edge) => {
      const style = EDGE_STYLES[edge.kind] || EDGE_STYLES.trade;
      const highlighted = onPath.has(edge.from + "|" + edge.to + "|" + edge.kind) || onPath.has(edge.to + "|" + edge.from + "|" + edge.kind);
      return {
        source: edge.from,
        target: edge.to,
        why: edge.why,
        kind: edge.kind,
        lineStyle: highlighted
          ? { color: PATH_COLOUR, width: 4, type: [8, 4], opacity: 1 }
          : { color: "#6b7780", width: style.width, type: style.type, opacity: focus === null ? 0.7 : 0.15 },
        label: { show: highlighted, formatter: style.label, fontSize: 11 },
      };
    });
    chart.setOption({
      animation: false,
      tooltip: {
        formatter: (item) => (item.dataType === "edge" ? `<div style="max-width:360px;white-space:normal">${text(item.data.why)}</div>` : `${text(item.data.name)}<br><span style="color:#666">${text(item.data.value)}</span>`),
      },
      legend: { show: false },
      series: [{
        type: "graph",
        layout: "force",
        roam: true,
        draggable: true,
        // A larger neighbourhood is drawn tighter, so that it stays within the frame.
        force: nodes.length > 40
          ? { repulsion: 110, edgeLength: [30, 90], gravity: 0.25, layoutAnimation: false }
          : { repulsion: 220, edgeLength: [60, 140], gravity: 0.08, layoutAnimation: false },
        categories: KINDS.map((kind) => ({ name: kind.name, itemStyle: { color: kind.colour } })),
        edgeSymbol: ["none", "arrow"],
        edgeSymbolSize: 6,
        label: { position: "right", fontSize: 11 },
        data: nodes,
        links: edges,
      }],
    }, { notMerge: true });
    const box = main.querySelector("#network");
    box.dataset.nodes = String(nodes.length);
    box.dataset.edges = String(edges.length);
    box.dataset.paths = String(network.paths.length);
    box.dataset.highlighted = String(edges.filter((edge) => edge.label.show).length);
    main.querySelector("#network-caption").textContent =
      `${nodes.length} nodes, ${edges.length} links, ${network.paths.length} path${network.paths.length === 1 ? "" : "s"} to listed entities or armed groups`;
  }

  depthSelect.addEventListener("change", () => load());
  focusSelect.addEventListener("change", () => draw(focusSelect.value === "" ? null : Number(focusSelect.value)));
  await load();
}

const KIND_OF_PREFIX = { actor: "actor", listed: "watch-list-entry", site: "armed-group-site", party: "person" };

/**
 * The network with the nodes and edges of its paths added: a path reaches up to four links, further
 * than a shallow neighbourhood, and the graph draws every path whole. The server names the nodes
 * beyond the depth (pathNodes); a node it did not name is labelled by its reference.
 */
function complete(network) {
  const nodes = new Map(network.nodes.map((node) => [node.id, node]));
  (network.pathNodes || []).forEach((node) => {
    if (!nodes.has(node.id)) {
      nodes.set(node.id, node);
    }
  });
  const edges = new Map(network.edges.map((edge) => [edge.from + "|" + edge.to + "|" + edge.kind, edge]));
  network.paths.forEach((path) => {
    path.nodes.forEach((id) => {
      if (!nodes.has(id)) {
        const [prefix, ...rest] = id.split(":");
        nodes.set(id, { id, kind: KIND_OF_PREFIX[prefix] || "company", reference: rest.join(":"), label: rest[rest.length - 1] || id });
      }
    });
    path.edges.forEach((edge) => {
      const key = edge.from + "|" + edge.to + "|" + edge.kind;
      if (!edges.has(key)) {
        edges.set(key, edge);
      }
    });
  });
  const known = [...edges.values()].filter((edge) => nodes.has(edge.from) && nodes.has(edge.to));
  return { ...network, nodes: [...nodes.values()], edges: known };
}

function shapeIcon(kind) {
  const stroke = `fill="${kind.colour}" stroke="#1f2a30" stroke-width="1.5"`;
  const shapes = {
    circle: `<circle cx="8" cy="8" r="6" ${stroke}/>`,
    triangle: `<polygon points="8,1.5 14.5,14 1.5,14" ${stroke}/>`,
    rect: `<rect x="2" y="2" width="12" height="12" ${stroke}/>`,
    diamond: `<polygon points="8,1 15,8 8,15 1,8" ${stroke}/>`,
    pin: `<path d="M8 15 L3.5 8 A5 5 0 1 1 12.5 8 Z" ${stroke}/>`,
  };
  return `<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">${shapes[kind.symbol]}</svg>`;
}
