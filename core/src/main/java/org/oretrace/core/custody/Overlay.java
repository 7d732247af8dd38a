package org.oretrace.core.custody;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a checked batch changes, indexed for the checks of the batches behind it: the final state of
 * every lot it touches by id, and those lots' ids by tag number (a lot's tag never changes).
 *
 * <p>Why a type: while the writer stores batch N, batch N+1 is checked over it, and so on. The
 * checker of batch N already holds exactly these maps (its draft), so {@link CustodyGraph} keeps
 * them until N is applied, rather than have every later check copy N's lots into maps of its own (a
 * tenth of the check's CPU). The maps are not changed once the check that made them returns.
 */
record Overlay(Map<String, Lot> lots, Map<String, List<String>> lotIdsByTag) {

  Overlay {
    requireNonNull(lots, "lots is null");
    requireNonNull(lotIdsByTag, "lotIdsByTag is null");
  }

  /** The overlay of a batch that no checker left behind: built from its lots. */
  static Overlay of(AcceptedBatch batch) {
    Map<String, Lot> lots = HashMap.newHashMap(batch.lots().size());
    Map<String, List<String>> lotIdsByTag = HashMap.newHashMap(batch.lots().size());
    for (Lot lot : batch.lots()) {
      if (lots.put(lot.id(), lot) == null) {
        lotIdsByTag.computeIfAbsent(lot.tagNumber(), tag -> new ArrayList<>(1)).add(lot.id());
      }
    }
    return new Overlay(lots, lotIdsByTag);
  }
}
