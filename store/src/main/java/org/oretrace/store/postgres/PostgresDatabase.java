package org.oretrace.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.oretrace.store.StoreException;
import org.oretrace.store.jdbc.Database;

/**
 * Connections to one PostgreSQL database through a HikariCP pool. Unlike SQLite's single writer,
 * any number of transactions (of this process and of other server instances) write at once; the one
 * thing that must not run concurrently, appending to the ledger, takes a transaction-level advisory
 * lock first ({@link #lockLedger}), so the sequence of events and the Merkle log stay one sequence.
 * The lock is released by the commit or rollback, so a crashed writer never leaves it held.
 *
 * <p>The driver rewrites batched inserts into multi-row ones ({@code reWriteBatchedInserts}), which
 * is what makes a batch of events one round trip rather than one per row, and streams large results
 * in chunks ({@code defaultRowFetchSize}), since the custody graph is rebuilt from every lot.
 */
final class PostgresDatabase implements Database {

  /** The advisory lock key of ledger appends: "oretrace" in ASCII. */
  static final long LEDGER_LOCK = 0x6f72657472616365L;

  private static final int POOL_SIZE = 8;

  private final HikariDataSource pool;
  private final String description;

  PostgresDatabase(String url) {
    this.description = PostgresStore.withoutPassword(url);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName("oretrace-postgres");
    config.setAutoCommit(false);
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(10_000);
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    config.addDataSourceProperty("defaultRowFetchSize", "1000");
    try {
      this.pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException(
          "cannot connect to PostgreSQL at " + description + ": " + rootMessage(e), e);
    }
  }

  private static String rootMessage(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }

  DataSource dataSource() {
    return pool;
  }

  @Override
  public String description() {
    return description;
  }

  /** Prepared afresh: HikariCP closes a connection's statements when it goes back to the pool. */
  @Override
  public PreparedStatement prepared(Connection connection, String sql) throws SQLException {
    return connection.prepareStatement(sql);
  }

  @Override
  public <T> T write(Work<T> work, Runnable afterCommit, Runnable afterRollback) {
    try (Connection connection = connect()) {
      T result;
      try {
        result = work.run(connection);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
        } catch (SQLException rollbackFailure) {
          e.addSuppressed(rollbackFailure);
        } finally {
          afterRollback.run();
        }
        if (e instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new StoreException("write failed: " + e.getMessage(), e);
      }
      afterCommit.run();
      return result;
    } catch (SQLException e) {
      throw new StoreException("cannot release a connection: " + e.getMessage(), e);
    }
  }

  @Override
  public <T> T read(Work<T> work) {
    try (Connection connection = connect()) {
      try {
        return work.run(connection);
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new StoreException("read failed: " + e.getMessage(), e);
    }
  }

  private Connection connect() {
    try {
      return pool.getConnection();
    } catch (SQLException e) {
      throw new StoreException(
          "cannot connect to PostgreSQL at " + description + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void lockLedger(Connection connection) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      statement.setLong(1, LEDGER_LOCK);
      statement.executeQuery().close();
    }
  }

  @Override
  public boolean soleWriter() {
    return false;
  }

  @Override
  public void close() {
    pool.close();
  }
}
