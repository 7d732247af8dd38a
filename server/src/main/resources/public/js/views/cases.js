// Cases (#/cases, #/cases/<id>): the list of the cases the user's organisation owns or has shared
// with it, filtered by state, and one case with its alerts, lots, actors, evidence files (by
// SHA-256), notes and append-only audit trail, and the forms of its actions (assign, change state
// with an outcome, note, attach a lot or actor, upload evidence, share, hand over).
//
// The server alone decides who may do what (server/auth CaseAccess): the forms are offered to every
// user who reads the case, and a refusal is shown where the user acted, with its status and the
// server's reason ("403 Forbidden: only the owning organisation ... may share this case"). The
// screen only says up front what the user's role usually allows.

import { getJson, send } from "../api.js";
import { actorLink, alertLink, caseLink, count, dateTime, html, link, lotLink, networkLink, text } from "../format.js";

export const STATES = ["open", "investigating", "referred", "closed"];
const STATE_MARKS = { open: "○", investigating: "◐", referred: "➜", closed: "●" };
const WORKING_ROLES = ["investigator", "admin"];

/** A state as a mark and a word, so that it reads without colour. */
export function stateBadge(state) {
  return `<span class="case-state" data-state="${text(state)}">${STATE_MARKS[state] || "?"} ${text(state)}</span>`;
}

export async function render(main, parameter, view) {
  if (parameter) {
    await renderCase(main, parameter, view);
  } else {
    await renderList(main, view);
  }
}

function roleNote(session) {
  const role = session?.role || "unknown";
  const who = `You are ${/^[aeiou]/.test(role) ? "an" : "a"} ${text(role)} of ${text(session?.organisationName || session?.organisation || "")}`;
  if (WORKING_ROLES.includes(role) || session?.platform) {
    return `${who}: you may open cases and act on them.`;
  }
  if (role === "analyst") {
    return `${who}: you read the cases of your organisation; opening and acting on them is for investigators and admins, and the server will refuse it.`;
  }
  return `${who}: cases are for analysts (to read), investigators and admins (to work them); the server will refuse your role.`;
}

async function renderList(main, view) {
  main.innerHTML = `
    <h1>Cases</h1>
    <p class="subtitle">The cases your organisation owns or that were shared with it, most recently changed first.</p>
    <p class="role-note" id="cases-role">${roleNote(view.session)}</p>
    <div class="grid">
      <section class="card two-thirds">
        <div class="filters">
          <label>State <select id="cases-state"><option value="">Any state</option>
            ${STATES.map((state) => `<option value="${state}">${STATE_MARKS[state]} ${state}</option>`).join("")}</select></label>
          <span class="muted" id="cases-caption"></span>
        </div>
        <div class="table-scroll">
        <table id="cases-table"><thead><tr><th>Case</th><th>State</th><th>Owner</th><th>Assignee</th><th class="num">Alerts</th><th>Changed</th></tr></thead><tbody></tbody></table>
        </div>
      </section>
      <section class="card third">
        <h2>Open a case by hand</h2>
        <form id="case-open" class="case-form">
          <label>Title <input id="case-open-title" required maxlength="500" placeholder="What is suspected"></label>
          <button type="submit">Open case</button>
          <p class="refusal" role="alert" hidden></p>
        </form>
        <p class="muted">To open a case from alerts, open an alert and use "Open a case from this alert".</p>
      </section>
    </div>`;
  const stateSelect = main.querySelector("#cases-state");
  let names = null;
  let latest = 0;
  const refresh = async () => {
    // Only the latest request draws: a slower earlier one (another state) must not overwrite it.
    const request = ++latest;
    const answer = await send("GET", "/cases?" + new URLSearchParams({ limit: "100", ...(stateSelect.value ? { state: stateSelect.value } : {}) }));
    if (answer.ok && names === null) {
      names = organisationNames(await organisationsOrNone());
    }
    if (request !== latest) {
      return;
    }
    const body = main.querySelector("#cases-table tbody");
    if (!answer.ok) {
      body.innerHTML = `<tr><td colspan="6"><p class="refusal" role="alert" id="cases-refused">${text(answer.detail)}</p></td></tr>`;
      main.querySelector("#cases-caption").textContent = "";
      main.dataset.cases = "refused";
      return;
    }
    const page = answer.body;
    body.innerHTML = page.items.map((file) => `<tr data-case="${text(file.id)}">
      <td>${caseLink(file.id, file.title)}</td><td>${stateBadge(file.state)}${file.outcome ? `<div class="muted">${text(file.outcome)}</div>` : ""}</td>
      <td>${organisation(names, file.owner)}${file.sharedWith.length ? `<div class="muted">shared with ${file.sharedWith.map((id) => organisation(names, id)).join(", ")}</div>` : ""}</td>
      <td>${text(file.assignee || "–")}</td><td class="num">${file.alerts.length}</td><td>${text(dateTime(file.updatedAt))}</td></tr>`).join("")
      || `<tr><td colspan="6" class="muted">No case${stateSelect.value ? " in this state" : ""}.</td></tr>`;
    main.querySelector("#cases-caption").textContent = `${count(page.total)} case${page.total === 1 ? "" : "s"}`;
    main.dataset.cases = String(page.items.length);
  };
  stateSelect.addEventListener("change", refresh);
  main.querySelector("#case-open").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const answer = await send("POST", "/cases", { title: form.querySelector("#case-open-title").value.trim() });
    if (showRefusal(form, answer)) {
      location.hash = "#/cases/" + encodeURIComponent(answer.body.id);
    }
  });
  await refresh();
}

/** The organisations the user may list, or none (the list then shows their ids). */
async function organisationsOrNone() {
  const answer = await send("GET", "/organisations");
  return answer.ok ? answer.body.items : [];
}

/** Organisation id to name. */
function organisationNames(organisations) {
  return new Map(organisations.map((organisation) => [organisation.id, organisation.name]));
}

/** An organisation by name, its id kept in data-organisation and shown on hover. */
function organisation(names, id) {
  const name = names.get(id);
  return `<span class="organisation" data-organisation="${text(id)}"${name ? ` title="${text(id)}"` : ""}>${text(name || id)}</span>`;
}

/** Shows a refusal under the form; true when the answer was a success. */
function showRefusal(form, answer) {
  const box = form.querySelector(".refusal");
  box.hidden = answer.ok;
  box.textContent = answer.ok ? "" : "Refused: " + answer.detail;
  box.dataset.status = String(answer.status);
  return answer.ok;
}

async function renderCase(main, id, view) {
  const answer = await send("GET", "/cases/" + encodeURIComponent(id));
  if (!answer.ok) {
    main.innerHTML = `<h1>Case not available</h1><p class="refusal" role="alert" id="case-refused"></p><p>${link("cases", "All cases")}</p>`;
    main.querySelector("#case-refused").textContent = answer.detail;
    return;
  }
  const organisations = await getJson("/organisations");
  drawCase(main, answer.body, organisations.items, view);
  await describeAlerts(main, answer.body);
}

/**
 * Adds each alert's detector and sentence to its link. An alert the user's organisation may not
 * see (a case shared from another country) keeps its bare id.
 */
async function describeAlerts(main, file) {
  const ids = [...new Set([...file.alerts, ...file.references.filter((reference) => reference.kind === "alert").map((reference) => reference.value)])];
  const answers = await Promise.all(ids.slice(0, 20).map((id) => send("GET", "/alerts/" + encodeURIComponent(id))));
  answers.filter((answer) => answer.ok).forEach((answer) => {
    main.querySelectorAll(`#case-alerts li[data-alert="${CSS.escape(answer.body.id)}"]`).forEach((item) => {
      const sentence = document.createElement("div");
      sentence.className = "muted";
      sentence.textContent = `${answer.body.detector} ${answer.body.detectorName || ""}, score ${Math.round((answer.body.score ?? 0) * 100)}: ${answer.body.explanation}`;
      item.append(sentence);
    });
  });
}

function drawCase(main, file, organisations, view) {
  const byKind = (kind) => file.references.filter((reference) => reference.kind === kind);
  const lots = byKind("lot");
  const actors = byKind("actor");
  const evidence = byKind("evidence");
  const notes = byKind("note");
  const alerts = [...file.alerts, ...byKind("alert").map((reference) => reference.value)];
  const otherOrganisations = organisations.filter((organisation) => organisation.id !== file.owner);
  const organisationOptions = otherOrganisations.map((organisation) =>
    `<option value="${text(organisation.id)}">${text(organisation.name)} (${text(organisation.type)}, ${text(organisation.country)})</option>`).join("");
  const names = organisationNames(organisations);
  const added = (reference) => `<span class="muted">${organisation(names, reference.addedBy)}, ${text(dateTime(reference.addedAt))}</span>`;
  main.innerHTML = `
    <h1 id="case-title"></h1>
    <p class="subtitle">${stateBadge(file.state)} · owned by <b id="case-owner">${organisation(names, file.owner)}</b>
      · assigned to <b id="case-assignee">${text(file.assignee || "nobody")}</b>
      ${file.sharedWith.length ? `· shared with <span id="case-shared">${file.sharedWith.map((id) => organisation(names, id)).join(", ")}</span>` : ""}
      · opened ${text(dateTime(file.openedAt))} · version ${file.version} · ${link("cases", "all cases")}</p>
    ${file.outcome ? `<p class="case-outcome" id="case-outcome"><b>Outcome:</b> ${text(file.outcome)}</p>` : ""}
    <p class="role-note">${roleNote(view.session)} Only the owner assigns, changes the state, shares, withdraws shares and hands over; organisations the case is shared with add notes, lots, actors and evidence.</p>
    <div class="grid">
      <section class="card">
        <h2>Alerts</h2>
        <ul id="case-alerts" class="plain">${alerts.map((alert) => `<li data-alert="${text(alert)}">${alertLink(alert)}</li>`).join("") || '<li class="muted">none</li>'}</ul>
        <h2>Lots</h2>
        <ul id="case-lots" class="plain">${lots.map((reference) => `<li>${lotLink(reference.value)} ${added(reference)}</li>`).join("") || '<li class="muted">none</li>'}</ul>
        <h2>Actors</h2>
        <ul id="case-actors" class="plain">${actors.map((reference) => `<li>${actorLink(reference.value)} (${networkLink(reference.value)}) ${added(reference)}</li>`).join("") || '<li class="muted">none</li>'}</ul>
        <h2>Evidence files</h2>
        <ul id="case-evidence" class="plain">${evidence.map((reference) => `<li data-sha256="${text(reference.value)}">SHA-256 <code class="hash">${text(reference.value)}</code>
          <a href="/api/v1/evidence/${encodeURIComponent(reference.value)}" download>download</a> ${added(reference)}</li>`).join("") || '<li class="muted">none</li>'}</ul>
      </section>
      <section class="card">
        <h2>Notes</h2>
        <ul id="case-notes" class="plain notes">${notes.map((reference) => `<li><div class="note-text"></div>${added(reference)}</li>`).join("") || '<li class="muted">none</li>'}</ul>
      </section>
      <section class="card wide">
        <h2>Act on the case</h2>
        <div class="case-actions">
          <form class="case-form" data-action="assign"><b>Assign</b>
            <label>Assignee <input name="assignee" required value="${text(file.assignee || "")}" placeholder="inspector Amani"></label>
            <button type="submit">Assign</button><p class="refusal" role="alert" hidden></p></form>
          <form class="case-form" data-action="state"><b>Change state</b>
            <label>State <select name="state">${STATES.map((state) => `<option value="${state}"${state === file.state ? " selected" : ""}>${STATE_MARKS[state]} ${state}</option>`).join("")}</select></label>
            <label>Outcome (when closing) <input name="outcome" placeholder="e.g. referred to prosecution, lots seized"></label>
            <button type="submit">Change state</button><p class="refusal" role="alert" hidden></p></form>
          <form class="case-form" data-action="note"><b>Add a note</b>
            <label>Note <textarea name="text" rows="3" required></textarea></label>
            <button type="submit">Add note</button><p class="refusal" role="alert" hidden></p></form>
          <form class="case-form" data-action="attach"><b>Attach a lot, actor or alert</b>
            <label>Kind <select name="kind"><option value="lot">lot</option><option value="actor">actor</option><option value="alert">alert</option></select></label>
            <label>Id <input name="value" required placeholder="lot id, actor id or alert id"></label>
            <button type="submit">Attach</button><p class="refusal" role="alert" hidden></p></form>
          <form class="case-form" data-action="evidence"><b>Upload evidence</b>
            <label>File <input name="file" type="file" required></label>
            <button type="submit">Upload and attach</button><p class="muted evidence-hash" hidden></p><p class="refusal" role="alert" hidden></p></form>
          <form class="case-form" data-action="share"><b>Share with another organisation</b>
            <label>Organisation <select name="organisation">${organisationOptions}</select></label>
            <button type="submit">Share</button><p class="refusal" role="alert" hidden></p></form>
          <form class="case-form" data-action="unshare"><b>Withdraw a share</b>
            <label>Organisation <select name="organisation">${organisationOptions}</select></label>
            <button type="submit">Withdraw</button><p class="muted">That organisation no longer sees the case.</p><p class="refusal" role="alert" hidden></p></form>
          <form class="case-form" data-action="handover"><b>Hand over to another organisation</b>
            <label>Organisation <select name="organisation">${organisationOptions}</select></label>
            <button type="submit">Hand over</button><p class="muted">The new owner acts on the case; your organisation keeps reading it.</p><p class="refusal" role="alert" hidden></p></form>
        </div>
      </section>
      <section class="card wide">
        <h2>Audit trail</h2>
        <p class="muted">Append-only: every action with who, when and from where.</p>
        <div class="table-scroll">
        <table id="case-trail"><thead><tr><th class="num">#</th><th>When</th><th>Organisation</th><th>Role</th><th>From</th><th>Action</th></tr></thead>
          <tbody>${(file.trail || []).map((entry) => `<tr><td class="num">${entry.sequence}</td><td>${text(dateTime(entry.at))}</td>
            <td>${organisation(names, entry.organisation)}</td><td>${text(entry.role)}</td><td>${text(entry.clientAddress || "–")}</td>
            <td>${text(describe(entry.action, names))}</td></tr>`).join("")}</tbody></table>
        </div>
      </section>
    </div>`;
  main.querySelector("#case-title").textContent = file.title;
  main.querySelectorAll("#case-notes .note-text").forEach((element, index) => {
    element.textContent = notes[index].value;
  });
  main.dataset.version = String(file.version);
  main.dataset.state = file.state;
  main.querySelectorAll("form.case-form").forEach((form) => form.addEventListener("submit", (event) => {
    event.preventDefault();
    act(main, file, form, organisations, view);
  }));
}

async function act(main, file, form, organisations, view) {
  const field = (name) => form.elements[name]?.value?.trim() ?? "";
  const kind = form.dataset.action;
  let action;
  switch (kind) {
    case "assign": action = { type: "assign", assignee: field("assignee") }; break;
    case "state": action = { type: "state", state: field("state"), ...(field("outcome") ? { outcome: field("outcome") } : {}) }; break;
    case "note": action = { type: "note", text: field("text") }; break;
    case "attach": action = { type: "attach", kind: field("kind"), value: field("value") }; break;
    case "share": action = { type: "share", organisation: field("organisation") }; break;
    case "unshare": action = { type: "unshare", organisation: field("organisation") }; break;
    case "handover": action = { type: "handover", organisation: field("organisation") }; break;
    case "evidence": {
      const upload = form.elements.file.files[0];
      if (!upload) {
        return;
      }
      const stored = await send("POST", "/evidence", upload);
      if (!showRefusal(form, stored)) {
        return;
      }
      const local = await sha256(upload);
      const hash = form.querySelector(".evidence-hash");
      hash.hidden = false;
      hash.textContent = local === null ? `Stored as ${stored.body.sha256}.`
        : local === stored.body.sha256 ? `Stored as ${stored.body.sha256}; your browser computed the same SHA-256.`
          : `The server stored ${stored.body.sha256} but your browser computed ${local}: the upload was altered.`;
      if (local !== null && local !== stored.body.sha256) {
        return;
      }
      action = { type: "attach", kind: "evidence", value: stored.body.sha256 };
      break;
    }
    default: return;
  }
  const answer = await send("POST", "/cases/" + encodeURIComponent(file.id) + "/actions", action);
  if (showRefusal(form, answer)) {
    drawCase(main, answer.body, organisations, view);
    await describeAlerts(main, answer.body);
    main.dataset.acted = kind;
  }
}

/** The file's SHA-256 in hex, computed in the browser, or null where Web Crypto is unavailable. */
async function sha256(blob) {
  if (!globalThis.crypto?.subtle) {
    return null;
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await blob.arrayBuffer()));
  return [...digest].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** An audit-trail action in words, organisations by name. */
function describe(action, names) {
  const named = (id) => names.get(id) || id;
  switch (action.type) {
    case "open": return `opened "${action.title}"${action.alerts?.length ? " from alerts " + action.alerts.join(", ") : ""}`;
    case "assign": return `assigned to ${action.assignee}`;
    case "note": return `note: ${action.text}`;
    case "attach": return `attached ${action.kind} ${action.value}`;
    case "state": return `state → ${action.state}${action.outcome ? ` (outcome: ${action.outcome})` : ""}`;
    case "share": return `shared with ${named(action.organisation)}`;
    case "unshare": return `share with ${named(action.organisation)} withdrawn`;
    case "alert-status": return `alert ${action.alert} ${action.status === "closed" ? "closed" : "reopened"}${action.username ? " by " + action.username : ""}: ${action.reason}`;
    case "handover": return `handed over to ${named(action.organisation)}`;
    default: return JSON.stringify(action);
  }
}

/** Opens a case from an alert (for the alert screen): answers the new case or the refusal. */
export async function openFromAlert(alert, title) {
  return send("POST", "/cases", { title, alerts: [alert.id] });
}
