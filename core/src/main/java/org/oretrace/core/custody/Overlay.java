package org.oretrace.core.custody;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a checked batch changes, indexed for the checks of the batches behind it: the final state of
 * every lot it touches by id, those lots' ids by tag number (a lot's tag never changes), and the
 * ids of its events (a later batch may not reuse one).
 *
 * <p>Why a type: while the writer stores batch N, batch N+1 is checked over it, and so on. The
 * checker of batch N already holds exactly these maps (its draft and the set it finds repeated ids
 * with), so {@link CustodyGraph} keeps them until N is applied, rather than have every later check
 * copy N's lots and ids into maps of its own (a tenth of the check's CPU). The maps are not changed
 * once the check that made them returns.
 */
record Overlay(Map<String, Lot> lots, Map<String, List<String>> lotIdsByTag, Set<String> eventIds) {

  Overlay {
    requireNonNull(lots, "lots is null");
    requireNonNull(lotIdsByTag, "lotIdsByTag is null");
    requireNonNull(eventIds, "eventIds is null");
  }

  /** The overlay of a batch that no checker left behind: built from its lots and events. */
  static Overlay of(AcceptedBatch batch) {
    Map<String, Lot> lots = HashMap.newHashMap(batch.lots().size());
    Map<String, List<String>> lotIdsByTag = HashMap.newHashMap(batch.lots().size());
    for (Lot lot : batch.lots()) {
      if (lots.put(lot.id(), lot) == null) {
        addLotIdByTag(lotIdsByTag, lot);
      }
    }
    Set<String> eventIds = HashSet.newHashSet(batch.events().size());
    for (CustodyEvent event : batch.events()) {
      eventIds.add(event.id());
    }
    return new Overlay(lots, lotIdsByTag, eventIds);
  }

  /**
   * Adds a lot under its tag. A tag is almost always on one lot of a batch, so its list starts as
   * an immutable list of one (one object, not a list and its array) and is copied on the rare
   * second lot (a split part that keeps its parent's tag).
   */
  static void addLotIdByTag(Map<String, List<String>> lotIdsByTag, Lot lot) {
    List<String> ids = lotIdsByTag.putIfAbsent(lot.tagNumber(), List.of(lot.id()));
    if (ids != null) {
      String[] more = ids.toArray(new String[ids.size() + 1]);
      more[ids.size()] = lot.id();
      lotIdsByTag.put(lot.tagNumber(), List.of(more));
    }
  }
}
