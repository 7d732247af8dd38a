// The single-page application: a hash router over the screens. Each screen module exports
// render(main, parameter, view) and registers what to dispose (charts, maps) on the view. When a
// screen has drawn everything, the body carries data-ready="<screen>", which the browser tests
// wait for.

import { clearProblem, findLot, showProblem } from "./api.js";
import * as overview from "./views/overview.js";
import * as mapView from "./views/map.js";
import * as flows from "./views/flows.js";
import * as site from "./views/site.js";
import * as actor from "./views/actor.js";
import * as lot from "./views/lot.js";
import * as alerts from "./views/alerts.js";
import * as country from "./views/country.js";
import * as network from "./views/network.js";
import * as cases from "./views/cases.js";
import { currentSession, renderLogin, showSession } from "./session.js";
import { useTiles } from "./basemap.js";

const SCREENS = { "": overview, map: mapView, flows, site, actor, lot, alerts, country, network, cases };

/** What a rendered screen holds and must release when the user leaves it. */
class View {
  constructor() {
    this.disposables = [];
    /** Who is logged in (GET /api/v1/session), for screens that adapt to the role. */
    this.session = null;
  }

  /** An ECharts chart in the element, resized with it and disposed with the view. */
  chart(element, option) {
    const chart = echarts.init(element, null, { renderer: "canvas" });
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    this.disposables.push(() => {
      observer.disconnect();
      chart.dispose();
    });
    return chart;
  }

  /** Registers a Leaflet map (or anything with remove()) to dispose with the view. */
  own(thing) {
    this.disposables.push(() => thing.remove());
    return thing;
  }

  dispose() {
    this.disposables.forEach((dispose) => dispose());
    this.disposables = [];
  }
}

let current = null;
let generation = 0;
let session = null;

async function route() {
  const [name, ...rest] = location.hash.replace(/^#\/?/, "").split("/");
  const screen = SCREENS[name] || overview;
  const parameter = rest.length ? decodeURIComponent(rest.join("/")) : null;
  const key = SCREENS[name] ? name || "overview" : "overview";
  const mine = ++generation;
  if (current) {
    current.dispose();
  }
  current = new View();
  clearProblem();
  delete document.body.dataset.ready;
  document.body.dataset.view = key;
  document.querySelectorAll("[data-nav]").forEach((link) => link.classList.toggle("active", link.dataset.nav === key));
  const main = document.getElementById("view");
  main.innerHTML = `<p class="muted">Loading…</p>`;
  if (session === null) {
    session = await currentSession();
    showSession(document.getElementById("session"), session);
  }
  if (!session.authenticated) {
    renderLogin(main, session.oidc, (loggedIn) => {
      session = loggedIn;
      showSession(document.getElementById("session"), session);
      route();
    });
    document.body.dataset.ready = "login";
    return;
  }
  current.session = session;
  useTiles(session.mapTiles);
  try {
    await screen.render(main, parameter, current);
    if (mine === generation) {
      window.oretraceReadyAt = performance.now();
      document.body.dataset.ready = key;
    }
  } catch (error) {
    if (mine === generation) {
      main.innerHTML = `<h1>Not available</h1><p class="muted"></p>`;
      main.querySelector("p").textContent = error.message;
      window.oretraceErrors.push("screen " + key + ": " + error.message);
      document.body.dataset.ready = key;
      document.body.dataset.failed = "true";
    }
  }
}

document.getElementById("lot-search").addEventListener("submit", async (event) => {
  event.preventDefault();
  const value = document.getElementById("lot-search-input").value.trim();
  if (!value) {
    return;
  }
  const found = await findLot(value);
  if (found) {
    location.hash = "#/lot/" + encodeURIComponent(found.id);
  } else {
    showProblem(`No lot has the id or live tag number "${value}".`);
  }
});

window.addEventListener("hashchange", route);
route();
