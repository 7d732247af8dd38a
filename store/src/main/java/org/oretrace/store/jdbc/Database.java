package org.oretrace.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Connections to one SQL database, as the shared store code ({@link JdbcStore}) needs them: write
 * transactions, reads, and the lock that keeps the ledger a single sequence. SQLite and PostgreSQL
 * each implement it (one writer connection and a reader pool; a HikariCP pool); everything above it
 * (tables, statements, row mapping, JSON documents) is the same for both, because the two sets of
 * migrations create the same tables with the same columns.
 */
public interface Database extends AutoCloseable {

  /** Work done with a connection. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs work in one write transaction: committed if it returns, rolled back if it throws. */
  default <T> T write(Work<T> work) {
    return write(work, () -> {}, () -> {});
  }

  /**
   * Runs work in one write transaction, then {@code afterCommit} once it is committed or {@code
   * afterRollback} once it is rolled back: the way to keep state in memory (counts, the Merkle
   * log's right edge) in step with what is durable.
   */
  <T> T write(Work<T> work, Runnable afterCommit, Runnable afterRollback);

  /**
   * A statement for {@code sql} on a connection handed to {@link Work}, owned by the database:
   * callers must not close it. It stays valid at least until the work returns; SQLite keeps it
   * prepared on its connection for the next batches, a pool closes it when the connection goes
   * back.
   */
  PreparedStatement prepared(Connection connection, String sql) throws SQLException;

  /** Runs read-only work on a pooled connection. */
  <T> T read(Work<T> work);

  /**
   * Takes, inside a write transaction, the lock that serialises ledger appends among every process
   * writing to this database; it is released when the transaction ends.
   */
  void lockLedger(Connection connection) throws SQLException;

  /**
   * Whether this process is the database's only writer, so that the event count and the ledger's
   * size may be kept in memory. When not, they are read from the database under the ledger lock.
   */
  boolean soleWriter();

  /** A description for messages: the file or the server and database, never a password. */
  String description();

  @Override
  void close();
}
