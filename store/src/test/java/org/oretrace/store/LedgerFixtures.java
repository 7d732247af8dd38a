package org.oretrace.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.oretrace.core.Grade;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Tag;
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
   * events and wants the tree to agree would.
   */
  public static void forgeNodes(TestDatabase database, List<byte[]> entries) {
    MerkleNodeStore nodes = MerkleNodeStore.inMemory();
    MerkleLog log = MerkleLog.over(nodes);
    entries.forEach(log::append);
    try (Connection connection = database.connect();
        Statement delete = connection.createStatement();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO merkle_nodes (level, node_index, hash) VALUES (?, ?, ?)")) {
      delete.executeUpdate("DELETE FROM merkle_nodes");
      for (int level = 0; log.size() >>> level > 0; level++) {
        for (long index = 0; index < log.size() >>> level; index++) {
          insert.setInt(1, level);
          insert.setLong(2, index);
          insert.setBytes(3, nodes.get(level, index).toByteArray());
          insert.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("forging failed: " + e.getMessage(), e);
    }
  }
}
