package org.oretrace.store;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.store.ledger.LedgerEntries;

/**
 * A batch of events with the ledger entry of each ({@link LedgerEntries#encode(CustodyEvent)}),
 * which the store keeps both as the event's document and as the bytes of its ledger leaf.
 *
 * <p>Why a type of its own: encoding is a third of what capture costs, and it depends on the event
 * alone, not on what the store holds; so {@link Recorder} encodes a batch on the caller's thread,
 * before it queues for the single writer, and concurrent clients encode in parallel. The entries
 * are made here and nowhere else, from these very events, so a store can trust them.
 *
 * <p>An event that has no exact encoding (a number a double cannot hold) gets no entry here: the
 * store encodes it again inside its transaction, which then fails as it always did, after the
 * batch's rule violations have been reported.
 */
public final class EncodedBatch {

  private final List<CustodyEvent> events;
  private final List<byte[]> entries;

  private EncodedBatch(List<CustodyEvent> events, List<byte[]> entries) {
    this.events = events;
    this.entries = entries;
  }

  /** Encodes every event of the batch. */
  public static EncodedBatch of(List<CustodyEvent> events) {
    List<CustodyEvent> copy = List.copyOf(requireNonNull(events, "events is null"));
    List<byte[]> entries = new ArrayList<>(copy.size());
    for (CustodyEvent event : copy) {
      byte[] entry;
      try {
        entry = LedgerEntries.encode(event);
      } catch (IllegalArgumentException e) {
        entry = null;
      }
      entries.add(entry);
    }
    return new EncodedBatch(copy, Collections.unmodifiableList(entries));
  }

  public List<CustodyEvent> events() {
    return events;
  }

  /**
   * The entry of the event at {@code index}, which must be {@code event} itself (the check that the
   * entries belong to the batch being stored).
   */
  public byte[] entry(int index, CustodyEvent event) {
    if (events.get(index) != event) {
      throw new IllegalArgumentException(
          "event " + index + " of the batch is not the one that was encoded");
    }
    byte[] entry = entries.get(index);
    return entry != null ? entry : LedgerEntries.encode(event);
  }
}
