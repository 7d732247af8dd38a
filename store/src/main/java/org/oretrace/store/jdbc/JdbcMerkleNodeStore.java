package org.oretrace.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.oretrace.core.ledger.MerkleHash;
import org.oretrace.core.ledger.MerkleNodeStore;
import org.oretrace.store.StoreException;

/**
 * The Merkle log's nodes in the {@code merkle_nodes} table, seen through one connection (the
 * writer's moves to each transaction's, {@link #use}) at a fixed number of committed leaves.
 *
 * <p>Writes are buffered: {@link #put} only remembers the node, and {@link #flush} inserts every
 * remembered node with one batched statement, inside the transaction that stores the events. So a
 * batch of events costs one round of inserts, not two statements per event, and a rolled-back
 * transaction is undone by {@link #discard()} plus the rollback itself: nothing of it reached the
 * table. Reads go to the table; the log asks for a node only once it is committed (the right edge
 * on construction, proof nodes afterwards), except on the writer, where it asks for none while
 * appending.
 */
final class JdbcMerkleNodeStore implements MerkleNodeStore, AutoCloseable {

  private static final int MAX_LEVELS = 63;
  private static final String INSERT = "INSERT INTO merkle_nodes (level, node_index, hash) VALUES ";
  private static final int ROWS_PER_INSERT = 100;
  private static final String SELECT =
      "SELECT hash FROM merkle_nodes WHERE level = ? AND node_index = ?";

  private final Database database;
  private Connection connection;
  // The node query, from the database's statements (SQLite keeps it prepared on each connection,
  // so a proof does not compile it again); the database owns it, this store never closes it.
  private PreparedStatement select;
  // The insert statements, prepared at the first flush and kept while this store lives (the
  // writer's store lives until a rollback): one of ROWS_PER_INSERT rows, and one of a single row
  // for the remainder.
  private PreparedStatement insertMany;
  private PreparedStatement insertOne;
  private final long[] nextIndex = new long[MAX_LEVELS];
  private final List<Node> pending = new ArrayList<>();
  private long committedLeaves;

  private record Node(int level, long index, MerkleHash hash) {}

  /** A store over the first {@code committedLeaves} leaves of the table, on {@code connection}. */
  JdbcMerkleNodeStore(Database database, Connection connection, long committedLeaves) {
    this.database = database;
    this.connection = connection;
    this.committedLeaves = committedLeaves;
    for (int level = 0; level < MAX_LEVELS; level++) {
      nextIndex[level] = committedLeaves >>> level;
    }
  }

  /**
   * Moves the writer's store to the connection of a new transaction: a pooled database (PostgreSQL)
   * hands a different one each time.
   */
  void use(Connection newConnection) {
    if (newConnection != connection) {
      close();
      select = null;
      insertMany = null;
      insertOne = null;
      connection = newConnection;
    }
  }

  @Override
  public long size() {
    return nextIndex[0];
  }

  @Override
  public MerkleHash get(int level, long index) {
    try {
      if (select == null) {
        select = database.prepared(connection, SELECT);
      }
      select.setInt(1, level);
      select.setLong(2, index);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          throw new StoreException(
              "the ledger is damaged: node (" + level + ", " + index + ") is missing");
        }
        return MerkleHash.of(rows.getBytes(1));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read a ledger node: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new StoreException(
          "the ledger is damaged: node (" + level + ", " + index + ") is not a hash", e);
    }
  }

  @Override
  public void put(int level, long index, MerkleHash hash) {
    if (level < 0 || level >= MAX_LEVELS || index != nextIndex[level]) {
      throw new IllegalArgumentException(
          "nodes are appended in order: level " + level + " index " + index + " is not next");
    }
    pending.add(new Node(level, index, hash));
    nextIndex[level] = index + 1;
  }

  /** Inserts the buffered nodes; call inside the transaction, then {@link #committed()}. */
  void flush() throws SQLException {
    int full = pending.size() / ROWS_PER_INSERT * ROWS_PER_INSERT;
    if (full > 0) {
      if (insertMany == null) {
        insertMany = connection.prepareStatement(insert(ROWS_PER_INSERT));
      }
      for (int start = 0; start < full; start += ROWS_PER_INSERT) {
        bind(insertMany, start, ROWS_PER_INSERT);
        insertMany.addBatch();
      }
      insertMany.executeBatch();
    }
    if (full < pending.size()) {
      if (insertOne == null) {
        insertOne = connection.prepareStatement(insert(1));
      }
      for (int row = full; row < pending.size(); row++) {
        bind(insertOne, row, 1);
        insertOne.addBatch();
      }
      insertOne.executeBatch();
    }
  }

  /** The flushed nodes are committed. */
  void committed() {
    pending.clear();
    committedLeaves = nextIndex[0];
  }

  /** The transaction was rolled back: forget the buffered nodes. */
  void discard() {
    pending.clear();
    for (int level = 0; level < MAX_LEVELS; level++) {
      nextIndex[level] = committedLeaves >>> level;
    }
  }

  private static String insert(int rows) {
    StringBuilder sql = new StringBuilder(INSERT.length() + rows * 10).append(INSERT);
    for (int row = 0; row < rows; row++) {
      sql.append(row == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
    }
    return sql.toString();
  }

  private void bind(PreparedStatement insert, int start, int rows) throws SQLException {
    int parameter = 1;
    for (int row = start; row < start + rows; row++) {
      Node node = pending.get(row);
      insert.setInt(parameter++, node.level());
      insert.setLong(parameter++, node.index());
      insert.setBytes(parameter++, node.hash().toByteArray());
    }
  }

  @Override
  public void close() {
    for (PreparedStatement statement : new PreparedStatement[] {insertMany, insertOne}) {
      try {
        if (statement != null) {
          statement.close();
        }
      } catch (SQLException e) {
        // Closing a statement of a healthy connection does not fail; nothing to do if it does.
      }
    }
  }
}
