package org.oretrace.core.ledger;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * A {@link MerkleLog} over a {@link MerkleNodeStore} that holds only complete-subtree hashes.
 *
 * <p>Design. The obvious log keeps the leaves and recomputes the tree for each root or proof: O(n)
 * per answer. Here the store keeps, for each level, the hashes of the perfect subtrees that are
 * complete (the node at level L, index i covers leaves [i * 2^L, (i + 1) * 2^L)). Any RFC 9162
 * subtree [begin, end) that is not perfect lies on the right edge of some tree; it splits into at
 * most 63 perfect subtrees, one per set bit of its length, whose hashes are folded from the right.
 * So a root at any past size costs one read per set bit of the size, and a proof walks the RFC's
 * recursive definition top down, reading one perfect node per level plus at most one such
 * right-edge fold: O(log n) reads, no rebuild, whatever the sizes asked for.
 *
 * <p>Appending writes the leaf hash and each parent that the leaf completes: as many as the
 * trailing one bits of the old size, so two writes on average. The parents' left children are the
 * perfect subtrees on the current right edge, which this class keeps in {@link #rightEdge} (one
 * hash per set bit of the size, reloaded from the store on construction), so an append reads
 * nothing.
 *
 * <p>Invariant: {@code rightEdge[L]} is non-null exactly when bit L of {@link #size} is set, and
 * then holds the node at level L, index {@code (size >>> L) - 1}.
 */
final class StoredMerkleLog implements MerkleLog {

  private static final int MAX_LEVELS = 63;

  private final MerkleNodeStore store;
  private final MerkleHash[] rightEdge = new MerkleHash[MAX_LEVELS];
  private long size;

  StoredMerkleLog(MerkleNodeStore store) {
    this.store = requireNonNull(store, "store is null");
    this.size = store.size();
    if (size < 0) {
      throw new IllegalStateException("store reports a negative size: " + size);
    }
    for (int level = 0; level < MAX_LEVELS; level++) {
      if ((size >>> level & 1) == 1) {
        rightEdge[level] = store.get(level, (size >>> level) - 1);
      }
    }
  }

  @Override
  public long append(byte[] entry) {
    requireNonNull(entry, "entry is null");
    return appendLeafHash(MerkleHash.ofLeaf(entry));
  }

  @Override
  public long appendLeafHash(MerkleHash leafHash) {
    requireNonNull(leafHash, "leafHash is null");
    if (size == Long.MAX_VALUE) {
      throw new IllegalStateException("log is full");
    }
    MerkleHash hash = leafHash;
    long index = size;
    int level = 0;
    store.put(level, index, hash);
    while ((index & 1) == 1) {
      hash = MerkleHash.ofChildren(rightEdge[level], hash);
      rightEdge[level] = null;
      level++;
      index >>>= 1;
      store.put(level, index, hash);
    }
    rightEdge[level] = hash;
    return size++;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public MerkleHash leafHash(long leafIndex) {
    if (leafIndex < 0 || leafIndex >= size) {
      throw new IllegalArgumentException(
          "leafIndex must be within 0.." + (size - 1) + ", got " + leafIndex);
    }
    return node(0, leafIndex);
  }

  @Override
  public MerkleHash root(long treeSize) {
    checkTreeSize(treeSize, "treeSize");
    return treeSize == 0 ? MerkleHash.emptyTree() : subtreeHash(0, treeSize);
  }

  @Override
  public InclusionProof inclusionProof(long leafIndex, long treeSize) {
    checkTreeSize(treeSize, "treeSize");
    if (leafIndex < 0 || leafIndex >= treeSize) {
      throw new IllegalArgumentException(
          "leafIndex must be within 0.." + (treeSize - 1) + ", got " + leafIndex);
    }
    // RFC 9162 section 2.1.3.1, PATH(m, D[n]), unrolled top down over absolute leaf positions.
    MerkleHash[] topDown = new MerkleHash[MAX_LEVELS];
    int count = 0;
    long begin = 0;
    long end = treeSize;
    while (end - begin > 1) {
      long split = begin + largestPowerOfTwoBelow(end - begin);
      if (leafIndex < split) {
        topDown[count++] = subtreeHash(split, end);
        end = split;
      } else {
        topDown[count++] = subtreeHash(begin, split);
        begin = split;
      }
    }
    return new InclusionProof(leafIndex, treeSize, bottomUp(topDown, count));
  }

  @Override
  public ConsistencyProof consistencyProof(long fromSize, long toSize) {
    checkTreeSize(toSize, "toSize");
    if (fromSize < 0 || fromSize > toSize) {
      throw new IllegalArgumentException(
          "fromSize must be within 0.." + toSize + ", got " + fromSize);
    }
    if (fromSize == toSize) {
      return new ConsistencyProof(fromSize, toSize, List.of());
    }
    if (fromSize == 0) {
      throw new IllegalArgumentException(
          "a consistency proof from the empty tree proves nothing and verifiers reject it");
    }
    // RFC 9162 section 2.1.4.1, SUBPROOF(m, D[n], b), unrolled top down.
    MerkleHash[] topDown = new MerkleHash[MAX_LEVELS + 1];
    int count = 0;
    long begin = 0;
    long end = toSize;
    boolean wholeOldTree = true;
    while (fromSize != end) {
      long split = begin + largestPowerOfTwoBelow(end - begin);
      if (fromSize <= split) {
        topDown[count++] = subtreeHash(split, end);
        end = split;
      } else {
        topDown[count++] = subtreeHash(begin, split);
        begin = split;
        wholeOldTree = false;
      }
    }
    if (!wholeOldTree) {
      topDown[count++] = subtreeHash(begin, end);
    }
    return new ConsistencyProof(fromSize, toSize, bottomUp(topDown, count));
  }

  /**
   * The hash of the RFC 9162 subtree over leaves [begin, end), where begin is a multiple of a power
   * of two at least {@code end - begin}: one perfect node per set bit of the length, folded from
   * the right.
   */
  private MerkleHash subtreeHash(long begin, long end) {
    long length = end - begin;
    MerkleHash folded = null;
    for (int level = 0; level < MAX_LEVELS && length >>> level != 0; level++) {
      if ((length >>> level & 1) == 1) {
        long firstLeaf = begin + (length >>> (level + 1) << (level + 1));
        MerkleHash node = node(level, firstLeaf >>> level);
        folded = folded == null ? node : MerkleHash.ofChildren(node, folded);
      }
    }
    return requireNonNull(folded, "empty subtree");
  }

  private MerkleHash node(int level, long index) {
    if ((size >>> level & 1) == 1 && index == (size >>> level) - 1) {
      return rightEdge[level];
    }
    return store.get(level, index);
  }

  private void checkTreeSize(long treeSize, String name) {
    if (treeSize < 0 || treeSize > size) {
      throw new IllegalArgumentException(
          name + " must be within 0.." + size + " (the log's size), got " + treeSize);
    }
  }

  private static long largestPowerOfTwoBelow(long length) {
    return Long.highestOneBit(length - 1);
  }

  private static List<MerkleHash> bottomUp(MerkleHash[] topDown, int count) {
    MerkleHash[] reversed = new MerkleHash[count];
    for (int i = 0; i < count; i++) {
      reversed[i] = topDown[count - 1 - i];
    }
    return Arrays.asList(reversed);
  }
}
