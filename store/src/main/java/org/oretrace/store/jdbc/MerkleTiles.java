package org.oretrace.store.jdbc;

/**
 * Where a Merkle log's node lives in the {@code merkle_tiles} table: the arithmetic of tiles, no
 * I/O.
 *
 * <p>Design. Storing each complete-subtree hash as a row costs about two B-tree inserts per leaf.
 * Here the tree is cut into tiles of {@value #HEIGHT} levels, as C2SP tlog-tiles does: the tile at
 * tile level {@code T} and index {@code N} holds every node of tree levels {@code 8T} to {@code 8T
 * + 7} under the level-{@code 8T} nodes {@code [256 N, 256 N + 256)}. Unlike tlog-tiles, which
 * keeps only the bottom row of a tile and rehashes the rest, a tile here keeps all of its 510
 * nodes, so that a proof reads nodes and never hashes to find them (a proof reads at most one tile
 * per tile level, three at ten million leaves).
 *
 * <p>The nodes are laid out in post order, the order in which {@code MerkleLog} completes them:
 * leaf, leaf, parent, leaf, leaf, parent, grandparent, and so on. So a tile that is still filling
 * up (the right edge of the tree) is a prefix of the tile it will become, appending a leaf appends
 * bytes, and a tile's width (how many level-{@code 8T} nodes it holds) follows from its length
 * alone. A log of n leaves has one row per full tile plus one partial tile per tile level whose
 * bottom row does not end on a multiple of 256: about n / 256 rows instead of 2 n.
 */
final class MerkleTiles {

  /** Tree levels per tile. */
  static final int HEIGHT = 8;

  /** Nodes in a tile's bottom row. */
  static final int WIDTH = 1 << HEIGHT;

  /** Hash length in bytes. */
  static final int HASH_BYTES = 32;

  /** Nodes in a full tile: 256 + 128 + ... + 2. */
  static final int FULL_NODES = nodesForWidth(WIDTH);

  /** Bytes of a full tile. */
  static final int FULL_BYTES = FULL_NODES * HASH_BYTES;

  private MerkleTiles() {}

  /** The tile level holding tree level {@code level}. */
  static int tileLevel(int level) {
    return level / HEIGHT;
  }

  /** The index, within its tile level, of the tile holding node {@code (level, index)}. */
  static long tileIndex(int level, long index) {
    return index >>> (HEIGHT - level % HEIGHT);
  }

  /** The position (in nodes, from 0) of node {@code (level, index)} within its tile. */
  static int position(int level, long index) {
    int height = level % HEIGHT;
    int relative = (int) (index & ((WIDTH >>> height) - 1));
    // Bottom-row nodes up to and including the last one under this node.
    int covered = (relative + 1) << height;
    // Every node of the tile completed by then, less the ancestors completed by the same leaf,
    // which come after this node.
    int ancestorsAfter = Math.min(HEIGHT - 1, height + Integer.numberOfTrailingZeros(relative + 1));
    return nodesForWidth(covered) - (ancestorsAfter - height) - 1;
  }

  /** Nodes in a tile whose bottom row holds {@code width} nodes. */
  static int nodesForWidth(int width) {
    int nodes = 0;
    for (int height = 0; height < HEIGHT; height++) {
      nodes += width >>> height;
    }
    return nodes;
  }

  /**
   * The width of a tile of {@code bytes} bytes: the widest tile that fits in them (a damaged row's
   * length need not be one a tile can have; the nodes it holds whole still count).
   */
  static int widthOfLength(int bytes) {
    int nodes = Math.min(bytes, FULL_BYTES) / HASH_BYTES;
    int width = 0;
    while (width < WIDTH && nodesForWidth(width + 1) <= nodes) {
      width++;
    }
    return width;
  }
}
