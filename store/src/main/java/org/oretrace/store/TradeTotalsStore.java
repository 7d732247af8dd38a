package org.oretrace.store;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oretrace.core.trade.RecordedTrade;
import org.oretrace.core.trade.RecordedTrade.Cell;
import org.oretrace.core.trade.RecordedTrade.TradedLot;

/**
 * The custody record's own trade figures ({@link RecordedTrade}) kept in the database with their
 * watermark: the ledger sequence up to which events are counted. D10 restores them and counts only
 * the events past the watermark, instead of replaying the whole record at every start. The figures
 * and the watermark are always written together, in one transaction, so what is stored is the
 * replay of exactly the events before the watermark.
 */
public interface TradeTotalsStore {

  /** The stored figures: the cells, the live lots, and the sequence counting resumes from. */
  record Snapshot(long nextSequence, List<Cell> cells, Map<String, TradedLot> lots) {
    public Snapshot {
      if (nextSequence < 0) {
        throw new IllegalArgumentException("nextSequence is negative");
      }
      cells = List.copyOf(requireNonNull(cells, "cells is null"));
      lots = Map.copyOf(requireNonNull(lots, "lots is null"));
    }
  }

  /** The stored figures, or empty if none were ever stored (count from the first event). */
  Optional<Snapshot> load();

  /**
   * Writes the changes and moves the watermark from {@code fromSequence} to {@code nextSequence},
   * in one transaction, if the stored watermark is still {@code fromSequence} (or nothing is stored
   * and {@code fromSequence} is 0); returns whether it did.
   */
  boolean update(long fromSequence, long nextSequence, RecordedTrade.Changes changes);

  /** Replaces everything stored by the whole state counted up to {@code nextSequence}. */
  void replace(long nextSequence, RecordedTrade.Changes state);

  /** A store that keeps no figures: every attach counts the whole record. */
  TradeTotalsStore NONE =
      new TradeTotalsStore() {
        @Override
        public Optional<Snapshot> load() {
          return Optional.empty();
        }

        @Override
        public boolean update(long fromSequence, long nextSequence, RecordedTrade.Changes changes) {
          return true;
        }

        @Override
        public void replace(long nextSequence, RecordedTrade.Changes state) {
          // Nothing kept.
        }
      };
}
