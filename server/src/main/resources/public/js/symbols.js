// ICGLR status and armed-group symbols, drawn the same way on the map, in tables and in legends.
// Each status has a colour, a shape and a letter, so that it reads without colour vision:
// green = circle "G", yellow = triangle "Y", red = square "R", blue = diamond "B" (not yet
// inspected). Armed-group presence is a black ring: dashed when present, solid and thick when
// the group controls the site.

export const STATUSES = ["green", "yellow", "red", "blue"];

const STATUS = {
  green: { colour: "#009e73", ink: "#fff", letter: "G", label: "Green (certifiable)" },
  yellow: { colour: "#f0e442", ink: "#000", letter: "Y", label: "Yellow (risks to fix)" },
  red: { colour: "#d55e00", ink: "#fff", letter: "R", label: "Red (not certifiable)" },
  blue: { colour: "#0072b2", ink: "#fff", letter: "B", label: "Blue (not inspected)" },
};

export function statusLabel(status) {
  return (STATUS[status] || { label: status }).label;
}

export function statusColour(status) {
  return (STATUS[status] || { colour: "#999" }).colour;
}

function shape(status) {
  const { colour } = STATUS[status] || STATUS.blue;
  const stroke = `fill="${colour}" stroke="#1f2a30" stroke-width="1.5"`;
  switch (status) {
    case "green": return `<circle cx="12" cy="12" r="9" ${stroke}/>`;
    case "yellow": return `<polygon points="12,2.5 22,20.5 2,20.5" ${stroke}/>`;
    case "red": return `<rect x="3.5" y="3.5" width="17" height="17" ${stroke}/>`;
    default: return `<polygon points="12,1.5 22.5,12 12,22.5 1.5,12" ${stroke}/>`;
  }
}

/** An inline SVG of a site's status, with its armed-group ring when there is one. */
export function statusIcon(status, size = 16, armedGroupPresence = "none") {
  const { ink, letter } = STATUS[status] || STATUS.blue;
  const textY = status === "yellow" ? 17.5 : 16;
  let ring = "";
  if (armedGroupPresence === "present") {
    ring = `<circle cx="12" cy="12" r="14.5" fill="none" stroke="#000" stroke-width="2" stroke-dasharray="4 3"/>`;
  } else if (armedGroupPresence === "controlled") {
    ring = `<circle cx="12" cy="12" r="14.5" fill="none" stroke="#000" stroke-width="3.5"/>`;
  }
  const view = ring ? "-5 -5 34 34" : "0 0 24 24";
  const pixels = ring ? Math.round(size * 34 / 24) : size;
  return `<svg width="${pixels}" height="${pixels}" viewBox="${view}" aria-hidden="true" data-status="${status}" data-armed="${armedGroupPresence}">${ring}${shape(status)}` +
    `<text x="12" y="${textY}" text-anchor="middle" font-size="11" font-weight="700" font-family="system-ui, sans-serif" fill="${ink}">${letter}</text></svg>`;
}

/** A status badge for tables: shape, letter and word. */
export function statusBadge(status) {
  return `<span class="status" data-status="${status}">${statusIcon(status, 16)} ${statusLabel(status).split(" ")[0]}</span>`;
}

export function armedBadge(presence) {
  if (presence === "controlled") {
    return `<span class="armed">${ring(true)} controlled by an armed group</span>`;
  }
  if (presence === "present") {
    return `<span class="armed">${ring(false)} armed group present</span>`;
  }
  return `<span class="muted">none reported</span>`;
}

function ring(solid) {
  return `<svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="9" fill="none" stroke="#000" stroke-width="${solid ? 4 : 2.5}"${solid ? "" : ' stroke-dasharray="4 3"'}/></svg>`;
}

/** The legend of the site symbols. */
export function statusLegend() {
  return STATUSES.map((status) => `<span class="status">${statusIcon(status, 16)} ${statusLabel(status)}</span>`).join("") +
    `<span class="armed">${ring(false)} armed group present</span>` +
    `<span class="armed">${ring(true)} armed group in control</span>`;
}

// Alert severity, like status, reads without colour: a mark of one to three "!" and the word,
// the same on the map, in the alert lists and on the alert's page.
const SEVERITY_MARKS = { high: "!!!", medium: "!!", low: "!" };

/** The severity's mark: "!!!" high, "!!" medium, "!" low. */
export function severityMark(severity) {
  return SEVERITY_MARKS[severity] || "!";
}

/** A severity badge for tables and titles: mark and word. */
export function severityBadge(severity) {
  return `<span class="severity" data-severity="${severity}"><b aria-hidden="true">${severityMark(severity)}</b> ${severity}</span>`;
}

/** The legend of the alert markers of the map. */
export function severityLegend() {
  return Object.keys(SEVERITY_MARKS).map((severity) =>
    `<span><span class="alert-marker" data-severity="${severity}">${severityMark(severity)} 3</span> ${severity}</span>`).join("");
}
