// Formatting and small DOM helpers shared by the screens.

const numbers = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });
const integers = new Intl.NumberFormat("en");

/** A mass in grams as kilograms or tonnes, e.g. "850 kg", "12.4 t". */
export function mass(grams) {
  const kilograms = grams / 1000;
  return kilograms >= 1000 ? numbers.format(kilograms / 1000) + " t" : numbers.format(kilograms) + " kg";
}

export function tonnes(grams) {
  return Math.round(grams / 1000) / 1000;
}

export function count(value) {
  return integers.format(value);
}

export function dateTime(text) {
  return text ? text.replace("T", " ").replace(/:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/, " $2").replace(" Z", " UTC") : "";
}

const MINERAL_NAMES = {
  coltan: "Coltan", cassiterite: "Cassiterite", wolframite: "Wolframite", gold: "Gold",
  "rare-earth-concentrate": "Rare-earth concentrate", tin: "Tin", tantalum: "Tantalum",
  tungsten: "Tungsten", "rare-earth-oxides": "Rare-earth oxides",
};

export function mineralName(mineral) {
  return MINERAL_NAMES[mineral] || mineral;
}

const KIND_NAMES = {
  site: "Mine site", cooperative: "Cooperative", trader: "Trader", comptoir: "Comptoir (exporter)",
  processor: "Processor", smelter: "Smelter / refiner", transporter: "Transporter",
  "customs-office": "Customs office", country: "Destination country",
};

export function kindName(kind) {
  return KIND_NAMES[kind] || kind;
}

/** Escapes text for HTML. */
export function text(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/** Builds an element from an HTML string (already escaped where needed). */
export function html(markup) {
  const template = document.createElement("template");
  template.innerHTML = markup.trim();
  return template.content;
}

export function link(route, label) {
  return `<a href="#/${route}">${text(label)}</a>`;
}

export function siteLink(id, name) {
  return link("site/" + encodeURIComponent(id), name || id);
}

export function actorLink(id, name) {
  return link("actor/" + encodeURIComponent(id), name || id);
}

export function lotLink(id, label) {
  return link("lot/" + encodeURIComponent(id), label || id);
}

export function countryLink(code, label) {
  return link("country/" + encodeURIComponent(code), label || code);
}

export function networkLink(actorId, label) {
  return link("network/" + encodeURIComponent(actorId), label || "network");
}

export function alertLink(id, label) {
  return link("alerts/" + encodeURIComponent(id), label || id);
}

export function caseLink(id, label) {
  return link("cases/" + encodeURIComponent(id), label || id);
}

/** The distinct colours of the charts: Okabe-Ito, safe for colour-blind readers. */
export const PALETTE = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#000000", "#f0e442"];

/** Chart symbols paired with the palette, so series differ by shape too. */
export const SYMBOLS = ["circle", "rect", "triangle", "diamond", "pin", "roundRect", "arrow", "circle"];
