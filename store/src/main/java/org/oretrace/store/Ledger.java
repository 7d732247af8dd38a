package org.oretrace.store;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.oretrace.core.ledger.ConsistencyProof;
import org.oretrace.core.ledger.Cosignature;
import org.oretrace.core.ledger.InclusionProof;
import org.oretrace.core.ledger.MerkleHash;
import org.oretrace.core.ledger.SignedNote;
import org.oretrace.core.ledger.VerifierKey;
import org.oretrace.core.ledger.WitnessKey;

/**
 * The verifiable ledger: every accepted custody event, and every registry change, owner change and
 * case action (records), in the order accepted, as a leaf of an RFC 9162 Merkle log (an event's
 * leaf index is its sequence number; records take the positions between), with the log's signed
 * checkpoint and the proofs that tie an entry or an older checkpoint to it. The format is in
 * docs/ledger.md.
 *
 * <p>The store appends to the ledger in the transaction that stores the events ({@link
 * CustodyStore#append}); this interface only reads. Every answer is about committed state: a size
 * above {@link #size()} is refused.
 */
public interface Ledger {

  /** The public key that verifies the log's checkpoints, to publish. */
  VerifierKey verifierKey();

  /** Number of entries in the log: events and records. */
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

  /**
   * A checkpoint signed by the log key that covers every entry committed before the call: the one
   * stored, or, when the log grew since (writes sign at most once per interval), a fresh one signed
   * and stored now.
   */
  SignedNote latestCheckpoint();

  /**
   * The checkpoint as stored, never signing: what verification reads. It may cover fewer entries
   * than the log for the moment a write leaves it behind (see {@link #latestCheckpoint()}).
   */
  SignedNote storedCheckpoint();

  /** The root of the tree of the first {@code treeSize} entries. */
  MerkleHash root(long treeSize);

  /** The proof that entry {@code leafIndex} is in the tree of the first {@code treeSize}. */
  InclusionProof inclusionProof(long leafIndex, long treeSize);

  /** The proof that the tree of {@code fromSize} entries is a prefix of that of {@code toSize}. */
  ConsistencyProof consistencyProof(long fromSize, long toSize);

  /**
   * The entries re-encoded from the stored events and records with positions from {@code start}, at
   * most {@code limit}, in order. A removed event or record shows as a gap.
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
   * Keeps a witness's cosignature of the checkpoint of {@code treeSize} entries (C2SP
   * tlog-cosignature), replacing the witness's earlier one: the checkpoint is rebuilt from the
   * stored tree at that size and the cosignature must verify over it with {@code witness}. Only the
   * witnesses {@link #addWitness added} are heard, and each keeps one row, its newest: a
   * cosignature of a smaller tree, or of the same tree with an older timestamp, is refused.
   *
   * @return the checkpoint cosigned, signed by the log
   * @throws UnknownWitnessException when the witness was not added
   * @throws IllegalArgumentException when the size is not of this log or the cosignature does not
   *     verify, or the witness already cosigned a larger checkpoint or this one later
   */
  SignedNote addCosignature(WitnessKey witness, long treeSize, Cosignature cosignature);

  /** The latest cosignature of each accepted witness, largest tree size first. */
  List<WitnessCosignature> cosignatures();

  /** The most witnesses a log accepts, which bounds the cosignatures it keeps. */
  int MAX_WITNESSES = 100;

  /**
   * Accepts cosignatures from {@code witness} from now on (its public key is kept).
   *
   * @return false when it was accepted already
   * @throws IllegalArgumentException when {@link #MAX_WITNESSES} are accepted already
   */
  boolean addWitness(WitnessKey witness);

  /**
   * Stops accepting cosignatures from {@code witness} and forgets the one it sent.
   *
   * @return false when it was not accepted
   */
  boolean removeWitness(WitnessKey witness);

  /** The witnesses whose cosignatures are accepted, by name. */
  List<WitnessKey> witnesses();

  /**
   * Rows that a record should have logged but none did: sites, actors, audits, owner changes and
   * case actions written to the database behind the store's back (which appends a record with each
   * change it makes). At most {@code limit}, by kind then subject.
   */
  List<Unlogged> unloggedRecords(int limit);

  /**
   * A stored row with no record in the log.
   *
   * @param kind the record kind it would have ({@code site}, {@code actor}, {@code audit}, {@code
   *     owners}, {@code case-action})
   * @param subject the record's subject key (a site id, {@code case/sequence})
   */
  record Unlogged(String kind, String subject) {
    public Unlogged {
      requireNonNull(kind, "kind is null");
      requireNonNull(subject, "subject is null");
    }

    /** How a person reads which row this is, as {@link Entry#describe()}. */
    public String describe() {
      return new Entry(-1, kind, subject, "", null).describe();
    }
  }

  /**
   * A witness's cosignature as kept.
   *
   * @param witness the witness's public key
   * @param checkpoint the checkpoint it cosigned, signed by the log
   * @param cosignature the witness's cosignature of it
   * @param receivedAt when the log received it
   */
  record WitnessCosignature(
      WitnessKey witness, SignedNote checkpoint, Cosignature cosignature, Instant receivedAt) {
    public WitnessCosignature {
      requireNonNull(witness, "witness is null");
      requireNonNull(checkpoint, "checkpoint is null");
      requireNonNull(cosignature, "cosignature is null");
      requireNonNull(receivedAt, "receivedAt is null");
    }
  }

  /** The {@link Entry#kind()} of a custody event; records have their own (LedgerRecords). */
  String EVENT = "event";

  /**
   * One leaf of the log as stored: a custody event or a record (a registry change, an owner change,
   * a case action), as its canonical JSON (docs/ledger.md), or, when what is stored no longer
   * decodes, why not.
   *
   * @param position the leaf index (for an event, its sequence number)
   * @param kind {@link #EVENT}, or the record's kind ({@code site}, {@code actor}, {@code audit},
   *     {@code owners}, {@code case-action})
   * @param subject the event's id, or what the record is about (a site id, {@code case/sequence})
   * @param canonicalJson the RFC 8785 encoding of the entry, or null when unreadable
   * @param unreadable why the stored event or record cannot be encoded, or null
   */
  record Entry(
      long position, String kind, String subject, String canonicalJson, String unreadable) {
    public Entry {
      requireNonNull(kind, "kind is null");
      requireNonNull(subject, "subject is null");
      if ((canonicalJson == null) == (unreadable == null)) {
        throw new IllegalArgumentException("an entry has either its JSON or a reason, not both");
      }
    }

    /** An event's entry. */
    public Entry(long position, String eventId, String canonicalJson, String unreadable) {
      this(position, EVENT, eventId, canonicalJson, unreadable);
    }

    /** Whether this leaf is a custody event. */
    public boolean isEvent() {
      return EVENT.equals(kind);
    }

    /** The event's id, or null for a record. */
    public String eventId() {
      return isEvent() ? subject : null;
    }

    /** How a person reads which entry this is: "event ev-1", "site site-rubaya". */
    public String describe() {
      return switch (kind) {
        case "owners" -> "owner change " + subject;
        case "case-action" -> "case action " + subject;
        default -> kind + " " + subject;
      };
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
