// The offline base map: Leaflet over the country outlines of Natural Earth 1:50m (world-atlas
// TopoJSON, served from the jar). By default nothing is fetched from outside the server; a
// deployment that has a tile server may name one (serve --map-tiles), which the session answer
// carries and app.js hands to useTiles: the maps then draw those tiles under see-through outlines,
// with the tile server's attribution.

let countries = null;
let tiles = null;

/** The online tile layer ({url, attribution} from GET /api/v1/session), or null for none. */
export function useTiles(settings) {
  tiles = settings && settings.url ? settings : null;
}

async function countryFeatures() {
  if (!countries) {
    countries = fetch("/vendor/world-atlas/countries-50m.json")
      .then((response) => {
        if (!response.ok) {
          window.oretraceFailedRequests.push(`${response.status} countries-50m.json`);
          throw new Error("the base map did not load: " + response.status);
        }
        return response.json();
      })
      .then((topology) => topojson.feature(topology, topology.objects.countries));
  }
  return countries;
}

/**
 * A Leaflet map in the element, with the country outlines, fitted to the bounds (a Leaflet
 * LatLngBounds or [[south, west], [north, east]]). Country names are shown for countries whose
 * centre lies in the bounds.
 */
export async function baseMap(element, bounds) {
  const map = L.map(element, { attributionControl: false, zoomSnap: 0.25, minZoom: 2, maxZoom: 12, worldCopyJump: false });
  map.fitBounds(bounds, { padding: [20, 20] });
  element.dataset.tiles = tiles ? "online" : "none";
  if (tiles) {
    // Leaflet writes the attribution as markup: the deployment's text is escaped first.
    const attribution = document.createElement("span");
    attribution.textContent = tiles.attribution;
    L.control.attribution({ prefix: false }).addTo(map);
    L.tileLayer(tiles.url, { attribution: attribution.innerHTML, maxZoom: 19 }).addTo(map);
  }
  const features = await countryFeatures();
  const layer = L.geoJSON(features, {
    style: { color: "#a9a294", weight: 1, fillColor: "#f3efe6", fillOpacity: tiles ? 0 : 1 },
    interactive: false,
  }).addTo(map);
  layer.bringToBack();
  const area = L.latLngBounds(bounds).pad(0.3);
  layer.eachLayer((country) => {
    const centre = country.getBounds().getCenter();
    if (area.contains(centre) && country.feature.properties && country.feature.properties.name) {
      L.tooltip({ permanent: true, direction: "center", className: "country-label", interactive: false })
        .setLatLng(centre)
        .setContent(country.feature.properties.name)
        .addTo(map);
    }
  });
  L.control.scale({ imperial: false }).addTo(map);
  return map;
}

/** Bounds around points given as {lat, lon}, or a default over the Great Lakes. */
export function boundsOf(points) {
  const located = points.filter((point) => point && typeof point.lat === "number");
  if (!located.length) {
    return [[-5, 26], [3, 33]];
  }
  const lats = located.map((point) => point.lat);
  const lons = located.map((point) => point.lon);
  const pad = 0.3;
  return [[Math.min(...lats) - pad, Math.min(...lons) - pad], [Math.max(...lats) + pad, Math.max(...lons) + pad]];
}
