package org.oretrace.core.ledger;

/**
 * Storage of a Merkle log's complete-subtree hashes, keyed by (level, index).
 *
 * <p>The node at level {@code L} and index {@code i} is the root of the perfect subtree over leaves
 * {@code [i * 2^L, (i + 1) * 2^L)}; level 0 holds the leaf hashes. A log of {@code size} leaves
 * holds exactly {@code size >> L} nodes at level {@code L}: nothing else is ever stored, so a node,
 * once written, never changes (the log is append-only).
 *
 * <p>{@link MerkleLog} writes nodes in order: at each level, index {@code i} is written only after
 * index {@code i - 1}. A durable implementation (a SQLite table keyed by level and index) must make
 * the writes of one append visible together, for example in the transaction that stores the event:
 * {@link #size()} must never count a leaf whose completed parents are missing.
 */
public interface MerkleNodeStore {

  /** A store in memory, one growing byte array per level. */
  static MerkleNodeStore inMemory() {
    return new InMemoryMerkleNodeStore();
  }

  /** Number of leaves stored, that is the number of nodes at level 0. */
  long size();

  /**
   * The hash stored at {@code (level, index)}.
   *
   * @throws IllegalArgumentException if no such node is stored
   */
  MerkleHash get(int level, long index);

  /**
   * Stores the hash at {@code (level, index)}.
   *
   * @throws IllegalArgumentException if {@code index} is not the next index at that level
   */
  void put(int level, long index, MerkleHash hash);
}
