// The offline base map: Leaflet without tiles, over the country outlines of Natural Earth 1:50m
// (world-atlas TopoJSON, served from the jar). Nothing is fetched from outside the server.

let countries = null;

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
  const features = await countryFeatures();
  const layer = L.geoJSON(features, {
    style: { color: "#a9a294", weight: 1, fillColor: "#f3efe6", fillOpacity: 1 },
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
