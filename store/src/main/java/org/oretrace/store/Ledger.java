package org.oretrace.store;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.oretrace.core.ledger.ConsistencyProof;
import org.oretrace.core.ledger.InclusionProof;
import org.oretrace.core.ledger.MerkleHash;
import org.oretrace.core.ledger.SignedNote;
import org.oretrace.core.ledger.VerifierKey;

/**
 * The verifiable ledger: every accepted custody event, in sequence order, as a leaf of an RFC 9162
 * Merkle log whose leaf index is the event's sequence number, with the log's signed checkpoint and
 * the proofs that tie an event or an older checkpoint to it. The format is in docs/ledger.md.
 *
 * <p>The store appends to the ledger in the transaction that stores the events ({@link
 * CustodyStore#append}); this interface only reads. Every answer is about committed state: a size
 * above {@link #size()} is refused.
 */
public interface Ledger {

  /** The public key that verifies the log's checkpoints, to publish. */
  VerifierKey verifierKey();

  /** Number of entries in the log, which equals the number of events when all is well. */
  long size();

  /**
   * The first line of every statement {@link #sealStatement} signs. A checkpoint's first line is
   * the log's origin, which never contains a space, so no statement can pass for a checkpoint.
   */
  String STATEMENT_PREFIX = "oretrace statement ";

  /**
   * Signs a statement with the log key, e.g. the digest of a provenance certificate, so that a
   * holder of the verifier key can tell that the server issued it unchanged.
   *
   * @param statement text starting with {@link #STATEMENT_PREFIX} and ending with a newline
   */
  SignedNote sealStatement(String statement);

  /** The checkpoint of the latest batch, signed by the log key. */
  SignedNote latestCheckpoint();

  /** The root of the tree of the first {@code treeSize} entries. */
  MerkleHash root(long treeSize);

  /** The proof that entry {@code leafIndex} is in the tree of the first {@code treeSize}. */
  InclusionProof inclusionProof(long leafIndex, long treeSize);

  /** The proof that the tree of {@code fromSize} entries is a prefix of that of {@code toSize}. */
  ConsistencyProof consistencyProof(long fromSize, long toSize);

  /**
   * The entries re-encoded from the stored events with positions from {@code start}, at most {@code
   * limit}, in order. Positions are the stored sequence numbers, so a removed event shows as a gap.
   */
  List<Entry> entries(long start, int limit);

  /**
   * The stored nodes of one level with indexes from {@code fromIndex}, at most {@code limit}, in
   * index order: what a verifier compares with the tree it recomputes. A node that its stored tile
   * does not hold whole (a tile missing or cut short) is left out, as if missing.
   */
  List<Node> nodes(int level, long fromIndex, int limit);

  /**
   * A stored node of the Merkle tree: the root of the perfect subtree over leaves {@code [index *
   * 2^level, (index + 1) * 2^level)}.
   */
  record Node(int level, long index, MerkleHash hash) {
    public Node {
      requireNonNull(hash, "hash is null");
    }
  }

  /**
   * One stored event as a ledger entry: its canonical JSON (docs/ledger.md), or, when the stored
   * event no longer decodes, why not.
   *
   * @param position the event's sequence number, its leaf index
   * @param eventId the event's id as stored
   * @param canonicalJson the RFC 8785 encoding of the event, or null when unreadable
   * @param unreadable why the stored event cannot be encoded, or null
   */
  record Entry(long position, String eventId, String canonicalJson, String unreadable) {
    public Entry {
      requireNonNull(eventId, "eventId is null");
      if ((canonicalJson == null) == (unreadable == null)) {
        throw new IllegalArgumentException("an entry has either its JSON or a reason, not both");
      }
    }

    /** The exact bytes that are hashed into the leaf. */
    public byte[] bytes() {
      if (canonicalJson == null) {
        throw new IllegalStateException("entry " + position + " is unreadable: " + unreadable);
      }
      return canonicalJson.getBytes(StandardCharsets.UTF_8);
    }
  }
}
