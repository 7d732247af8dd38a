package org.oretrace.server.stats;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.oretrace.core.Country;
import org.oretrace.core.GeoPoint;
import org.oretrace.core.registry.Site;

/**
 * A flow diagram: nodes (sites, actors, destination countries) and the mass that went along each
 * link. The links form an acyclic graph, ready for a Sankey chart.
 *
 * @param omittedGrams mass of movements left out because they went backwards in the chain
 */
public record FlowDiagram(List<FlowNode> nodes, List<FlowLink> links, long omittedGrams) {

  public FlowDiagram {
    nodes = List.copyOf(requireNonNull(nodes, "nodes is null"));
    links = List.copyOf(requireNonNull(links, "links is null"));
  }

  /**
   * A node of the diagram.
   *
   * @param id {@code site:<id>}, {@code actor:<id>} or {@code country:<code>}
   * @param kind {@code site}, {@code country} or the actor's kind
   * @param country the node's country, or null when unknown
   * @param location where it is, or null (countries, actors without a known place)
   * @param site the registry entry when the node is a site, else null
   */
  public record FlowNode(
      String id, String kind, String name, Country country, GeoPoint location, Site site) {
    public FlowNode {
      requireNonNull(id, "id is null");
      requireNonNull(kind, "kind is null");
      requireNonNull(name, "name is null");
    }
  }

  /** Mass that went from one node to another, over {@code lots} movements. */
  public record FlowLink(String source, String target, long massGrams, int lots) {
    public FlowLink {
      requireNonNull(source, "source is null");
      requireNonNull(target, "target is null");
    }
  }
}
