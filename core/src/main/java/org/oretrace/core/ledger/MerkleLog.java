package org.oretrace.core.ledger;

/**
 * An append-only RFC 9162 Merkle log: every accepted event's canonical encoding is appended as a
 * leaf, and the log answers, for any past size, its root and the proofs that tie an entry or an
 * older root to it.
 *
 * <p>Every answer costs O(log n) node reads from the {@link MerkleNodeStore}; nothing is rebuilt. A
 * log has a single writer; appends and reads are not synchronised.
 */
public interface MerkleLog {

  /** A log over a new in-memory store. */
  static MerkleLog inMemory() {
    return over(MerkleNodeStore.inMemory());
  }

  /** A log over {@code store}, continuing after the leaves already in it. */
  static MerkleLog over(MerkleNodeStore store) {
    return new StoredMerkleLog(store);
  }

  /** Appends {@code entry} as the next leaf and returns its index. */
  long append(byte[] entry);

  /**
   * Appends the next leaf by its hash, {@link MerkleHash#ofLeaf} of its entry, which the caller
   * computed (on another thread than the log's single writer), and returns its index.
   */
  long appendLeafHash(MerkleHash leafHash);

  /** Number of leaves in the log. */
  long size();

  /** The leaf hash of the entry at {@code leafIndex}. */
  MerkleHash leafHash(long leafIndex);

  /** The root of the tree of the first {@code treeSize} leaves, {@code 0 <= treeSize <= size()}. */
  MerkleHash root(long treeSize);

  /** The root of the whole log. */
  default MerkleHash root() {
    return root(size());
  }

  /**
   * The inclusion proof of leaf {@code leafIndex} in the tree of the first {@code treeSize} leaves.
   */
  InclusionProof inclusionProof(long leafIndex, long treeSize);

  /**
   * The consistency proof between the trees of the first {@code fromSize} and {@code toSize}
   * leaves, {@code 0 < fromSize <= toSize <= size()}; empty when the sizes are equal.
   */
  ConsistencyProof consistencyProof(long fromSize, long toSize);
}
