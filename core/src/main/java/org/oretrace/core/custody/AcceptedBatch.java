package org.oretrace.core.custody;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * A batch of custody events that passed every structural rule, with what it changes: the final
 * state of every lot it touched and the lineage edges it adds. The store writes exactly this, then
 * the custody graph applies it.
 *
 * <p>{@code newLotIds} names the lots among {@code lots} that the batch brings into being, which
 * the custody graph did not hold when the batch was checked: the store inserts those and updates
 * the others, rather than asking the database which is which for every lot. {@code movedLotIds}
 * names the others whose holder the batch changes: a store that indexes lots by holder rewrites
 * that index entry for those only. Both are worked out when the batch is checked, on the checking
 * thread, so that the single writer only reads them.
 */
public record AcceptedBatch(
    List<CustodyEvent> events,
    List<Lot> lots,
    Set<String> newLotIds,
    Set<String> movedLotIds,
    List<LineageEdge> edges) {

  public AcceptedBatch {
    events = List.copyOf(requireNonNull(events, "events is null"));
    lots = List.copyOf(requireNonNull(lots, "lots is null"));
    newLotIds = Set.copyOf(requireNonNull(newLotIds, "newLotIds is null"));
    movedLotIds = Set.copyOf(requireNonNull(movedLotIds, "movedLotIds is null"));
    edges = List.copyOf(requireNonNull(edges, "edges is null"));
    // Every new or moved id must be a lot's, and none both: counted over the lots (no set of their
    // ids is built, as this runs for every batch captured). A lot listed twice is refused, as it
    // would be counted twice.
    int named = 0;
    for (Lot lot : lots) {
      boolean isNew = newLotIds.contains(lot.id());
      boolean isMoved = movedLotIds.contains(lot.id());
      if (isNew && isMoved) {
        throw new IllegalArgumentException("lot " + lot.id() + " is both new and moved");
      }
      if (isNew || isMoved) {
        named++;
      }
    }
    if (named != newLotIds.size() + movedLotIds.size()) {
      throw new IllegalArgumentException(
          named > newLotIds.size() + movedLotIds.size()
              ? "a new or moved lot is listed twice among the batch's lots"
              : "a new or moved lot id is not among the batch's lots");
    }
  }

  /** Whether the batch creates this lot (the store holds no row for it yet). */
  public boolean isNew(Lot lot) {
    return newLotIds.contains(lot.id());
  }

  /** Whether the batch gives this lot, which existed before it, another holder. */
  public boolean isMoved(Lot lot) {
    return movedLotIds.contains(lot.id());
  }
}
