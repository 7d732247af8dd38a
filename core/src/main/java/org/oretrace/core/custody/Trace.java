package org.oretrace.core.custody;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.oretrace.core.lineage.Direction;

/**
 * The lineage of a lot in one direction: every lot reached (the start first, with its distance),
 * the mass that flowed along every edge, and the endpoints. Upstream, the endpoints are the lots
 * tagged at mine sites (their origins); downstream, the lots that went nowhere further yet (held,
 * exported, or at a smelter).
 */
public record Trace(
    String lotId,
    Direction direction,
    List<Node> lots,
    List<LineageEdge> edges,
    List<Node> endpoints) {

  public Trace {
    requireNonNull(lotId, "lotId is null");
    requireNonNull(direction, "direction is null");
    lots = List.copyOf(requireNonNull(lots, "lots is null"));
    edges = List.copyOf(requireNonNull(edges, "edges is null"));
    endpoints = List.copyOf(requireNonNull(endpoints, "endpoints is null"));
  }

  /** A lot reached by the trace, at {@code depth} edges from the start. */
  public record Node(Lot lot, int depth) {
    public Node {
      requireNonNull(lot, "lot is null");
    }
  }
}
