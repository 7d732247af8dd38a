package org.oretrace.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.oretrace.core.ledger.MerkleHash;
import org.oretrace.core.ledger.MerkleNodeStore;
import org.oretrace.store.StoreException;

/**
 * The Merkle log's nodes in the {@code merkle_tiles} table ({@link MerkleTiles}: one row per tile
 * of eight levels), seen through one connection (the writer's moves to each transaction's, {@link
 * #use}) at a fixed number of committed leaves.
 *
 * <p>Writes are buffered: {@link #put} appends the node to the tile it belongs to, kept in memory,
 * and {@link #flush} writes, inside the transaction that stores the events, every tile completed
 * since the last commit and the partial tile at the right edge of each tile level that changed. So
 * a batch of a thousand events writes about six rows, not two thousand. A rolled-back transaction
 * is undone by {@link #discard()} plus the rollback itself: the partial tiles are read again from
 * the table when next appended to.
 *
 * <p>Reads go to the table, one row per tile, and the last tile read at each tile level is kept:
 * nodes, once committed, never change, and a partial tile read earlier is a prefix of the same tile
 * read later, so a kept tile answers for every node it holds. The log asks for a node only once it
 * is committed (the right edge on construction, proof nodes afterwards), except on the writer,
 * where it asks for none while appending. A reader's store also asks the ledger's {@link
 * MerkleTileCache} before the table, and offers it every row it reads, for the same reason.
 */
final class JdbcMerkleNodeStore implements MerkleNodeStore, AutoCloseable {

  private static final int MAX_LEVELS = 63;
  private static final int TILE_LEVELS = (MAX_LEVELS + MerkleTiles.HEIGHT - 1) / MerkleTiles.HEIGHT;
  private static final String SELECT =
      "SELECT hashes FROM merkle_tiles WHERE tile_level = ? AND tile_index = ?";
  private static final String UPSERT =
      "INSERT INTO merkle_tiles (tile_level, tile_index, hashes) VALUES (?, ?, ?)"
          + " ON CONFLICT (tile_level, tile_index) DO UPDATE SET hashes = excluded.hashes";

  private final Database database;
  // The readers' shared cache of tiles, or null (the writer's store reads only to reopen a tile).
  private final MerkleTileCache cache;
  private Connection connection;
  // The tile query, from the database's statements (SQLite keeps it prepared on each connection,
  // so a proof does not compile it again); the database owns it, this store never closes it.
  private PreparedStatement select;
  private final long[] nextIndex = new long[MAX_LEVELS];
  private long committedLeaves;

  // Reading: the last tile read at each tile level, and its index.
  private final byte[][] readTiles = new byte[TILE_LEVELS][];
  private final long[] readTileIndex = new long[TILE_LEVELS];

  // Writing: the tile being filled at each tile level (null until the first put there), how many
  // of its bytes are filled, whether it changed since the last flush, and the full tiles waiting
  // for the flush.
  private final byte[][] openTiles = new byte[TILE_LEVELS][];
  private final long[] openIndex = new long[TILE_LEVELS];
  private final int[] openLength = new int[TILE_LEVELS];
  private final boolean[] openChanged = new boolean[TILE_LEVELS];
  private final List<Tile> completed = new ArrayList<>();

  /** A full tile waiting for the flush; its hashes are never changed once full. */
  private static final class Tile {
    final int tileLevel;
    final long tileIndex;
    final byte[] hashes;

    Tile(int tileLevel, long tileIndex, byte[] hashes) {
      this.tileLevel = tileLevel;
      this.tileIndex = tileIndex;
      this.hashes = hashes;
    }
  }

  /** A store over the first {@code committedLeaves} leaves of the table, on {@code connection}. */
  JdbcMerkleNodeStore(Database database, Connection connection, long committedLeaves) {
    this(database, connection, committedLeaves, null);
  }

  /**
   * A reader's store over the first {@code committedLeaves} leaves, on {@code connection}, reading
   * through {@code cache} (null for none): only for reading, since a cached tile is never written.
   */
  JdbcMerkleNodeStore(
      Database database, Connection connection, long committedLeaves, MerkleTileCache cache) {
    this.database = database;
    this.cache = cache;
    this.connection = connection;
    this.committedLeaves = committedLeaves;
    reset();
  }

  /**
   * Moves the writer's store to the connection of a new transaction: a pooled database (PostgreSQL)
   * hands a different one each time.
   */
  void use(Connection newConnection) {
    if (newConnection != connection) {
      select = null;
      connection = newConnection;
    }
  }

  @Override
  public long size() {
    return nextIndex[0];
  }

  @Override
  public MerkleHash get(int level, long index) {
    if (level < 0 || level >= MAX_LEVELS || index < 0 || index >= nextIndex[level]) {
      throw new StoreException(
          "the ledger is damaged: node (" + level + ", " + index + ") is missing");
    }
    int tileLevel = MerkleTiles.tileLevel(level);
    long tileIndex = MerkleTiles.tileIndex(level, index);
    int offset = MerkleTiles.position(level, index) * MerkleTiles.HASH_BYTES;
    byte[] tile = openTiles[tileLevel];
    if (tile == null || tileIndex != openIndex[tileLevel] || openLength[tileLevel] <= offset) {
      tile = readTiles[tileLevel];
      if (tile == null || readTileIndex[tileLevel] != tileIndex || tile.length <= offset) {
        tile =
            cache == null ? null : cache.get(tileLevel, tileIndex, offset + MerkleTiles.HASH_BYTES);
        if (tile == null) {
          tile = readTile(tileLevel, tileIndex);
          if (cache != null) {
            cache.offer(tileLevel, tileIndex, tile);
          }
        }
        readTiles[tileLevel] = tile;
        readTileIndex[tileLevel] = tileIndex;
      }
    }
    if (tile == null || tile.length < offset + MerkleTiles.HASH_BYTES) {
      throw new StoreException(
          "the ledger is damaged: node (" + level + ", " + index + ") is missing");
    }
    return MerkleHash.of(Arrays.copyOfRange(tile, offset, offset + MerkleTiles.HASH_BYTES));
  }

  private byte[] readTile(int tileLevel, long tileIndex) {
    try {
      if (select == null) {
        select = database.prepared(connection, SELECT);
      }
      select.setInt(1, tileLevel);
      select.setLong(2, tileIndex);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getBytes(1) : null;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read a ledger tile: " + e.getMessage(), e);
    }
  }

  @Override
  public void put(int level, long index, MerkleHash hash) {
    if (level < 0 || level >= MAX_LEVELS || index != nextIndex[level]) {
      throw new IllegalArgumentException(
          "nodes are appended in order: level " + level + " index " + index + " is not next");
    }
    int tileLevel = MerkleTiles.tileLevel(level);
    if (openTiles[tileLevel] == null) {
      open(tileLevel);
    }
    int offset = MerkleTiles.position(level, index) * MerkleTiles.HASH_BYTES;
    if (offset != openLength[tileLevel]) {
      throw new IllegalStateException(
          "node (" + level + ", " + index + ") is not the next of its tile: the tiles are damaged");
    }
    System.arraycopy(hash.toByteArray(), 0, openTiles[tileLevel], offset, MerkleTiles.HASH_BYTES);
    openLength[tileLevel] = offset + MerkleTiles.HASH_BYTES;
    openChanged[tileLevel] = true;
    nextIndex[level] = index + 1;
    if (openLength[tileLevel] == MerkleTiles.FULL_BYTES) {
      completed.add(new Tile(tileLevel, openIndex[tileLevel], openTiles[tileLevel]));
      openTiles[tileLevel] = new byte[MerkleTiles.FULL_BYTES];
      openIndex[tileLevel]++;
      openLength[tileLevel] = 0;
      openChanged[tileLevel] = false;
    }
  }

  /** Starts appending at {@code tileLevel}: loads its committed partial tile, if any. */
  private void open(int tileLevel) {
    byte[] tile = new byte[MerkleTiles.FULL_BYTES];
    // The next node at this tile level is the next at its bottom level: a tile is opened by its
    // first put, and every put at a tile's upper levels follows one at its bottom level.
    long bottomNodes = nextIndex[tileLevel * MerkleTiles.HEIGHT];
    long tileIndex = bottomNodes >>> MerkleTiles.HEIGHT;
    int width = (int) (bottomNodes & (MerkleTiles.WIDTH - 1));
    int length = 0;
    if (width > 0) {
      byte[] stored = readTile(tileLevel, tileIndex);
      length = MerkleTiles.nodesForWidth(width) * MerkleTiles.HASH_BYTES;
      if (stored == null || stored.length < length) {
        throw new StoreException(
            "the ledger is damaged: tile ("
                + tileLevel
                + ", "
                + tileIndex
                + ") is missing or short");
      }
      System.arraycopy(stored, 0, tile, 0, length);
    }
    openTiles[tileLevel] = tile;
    openIndex[tileLevel] = tileIndex;
    openLength[tileLevel] = length;
    openChanged[tileLevel] = false;
  }

  /** Writes the buffered tiles; call inside the transaction, then {@link #committed()}. */
  void flush() throws SQLException {
    PreparedStatement upsert = database.prepared(connection, UPSERT);
    int rows = 0;
    for (Tile tile : completed) {
      upsert.setInt(1, tile.tileLevel);
      upsert.setLong(2, tile.tileIndex);
      upsert.setBytes(3, tile.hashes);
      upsert.addBatch();
      rows++;
    }
    for (int tileLevel = 0; tileLevel < TILE_LEVELS; tileLevel++) {
      if (openChanged[tileLevel]) {
        upsert.setInt(1, tileLevel);
        upsert.setLong(2, openIndex[tileLevel]);
        upsert.setBytes(3, Arrays.copyOf(openTiles[tileLevel], openLength[tileLevel]));
        upsert.addBatch();
        rows++;
      }
    }
    if (rows > 0) {
      upsert.executeBatch();
    }
  }

  /** The flushed tiles are committed. */
  void committed() {
    completed.clear();
    Arrays.fill(openChanged, false);
    committedLeaves = nextIndex[0];
  }

  /** The transaction was rolled back: forget the buffered tiles. */
  void discard() {
    reset();
  }

  private void reset() {
    completed.clear();
    Arrays.fill(openTiles, null);
    Arrays.fill(openLength, 0);
    Arrays.fill(openChanged, false);
    Arrays.fill(readTiles, null);
    for (int level = 0; level < MAX_LEVELS; level++) {
      nextIndex[level] = committedLeaves >>> level;
    }
  }

  @Override
  public void close() {
    // The statements belong to the database; nothing of this store's own to release.
  }
}
