package org.oretrace.store.ledger;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import org.oretrace.core.ledger.Checkpoint;
import org.oretrace.core.ledger.MerkleHash;
import org.oretrace.core.ledger.MerkleLog;
import org.oretrace.core.ledger.MerkleNodeStore;
import org.oretrace.core.ledger.SignedNote;
import org.oretrace.core.ledger.VerificationException;
import org.oretrace.core.ledger.VerifierKey;
import org.oretrace.store.Ledger;
import org.oretrace.store.Ledger.Entry;
import org.oretrace.store.Ledger.Node;
import org.oretrace.store.StoreException;
import org.oretrace.store.ledger.VerificationReport.Finding;
import org.oretrace.store.ledger.VerificationReport.Kind;

/**
 * Checks a stored ledger against its events, offline: what {@code oretrace verify} runs.
 *
 * <p>Design. The log is recomputed from scratch, in one streaming pass over the stored events and
 * records in position order: each event is re-encoded canonically ({@link LedgerEntries}), each
 * record recomputed from the rows it records ({@link LedgerRecords}), and appended to a fresh
 * {@link MerkleLog} whose node store does not keep the nodes but compares each one, as it is
 * completed, with the stored node at the same (level, index), read page by page. So memory stays at
 * one page per level plus the discrepancies, whatever the log's size, and every stored node is
 * checked. When the pass reaches the size of a checkpoint, the recomputed root (folded from the
 * right edge the log keeps, no store read) is compared with the checkpoint's root.
 *
 * <p>Three sources must agree: the events, the stored tree and the signed checkpoint. Leaves tell
 * which position is wrong and how: a leaf whose hash is logged at another position was moved (or
 * shifted by an insertion or removal); a position without an event was removed; an event beyond the
 * log, or one whose position's logged entry reappears elsewhere, was inserted; anything else was
 * changed. An interior node is reported only when every leaf under it verified, since a wrong leaf
 * changes all its ancestors. The checkpoint catches what the first two cannot: events and nodes
 * rewritten together. Last, rows that a record should log but none does (a site, an actor, an
 * audit, an owner change or a case action inserted straight into the database) are inserted, since
 * the log cannot name a position for what it never held. Only a checkpoint signed by a key the
 * verifier trusts counts, and one held outside the data folder (given to {@link #verify}) also
 * catches a truncated log.
 */
public final class LedgerVerifier {

  /** Events read per page. */
  static final int PAGE = 4096;

  private static final int MAX_LEVELS = 63;

  /** Rows without a record reported at most. */
  static final int MAX_UNLOGGED = 10_000;

  private static final byte[] NO_EVENT = new byte[0];

  private final Ledger ledger;
  private final VerifierKey trustedKey;

  public LedgerVerifier(Ledger ledger, VerifierKey trustedKey) {
    this.ledger = requireNonNull(ledger, "ledger is null");
    this.trustedKey = requireNonNull(trustedKey, "trustedKey is null");
  }

  /** Verifies the ledger against its latest checkpoint; {@code progress} gets positions done. */
  public VerificationReport verify(LongConsumer progress) {
    return verify(List.of(), progress);
  }

  /**
   * Verifies the ledger against its latest checkpoint and against {@code heldCheckpoints}, signed
   * notes kept elsewhere (by a mirror, an auditor, an exporter).
   */
  public VerificationReport verify(List<SignedNote> heldCheckpoints, LongConsumer progress) {
    requireNonNull(heldCheckpoints, "heldCheckpoints is null");
    requireNonNull(progress, "progress is null");
    return new Run(progress).run(heldCheckpoints);
  }

  /** The state of one verification. */
  private final class Run {

    private final LongConsumer progress;
    private final List<Finding> findings = new ArrayList<>();
    private final TreeMap<Long, List<Target>> targets = new TreeMap<>();
    private final TreeMap<Long, LeafMismatch> leafMismatches = new TreeMap<>();
    private final ComparingNodeStore nodes = new ComparingNodeStore(ledger);
    private final MerkleLog recomputed = MerkleLog.over(nodes);
    private long events;
    private long records;

    Run(LongConsumer progress) {
      this.progress = progress;
    }

    VerificationReport run(List<SignedNote> heldCheckpoints) {
      long checkpointSize = readCheckpoint(latestCheckpoint(), "the latest checkpoint");
      for (SignedNote held : heldCheckpoints) {
        readCheckpoint(held, "the checkpoint given");
      }
      long logSize = ledger.size();
      if (checkpointSize >= 0 && checkpointSize != logSize) {
        findings.add(
            new Finding(
                -1,
                Kind.CHECKPOINT,
                "the log holds "
                    + logSize
                    + " entries but its latest checkpoint covers "
                    + checkpointSize));
      }
      long position = 0;
      List<Entry> page;
      do {
        page = ledger.entries(position, PAGE);
        for (Entry entry : page) {
          while (position < entry.position()) {
            appendAt(position++, null);
          }
          appendAt(position++, entry);
          if (entry.isEvent()) {
            events++;
          } else {
            records++;
          }
        }
        progress.accept(position);
      } while (page.size() == PAGE);
      checkRoots(position);
      for (long missing = position; missing < logSize; missing++) {
        leafMismatches.put(missing, new LeafMismatch(null, null, nodes.stored(0, missing)));
      }
      for (List<Target> beyond : targets.tailMap(position, false).values()) {
        for (Target target : beyond) {
          findings.add(
              new Finding(
                  -1,
                  Kind.CHECKPOINT,
                  target.label()
                      + " covers "
                      + target.checkpoint().size()
                      + " entries but the stored events end at position "
                      + position));
        }
      }
      diagnoseLeaves();
      reportNodes();
      for (Ledger.Unlogged row : ledger.unloggedRecords(MAX_UNLOGGED)) {
        findings.add(
            new Finding(
                -1,
                Kind.INSERTED,
                row.describe()
                    + " is stored but not in the log: it was written behind the application,"
                    + " which logs every change it makes"));
      }
      findings.sort((first, second) -> Long.compare(first.position(), second.position()));
      return new VerificationReport(events, records, logSize, checkpointSize, findings);
    }

    private SignedNote latestCheckpoint() {
      try {
        return ledger.storedCheckpoint();
      } catch (StoreException e) {
        findings.add(new Finding(-1, Kind.CHECKPOINT, e.getMessage()));
        return null;
      }
    }

    /** Verifies a checkpoint's signature and remembers it; returns its size, or -1. */
    private long readCheckpoint(SignedNote note, String label) {
      if (note == null) {
        return -1;
      }
      try {
        note.verify(List.of(trustedKey));
        Checkpoint checkpoint = Checkpoint.fromNoteBody(note.body());
        if (!checkpoint.origin().equals(trustedKey.name())) {
          throw new VerificationException(
              "it is for log " + checkpoint.origin() + ", not " + trustedKey.name());
        }
        targets
            .computeIfAbsent(checkpoint.size(), size -> new ArrayList<>())
            .add(new Target(label, checkpoint));
        return checkpoint.size();
      } catch (VerificationException | IllegalArgumentException e) {
        findings.add(
            new Finding(-1, Kind.CHECKPOINT, label + " does not verify: " + e.getMessage()));
        return -1;
      }
    }

    /** Appends the entry at {@code position}, or a placeholder for a missing event. */
    private void appendAt(long position, Entry entry) {
      checkRoots(position);
      boolean readable = entry != null && entry.canonicalJson() != null;
      recomputed.append(readable ? entry.bytes() : NO_EVENT);
      LeafMismatch mismatch = nodes.takeLeafMismatch();
      if (mismatch != null) {
        leafMismatches.put(
            position,
            new LeafMismatch(entry, readable ? mismatch.computed() : null, mismatch.stored()));
      }
    }

    private void checkRoots(long size) {
      List<Target> due = targets.get(size);
      if (due == null) {
        return;
      }
      MerkleHash root = recomputed.root();
      for (Target target : due) {
        if (!root.equals(target.checkpoint().rootHash())) {
          findings.add(
              new Finding(
                  -1,
                  Kind.CHECKPOINT,
                  target.label()
                      + " (size "
                      + size
                      + ") has root "
                      + target.checkpoint().rootHash().toBase64()
                      + " but the stored events give "
                      + root.toBase64()));
        }
      }
    }

    private void diagnoseLeaves() {
      Map<MerkleHash, Long> storedAt = new HashMap<>();
      Map<MerkleHash, Long> computedAt = new HashMap<>();
      leafMismatches.forEach(
          (position, mismatch) -> {
            if (mismatch.stored() != null) {
              storedAt.put(mismatch.stored(), position);
            }
            if (mismatch.computed() != null) {
              computedAt.put(mismatch.computed(), position);
            }
          });
      leafMismatches.forEach(
          (position, mismatch) -> {
            Finding finding = diagnose(position, mismatch, storedAt, computedAt);
            if (finding != null) {
              findings.add(finding);
            }
          });
    }

    private Finding diagnose(
        long position,
        LeafMismatch mismatch,
        Map<MerkleHash, Long> storedAt,
        Map<MerkleHash, Long> computedAt) {
      Entry entry = mismatch.entry();
      if (entry == null) {
        return mismatch.stored() == null
            ? null // a gap beyond the log, before an inserted event that is reported itself
            : new Finding(
                position,
                Kind.REMOVED,
                "no event or record is stored at this position, where the log has an entry");
      }
      String event = entry.describe();
      if (mismatch.computed() == null) {
        return new Finding(position, Kind.CHANGED, event + " is damaged: " + entry.unreadable());
      }
      Long loggedAt = storedAt.get(mismatch.computed());
      if (loggedAt != null) {
        String gone =
            mismatch.stored() != null && !computedAt.containsKey(mismatch.stored())
                ? "; the entry logged here is no longer stored"
                : "";
        return new Finding(
            position, Kind.MOVED, event + " was logged at position " + loggedAt + gone);
      }
      if (mismatch.stored() == null) {
        return new Finding(
            position,
            Kind.INSERTED,
            event + " is not in the log, which ends at " + ledger.size() + " entries");
      }
      Long nowAt = computedAt.get(mismatch.stored());
      if (nowAt != null) {
        return new Finding(
            position,
            Kind.INSERTED,
            event + " is not in the log; the entry logged here is now at position " + nowAt);
      }
      return new Finding(
          position, Kind.CHANGED, event + " differs from the entry logged at this position");
    }

    private void reportNodes() {
      TreeSet<Long> badLeaves = new TreeSet<>(leafMismatches.keySet());
      for (NodeMismatch node : nodes.nodeMismatches) {
        long first = node.index() << node.level();
        long last = first + (1L << node.level()) - 1;
        Long bad = badLeaves.ceiling(first);
        if (bad == null || bad > last) {
          findings.add(
              new Finding(
                  first,
                  Kind.NODE,
                  "the stored tree node at level "
                      + node.level()
                      + ", index "
                      + node.index()
                      + " (over positions "
                      + first
                      + " to "
                      + last
                      + ") is "
                      + (node.missing() ? "missing" : "wrong")
                      + " though the events under it verify"));
        }
      }
    }
  }

  /** A checkpoint to meet on the way, and where it came from. */
  private record Target(String label, Checkpoint checkpoint) {}

  /** A position whose recomputed leaf differs from the stored one (either may be missing). */
  private record LeafMismatch(Entry entry, MerkleHash computed, MerkleHash stored) {}

  /** A stored interior node that differs from the recomputed one. */
  private record NodeMismatch(int level, long index, boolean missing) {}

  /**
   * The recomputed log's node store: compares each node put with the stored one, read a page at a
   * time per level, and keeps nothing but the mismatches. The log never reads from it: it only asks
   * for roots at its current size, which it folds from the right edge it keeps itself.
   */
  private static final class ComparingNodeStore implements MerkleNodeStore {

    /** Interior mismatches kept at most; a shifted log would otherwise keep one per node. */
    private static final int MAX_NODE_MISMATCHES = 100_000;

    private final Ledger ledger;
    private final List<ArrayDeque<Node>> pages = new ArrayList<>();
    private final long[] nextPageStart = new long[MAX_LEVELS];
    private final boolean[] exhausted = new boolean[MAX_LEVELS];
    private final List<NodeMismatch> nodeMismatches = new ArrayList<>();
    private LeafMismatch leafMismatch;

    ComparingNodeStore(Ledger ledger) {
      this.ledger = ledger;
      for (int level = 0; level < MAX_LEVELS; level++) {
        pages.add(new ArrayDeque<>());
      }
    }

    @Override
    public long size() {
      return 0;
    }

    @Override
    public MerkleHash get(int level, long index) {
      throw new UnsupportedOperationException("the recomputed log keeps no nodes");
    }

    @Override
    public void put(int level, long index, MerkleHash hash) {
      MerkleHash stored = stored(level, index);
      if (hash.equals(stored)) {
        return;
      }
      if (level == 0) {
        leafMismatch = new LeafMismatch(null, hash, stored);
      } else if (nodeMismatches.size() < MAX_NODE_MISMATCHES) {
        nodeMismatches.add(new NodeMismatch(level, index, stored == null));
      }
    }

    /** The leaf mismatch of the last append, if any, forgotten once taken. */
    LeafMismatch takeLeafMismatch() {
      LeafMismatch taken = leafMismatch;
      leafMismatch = null;
      return taken;
    }

    /** The stored node at (level, index), or null; indexes must be asked in increasing order. */
    MerkleHash stored(int level, long index) {
      ArrayDeque<Node> page = pages.get(level);
      while (true) {
        while (!page.isEmpty() && page.peekFirst().index() < index) {
          page.pollFirst();
        }
        if (!page.isEmpty()) {
          Node first = page.peekFirst();
          return first.index() == index ? first.hash() : null;
        }
        if (exhausted[level]) {
          return null;
        }
        List<Node> next = ledger.nodes(level, Math.max(index, nextPageStart[level]), PAGE);
        exhausted[level] = next.size() < PAGE;
        if (next.isEmpty()) {
          return null;
        }
        page.addAll(next);
        nextPageStart[level] = next.getLast().index() + 1;
      }
    }
  }
}
