package org.oretrace.store;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oretrace.core.Grade;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.ledger.MerkleHash;
import org.oretrace.core.ledger.MerkleLog;
import org.oretrace.core.ledger.MerkleNodeStore;
import org.oretrace.core.registry.Mineral;

/** Ledger test helpers: a recorder with the Kivu registry, many events, and forged nodes. */
public final class LedgerFixtures {

  /**
   * The log entries the fixture registry takes before any event: one record per site and actor, so
   * the first event's sequence (leaf index) is this.
   */
  public static final long REGISTRY_ENTRIES = Fixtures.sites().size() + Fixtures.actors().size();

  private LedgerFixtures() {}

  /** A recorder over a new store on {@code database} with the fixture registry. */
  public static Recorder recorder(TestDatabase database) {
    return Recorder.open(database.openWithRegistry());
  }

  /** {@code count} bags tagged at Rubaya, ids {@code tag-<first>...}, each a lot of its own. */
  public static List<CustodyEvent> tags(int first, int count) {
    List<CustodyEvent> events = new ArrayList<>(count);
    for (int number = first; number < first + count; number++) {
      events.add(
          new Tag(
              Fixtures.context("tag-" + number, number % 500, "coop-1"),
              "lot-t" + number,
              "TAG-T" + number,
              "site-rubaya",
              Mineral.COLTAN,
              10_000 + number,
              number % 3 == 0 ? null : Grade.ofPercent("31.5")));
    }
    return events;
  }

  /**
   * Replaces the stored tree by the one computed from {@code entries}, as a forger who rewrote
   * events and wants the tree to agree would: tiles of eight levels, each the concatenation of its
   * nodes in the order the log completes them (docs/ledger.md, "Storage").
   */
  public static void forgeNodes(TestDatabase database, List<byte[]> entries) {
    Map<List<Long>, ByteArrayOutputStream> tiles = new LinkedHashMap<>();
    MerkleNodeStore nodes = MerkleNodeStore.inMemory();
    MerkleNodeStore recording =
        new MerkleNodeStore() {
          @Override
          public long size() {
            return nodes.size();
          }

          @Override
          public MerkleHash get(int level, long index) {
            return nodes.get(level, index);
          }

          @Override
          public void put(int level, long index, MerkleHash hash) {
            nodes.put(level, index, hash);
            List<Long> tile = List.of((long) level / 8, index >>> (8 - level % 8));
            tiles
                .computeIfAbsent(tile, key -> new ByteArrayOutputStream())
                .writeBytes(hash.toByteArray());
          }
        };
    MerkleLog log = MerkleLog.over(recording);
    entries.forEach(log::append);
    try (Connection connection = database.connect();
        Statement delete = connection.createStatement();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO merkle_tiles (tile_level, tile_index, hashes) VALUES (?, ?, ?)")) {
      delete.executeUpdate("DELETE FROM merkle_tiles");
      for (Map.Entry<List<Long>, ByteArrayOutputStream> tile : tiles.entrySet()) {
        insert.setInt(1, tile.getKey().get(0).intValue());
        insert.setLong(2, tile.getKey().get(1));
        insert.setBytes(3, tile.getValue().toByteArray());
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("forging failed: " + e.getMessage(), e);
    }
  }

  /**
   * Stores the tree of {@code entries} as version 13 of the schema did, one row per node in a
   * {@code merkle_nodes} table, and drops the tiles, as if the database had not been migrated to
   * version 14 yet: opening it again runs that migration.
   */
  public static void storeAsVersion13(TestDatabase database, List<byte[]> entries) {
    MerkleNodeStore nodes = MerkleNodeStore.inMemory();
    MerkleLog log = MerkleLog.over(nodes);
    entries.forEach(log::append);
    database.tamper(
        "DROP TABLE merkle_tiles",
        "DELETE FROM flyway_schema_history WHERE version = '14'",
        "CREATE TABLE merkle_nodes (level INTEGER NOT NULL, node_index BIGINT NOT NULL,"
            + " hash "
            + (database.zeroBytes(1).startsWith("zeroblob") ? "BLOB" : "BYTEA")
            + " NOT NULL, PRIMARY KEY (level, node_index))");
    try (Connection connection = database.connect();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO merkle_nodes (level, node_index, hash) VALUES (?, ?, ?)")) {
      for (int level = 0; log.size() >>> level > 0; level++) {
        for (long index = 0; index < log.size() >>> level; index++) {
          insert.setInt(1, level);
          insert.setLong(2, index);
          insert.setBytes(3, nodes.get(level, index).toByteArray());
          insert.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("storing version 13 nodes failed: " + e.getMessage(), e);
    }
  }

  /**
   * Overwrites {@code replacement.length} bytes of the stored tile {@code (tileLevel, tileIndex)}
   * from {@code offset}, as someone with the database could.
   */
  public static void changeTile(
      TestDatabase database, int tileLevel, long tileIndex, int offset, byte[] replacement) {
    try (Connection connection = database.connect();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT hashes FROM merkle_tiles WHERE tile_level = ? AND tile_index = ?");
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE merkle_tiles SET hashes = ? WHERE tile_level = ? AND tile_index = ?")) {
      select.setInt(1, tileLevel);
      select.setLong(2, tileIndex);
      byte[] tile;
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalStateException("no tile (" + tileLevel + ", " + tileIndex + ")");
        }
        tile = rows.getBytes(1);
      }
      System.arraycopy(replacement, 0, tile, offset, replacement.length);
      update.setBytes(1, tile);
      update.setInt(2, tileLevel);
      update.setLong(3, tileIndex);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("tampering failed: " + e.getMessage(), e);
    }
  }
}
