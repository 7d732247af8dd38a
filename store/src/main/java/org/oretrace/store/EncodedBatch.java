package org.oretrace.store;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.ledger.MerkleHash;
import org.oretrace.store.ledger.LedgerEntries;

/**
 * A batch of events with the ledger entry of each ({@link LedgerEntries#encode(CustodyEvent)}),
 * which the store keeps both as the event's document and as the bytes of its ledger leaf.
 *
 * <p>Why a type of its own: encoding (the entry, its text and its leaf hash) is a third of what
 * capture costs, and it depends on the event alone, not on what the store holds; so {@link
 * Recorder} encodes a batch on the caller's thread, before it queues for the single writer, and
 * concurrent clients encode in parallel. The entries are made here and nowhere else, from these
 * very events, so a store can trust them.
 *
 * <p>An event that has no exact encoding (a number a double cannot hold) gets no entry here: the
 * store encodes it again inside its transaction, which then fails as it always did, after the
 * batch's rule violations have been reported.
 */
public final class EncodedBatch {

  private final List<CustodyEvent> events;
  private final List<Entry> entries;

  private EncodedBatch(List<CustodyEvent> events, List<Entry> entries) {
    this.events = events;
    this.entries = entries;
  }

  /** Encodes every event of the batch. */
  public static EncodedBatch of(List<CustodyEvent> events) {
    List<CustodyEvent> copy = List.copyOf(requireNonNull(events, "events is null"));
    List<Entry> entries = new ArrayList<>(copy.size());
    for (CustodyEvent event : copy) {
      Entry entry;
      try {
        entry = LedgerEntries.encode(event, Entry::new);
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
  public Entry entry(int index, CustodyEvent event) {
    if (events.get(index) != event) {
      throw new IllegalArgumentException(
          "event " + index + " of the batch is not the one that was encoded");
    }
    Entry entry = entries.get(index);
    return entry != null ? entry : Entry.of(LedgerEntries.encode(event));
  }

  /**
   * An event's ledger entry, the same bytes as text (the event's stored document) and the hash of
   * its ledger leaf: all the writer needs, none of which it has to compute.
   */
  public static final class Entry {
    private final byte[] bytes;
    private final MerkleHash leafHash;

    private Entry(byte[] bytes) {
      this(bytes, MerkleHash.ofLeaf(bytes));
    }

    private Entry(byte[] bytes, MerkleHash leafHash) {
      this.bytes = bytes;
      this.leafHash = leafHash;
    }

    static Entry of(byte[] bytes) {
      return new Entry(requireNonNull(bytes, "bytes is null"));
    }

    /** The entry as text: RFC 8785 canonical JSON, the event's stored document. */
    public String document() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * The entry's UTF-8 bytes, the same as {@link #document()}'s text: what SQLite stores without a
     * String made and encoded again. Not a copy: a caller must not change them.
     */
    public byte[] bytes() {
      return bytes;
    }

    /** The hash of the entry's ledger leaf. */
    public MerkleHash leafHash() {
      return leafHash;
    }
  }
}
