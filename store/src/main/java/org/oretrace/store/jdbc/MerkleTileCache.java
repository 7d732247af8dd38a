package org.oretrace.store.jdbc;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The tiles of {@code merkle_tiles} that every proof reads, kept in memory and shared by the
 * ledger's readers (any thread).
 *
 * <p>Design. A proof at ten million leaves reads one tile per tile level for the leaf's path, and
 * the tiles of the tree's right edge for the size asked; each read copies a 16 KB row, which SQLite
 * keeps on overflow pages and reads from the file every time. But only the bottom tile level is
 * large (one tile per 256 leaves); the levels above hold 256 times fewer tiles each (at ten million
 * leaves: 153 tiles at tile level 1, one at tile level 2, 2.5 MB in all), and every proof reads one
 * of each. So this cache keeps the tiles of tile levels 1 and up, and the last tile read at tile
 * level 0 (the right edge, which every proof at the latest size reads); a proof then reads one row,
 * the leaf's own tile.
 *
 * <p>Why it stays right without invalidation: a node, once committed, never changes (the log is
 * append-only), and a tile is stored in post order, so a tile read at any time is a prefix of the
 * same tile read later. A cached tile therefore answers for every node it holds, whatever the tree
 * size asked; a node past its end is read again from the table ({@link #get} answers only when the
 * cached bytes reach the node), and the longer row replaces the shorter. The same holds when
 * another process appends (PostgreSQL): it only adds nodes. Only committed rows are offered
 * (readers see nothing else), so a rolled-back transaction never reaches the cache.
 *
 * <p>Bound: at most {@link #CAPACITY} tiles above tile level 0 (64 MB); past that, tiles not yet
 * cached are read from the table each time. Tiles of the higher levels are read by every proof, so
 * they are the first ones cached; the bound is reached only past a billion leaves.
 */
final class MerkleTileCache {

  /** Tiles kept above tile level 0: 4,096 full tiles are 64 MB. */
  static final int CAPACITY = 4096;

  private record Tile(long index, byte[] hashes) {}

  private final ConcurrentHashMap<Long, byte[]> upperTiles = new ConcurrentHashMap<>();
  private final AtomicReference<Tile> bottomEdge = new AtomicReference<>();

  /**
   * The cached tile {@code (tileLevel, tileIndex)} if it holds at least {@code bytes} bytes, else
   * null. The array is shared: never change it.
   */
  byte[] get(int tileLevel, long tileIndex, int bytes) {
    byte[] hashes;
    if (tileLevel == 0) {
      Tile tile = bottomEdge.get();
      hashes = tile != null && tile.index() == tileIndex ? tile.hashes() : null;
    } else {
      hashes = upperTiles.get(key(tileLevel, tileIndex));
    }
    return hashes != null && hashes.length >= bytes ? hashes : null;
  }

  /**
   * Offers a committed row just read from the table. The array is kept as it is: the caller must
   * not change it afterwards.
   */
  void offer(int tileLevel, long tileIndex, byte[] hashes) {
    if (hashes == null) {
      return;
    }
    if (tileLevel == 0) {
      bottomEdge.accumulateAndGet(
          new Tile(tileIndex, hashes),
          (kept, offered) ->
              kept == null
                      || offered.index() > kept.index()
                      || (offered.index() == kept.index()
                          && offered.hashes().length > kept.hashes().length)
                  ? offered
                  : kept);
      return;
    }
    Long key = key(tileLevel, tileIndex);
    if (upperTiles.size() >= CAPACITY && !upperTiles.containsKey(key)) {
      return;
    }
    upperTiles.merge(key, hashes, (kept, offered) -> offered.length > kept.length ? offered : kept);
  }

  /** Tiles held above tile level 0, for tests. */
  int upperTileCount() {
    return upperTiles.size();
  }

  private static Long key(int tileLevel, long tileIndex) {
    // Tile indexes stay below 2^56 (63 tree levels, 8 per tile), tile levels below 8.
    return (long) tileLevel << 56 | tileIndex;
  }
}
