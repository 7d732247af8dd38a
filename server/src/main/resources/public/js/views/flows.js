// Flows: a Sankey diagram from mine sites through cooperatives, traders and comptoirs to the
// destination countries and smelters, for a mineral and a period, with the mass on every link.

import { getJson } from "../api.js";
import { html, kindName, mass, mineralName, text, tonnes } from "../format.js";
import { statusColour } from "../symbols.js";

const KIND_COLOURS = {
  cooperative: "#56b4e9", trader: "#e69f00", comptoir: "#cc79a7", processor: "#999999",
  "customs-office": "#bbbbbb", country: "#1f2a30", smelter: "#000000", transporter: "#dddddd",
};
const STATUS_LETTER = { green: "G", yellow: "Y", red: "R", blue: "B" };

export async function render(main, parameter, view) {
  const summary = await getJson("/stats/summary");
  const minerals = summary.minerals.map((row) => row.mineral);
  main.replaceChildren(html(`
    <h1>Flows</h1>
    <p class="subtitle">Where each mineral went: mine sites → cooperatives → traders → comptoirs → destination countries → smelters.</p>
    <div class="card wide">
      <div class="filters">
        <label>Mineral <select id="flow-mineral">
          ${minerals.map((mineral) => `<option value="${text(mineral)}">${text(mineralName(mineral))}</option>`).join("")}
          <option value="">All minerals</option></select></label>
        <label>From <input type="month" id="flow-from" min="${summary.firstMonth || ""}" max="${summary.lastMonth || ""}" value="${summary.firstMonth || ""}"></label>
        <label>To <input type="month" id="flow-to" min="${summary.firstMonth || ""}" max="${summary.lastMonth || ""}" value="${summary.lastMonth || ""}"></label>
        <span class="muted" id="flow-caption"></span>
      </div>
      <div class="chart tall" id="sankey" role="img" aria-label="Sankey diagram of mass flows"></div>
      <p class="muted">Mine sites carry their ICGLR status letter: [G] green, [Y] yellow, [R] red, [B] blue; hover a link for its mass, click a node to open it.</p>
    </div>
    <div class="card wide">
      <h2>Heaviest links</h2>
      <div class="table-scroll"><table id="flow-table"><thead><tr><th>From</th><th>To</th><th class="num">Mass</th><th class="num">Movements</th></tr></thead><tbody></tbody></table></div>
    </div>`));

  const chart = view.chart(main.querySelector("#sankey"), { animation: false });
  chart.on("click", (event) => {
    if (event.dataType === "node") {
      const [kind, id] = [event.name.slice(0, event.name.indexOf(":")), event.name.slice(event.name.indexOf(":") + 1)];
      if (kind === "site" || kind === "actor") {
        location.hash = `#/${kind}/${encodeURIComponent(id)}`;
      }
    }
  });
  const inputs = ["#flow-mineral", "#flow-from", "#flow-to"].map((selector) => main.querySelector(selector));

  async function draw() {
    const [mineral, from, to] = inputs.map((input) => input.value);
    const flows = await getJson("/stats/flows", { mineral, from, to: to && from && to < from ? from : to });
    const nodes = new Map(flows.nodes.map((node) => [node.id, node]));
    const label = (node) => (node.kind === "site" ? `[${STATUS_LETTER[node.icglrStatus] || "?"}] ` : "") + node.name;
    chart.setOption({
      tooltip: {
        trigger: "item",
        formatter: (item) => item.dataType === "edge"
          ? `${text(label(nodes.get(item.data.source)))} → ${text(label(nodes.get(item.data.target)))}<br>${mass(item.data.massGrams)}, ${item.data.lots} movements`
          : `${text(label(nodes.get(item.name)))}<br>${text(kindName(nodes.get(item.name).kind))}`,
      },
      series: [{
        type: "sankey",
        left: 8, right: 210, top: 10, bottom: 10,
        nodeGap: 6, nodeWidth: 14, layoutIterations: 32, draggable: false,
        emphasis: { focus: "adjacency" },
        label: { formatter: (item) => label(nodes.get(item.name)), fontSize: 11 },
        lineStyle: { color: "gradient", opacity: 0.35 },
        data: flows.nodes.map((node) => ({
          name: node.id,
          itemStyle: {
            color: node.kind === "site" ? statusColour(node.icglrStatus) : KIND_COLOURS[node.kind] || "#777",
            borderColor: "#1f2a30", borderWidth: 1,
          },
        })),
        links: flows.links.map((link) => ({ source: link.source, target: link.target, value: tonnes(link.massGrams), massGrams: link.massGrams, lots: link.lots })),
      }],
    }, { replaceMerge: ["series"] });
    const total = flows.links.filter((link) => link.source.startsWith("site:")).reduce((sum, link) => sum + link.massGrams, 0);
    main.querySelector("#flow-caption").textContent =
      `${flows.nodes.length} nodes, ${flows.links.length} links, ${mass(total)} from mine sites` +
      (flows.omittedGrams ? `; ${mass(flows.omittedGrams)} moving backwards in the chain not drawn` : "");
    main.querySelector("#sankey").dataset.links = flows.links.length;
    main.querySelector("#flow-table tbody").innerHTML = [...flows.links].sort((first, second) => second.massGrams - first.massGrams).slice(0, 25)
      .map((link) => `<tr><td>${text(label(nodes.get(link.source)))}</td><td>${text(label(nodes.get(link.target)))}</td>
        <td class="num">${mass(link.massGrams)}</td><td class="num">${link.lots}</td></tr>`).join("");
  }

  inputs.forEach((input) => input.addEventListener("change", draw));
  await draw();
}
