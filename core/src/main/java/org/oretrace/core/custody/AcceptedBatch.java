package org.oretrace.core.custody;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A batch of custody events that passed every structural rule, with what it changes: the final
 * state of every lot it touched and the lineage edges it adds. The store writes exactly this, then
 * the custody graph applies it.
 */
public record AcceptedBatch(List<CustodyEvent> events, List<Lot> lots, List<LineageEdge> edges) {

  public AcceptedBatch {
    events = List.copyOf(requireNonNull(events, "events is null"));
    lots = List.copyOf(requireNonNull(lots, "lots is null"));
    edges = List.copyOf(requireNonNull(edges, "edges is null"));
  }
}
