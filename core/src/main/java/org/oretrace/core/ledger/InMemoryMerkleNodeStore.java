package org.oretrace.core.ledger;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A {@link MerkleNodeStore} in memory: level {@code L} is one byte array holding its node hashes
 * back to back, 32 bytes each, grown by doubling.
 *
 * <p>Flat arrays rather than one object per node: a million leaves take about 64 MB of hashes in
 * total over all levels (the levels above 0 add up to the size of level 0) and no per-node headers
 * or pointers. Each level can hold up to {@code Integer.MAX_VALUE / 32} nodes (67 million leaves);
 * a larger log belongs in a durable store.
 */
final class InMemoryMerkleNodeStore implements MerkleNodeStore {

  private static final int MAX_LEVELS = 63;
  private static final int INITIAL_CAPACITY_NODES = 64;
  private static final long MAX_NODES_PER_LEVEL = Integer.MAX_VALUE / MerkleHash.LENGTH_BYTES;

  private final byte[][] levels = new byte[MAX_LEVELS][];
  private final long[] nodeCounts = new long[MAX_LEVELS];

  @Override
  public long size() {
    return nodeCounts[0];
  }

  @Override
  public MerkleHash get(int level, long index) {
    checkLevel(level);
    if (index < 0 || index >= nodeCounts[level]) {
      throw new IllegalArgumentException(
          "no node at level " + level + " index " + index + " (" + nodeCounts[level] + " stored)");
    }
    int offset = (int) index * MerkleHash.LENGTH_BYTES;
    return MerkleHash.wrap(
        Arrays.copyOfRange(levels[level], offset, offset + MerkleHash.LENGTH_BYTES));
  }

  @Override
  public void put(int level, long index, MerkleHash hash) {
    checkLevel(level);
    requireNonNull(hash, "hash is null");
    if (index != nodeCounts[level]) {
      throw new IllegalArgumentException(
          "nodes are appended in order: level "
              + level
              + " expects index "
              + nodeCounts[level]
              + ", got "
              + index);
    }
    if (index >= MAX_NODES_PER_LEVEL) {
      throw new IllegalStateException("in-memory store is full at level " + level);
    }
    byte[] nodes = levels[level];
    int offset = (int) index * MerkleHash.LENGTH_BYTES;
    if (nodes == null || offset == nodes.length) {
      long grown =
          nodes == null ? INITIAL_CAPACITY_NODES * MerkleHash.LENGTH_BYTES : 2L * nodes.length;
      int capacity = (int) Math.min(grown, MAX_NODES_PER_LEVEL * MerkleHash.LENGTH_BYTES);
      nodes = nodes == null ? new byte[capacity] : Arrays.copyOf(nodes, capacity);
      levels[level] = nodes;
    }
    System.arraycopy(hash.internalBytes(), 0, nodes, offset, MerkleHash.LENGTH_BYTES);
    nodeCounts[level] = index + 1;
  }

  private static void checkLevel(int level) {
    if (level < 0 || level >= MAX_LEVELS) {
      throw new IllegalArgumentException(
          "level must be within 0.." + (MAX_LEVELS - 1) + ", got " + level);
    }
  }
}
