package org.oretrace.server.api;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * An online tile layer the web application's maps may draw under the shipped country outlines, for
 * deployments that have a tile server (their own, or a public one whose terms they accept). The
 * maps work without one: by default the page fetches nothing from another site, so this is only
 * ever an option a deployment gives ({@code oretrace serve --map-tiles URL_TEMPLATE}). The page
 * learns of it from {@code GET /api/v1/session} and adds a Leaflet tile layer with the attribution
 * shown in the corner of every map, as tile servers require.
 *
 * @param urlTemplate a Leaflet URL template, http or https, with {@code {z}}, {@code {x}} and
 *     {@code {y}} (and optionally {@code {s}} for subdomains or {@code {r}} for retina), e.g.
 *     {@code https://tiles.example.org/{z}/{x}/{y}.png}
 * @param attribution the text shown on the map, e.g. "© OpenStreetMap contributors"; plain text,
 *     never markup
 */
public record MapTiles(String urlTemplate, String attribution) {

  public MapTiles {
    requireNonNull(urlTemplate, "urlTemplate is null");
    requireNonNull(attribution, "attribution is null");
    if (attribution.isBlank()) {
      throw new IllegalArgumentException("the map tiles' attribution is blank");
    }
    for (String placeholder : new String[] {"{z}", "{x}", "{y}"}) {
      if (!urlTemplate.contains(placeholder)) {
        throw new IllegalArgumentException(
            "a map tile URL template needs {z}, {x} and {y}; got " + urlTemplate);
      }
    }
    URI uri = parse(urlTemplate);
    if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "a map tile URL template is an http or https address; got " + urlTemplate);
    }
  }

  /** Tiles attributed to the tile server's host, for a deployment that gives no attribution. */
  public static MapTiles at(String urlTemplate) {
    requireNonNull(urlTemplate, "urlTemplate is null");
    URI uri = parse(urlTemplate);
    return new MapTiles(urlTemplate, "Map tiles: " + (uri.getHost() == null ? "?" : uri.getHost()));
  }

  /** The template as a URI, with its placeholders (and {s} subdomains) filled in to parse it. */
  private static URI parse(String urlTemplate) {
    String sample =
        urlTemplate
            .replace("{s}", "a")
            .replace("{z}", "0")
            .replace("{x}", "0")
            .replace("{y}", "0")
            .replace("{r}", "");
    try {
      return new URI(sample);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "a map tile URL template is an http or https address; got " + urlTemplate, e);
    }
  }
}
