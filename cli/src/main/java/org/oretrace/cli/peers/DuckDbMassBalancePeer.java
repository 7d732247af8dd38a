package org.oretrace.cli.peers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.LongConsumer;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.oretrace.core.balance.CustodyColumns;
import org.oretrace.core.balance.MonthlyBalances;
import org.oretrace.core.balance.Movement;
import org.oretrace.store.StoreException;

/**
 * DuckDB, in process and in memory, as the peer of {@link
 * org.oretrace.core.balance.ColumnarMassBalance}: the same rows appended to a table {@code events}
 * (time as a TIMESTAMP, counterparty NULL when there is none) through DuckDB's appender, and the
 * books computed by the query a DuckDB user would write (a UNION ALL of the actor's and the
 * counterparty's bookings, grouped by actor, mineral and month).
 *
 * <p>{@link #aggregate()} materialises the result as a table inside DuckDB, which is what is timed:
 * the engine's work without moving a million rows through JDBC, the cheaper side for DuckDB. {@link
 * #fetch()} reads it back afterwards for the comparison.
 */
public final class DuckDbMassBalancePeer implements AutoCloseable {

  static final String AGGREGATE =
      """
      CREATE OR REPLACE TABLE balances AS
      WITH bookings AS (
        SELECT actor, mineral, date_trunc('month', time) AS month_start,
               CASE WHEN movement = %4$d THEN mass_grams ELSE 0 END AS received,
               CASE WHEN movement IN (%1$d, %2$d, %5$d) THEN mass_grams ELSE 0 END AS shipped,
               CASE WHEN movement IN (%3$d, %4$d) THEN mass_grams ELSE -mass_grams END
                 AS held_change
        FROM events
        UNION ALL
        SELECT counterparty, mineral, date_trunc('month', time), mass_grams, 0, mass_grams
        FROM events WHERE movement = %1$d
      )
      SELECT actor, mineral, month_start,
             CAST(sum(received) AS BIGINT) AS received,
             CAST(sum(shipped) AS BIGINT) AS shipped,
             CAST(sum(held_change) AS BIGINT) AS held_change,
             count(*) AS bookings
      FROM bookings
      GROUP BY actor, mineral, month_start"""
          .formatted(
              Movement.TRANSFER.ordinal(),
              Movement.EXPORT.ordinal(),
              Movement.TAG.ordinal(),
              Movement.RECEIVE.ordinal(),
              Movement.SHIP.ordinal());

  private final DuckDBConnection connection;

  private DuckDbMassBalancePeer(DuckDBConnection connection) {
    this.connection = connection;
  }

  /** An empty in-memory database using this many threads. */
  public static DuckDbMassBalancePeer open(int threads) {
    try {
      Connection connection = DriverManager.getConnection("jdbc:duckdb:");
      DuckDbMassBalancePeer peer =
          new DuckDbMassBalancePeer(connection.unwrap(DuckDBConnection.class));
      peer.execute("SET threads = " + threads);
      peer.execute(
          "CREATE TABLE events (time TIMESTAMP NOT NULL, movement TINYINT NOT NULL,"
              + " actor INTEGER NOT NULL, counterparty INTEGER, mineral TINYINT NOT NULL,"
              + " mass_grams BIGINT NOT NULL)");
      return peer;
    } catch (SQLException e) {
      throw new StoreException("cannot start DuckDB: " + e.getMessage(), e);
    }
  }

  /** DuckDB's version, for the table. */
  public String version() {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT version()")) {
      result.next();
      return "DuckDB " + result.getString(1);
    } catch (SQLException e) {
      throw new StoreException("cannot read DuckDB's version: " + e.getMessage(), e);
    }
  }

  /** Appends every row of the columns, telling {@code progress} how many are in every so often. */
  public void load(CustodyColumns columns, LongConsumer progress) {
    try (DuckDBAppender appender = connection.createAppender("main", "events")) {
      for (int row = 0; row < columns.size(); row++) {
        appender.beginRow();
        appender.appendEpochMicros(columns.timeMillis(row) * 1_000);
        appender.append((byte) columns.movement(row).ordinal());
        appender.append(columns.actor(row));
        int counterparty = columns.counterparty(row);
        if (counterparty < 0) {
          appender.appendNull();
        } else {
          appender.append(counterparty);
        }
        appender.append((byte) columns.mineral(row).ordinal());
        appender.append(columns.massGrams(row));
        appender.endRow();
        if ((row & 0xfffff) == 0) {
          progress.accept(row);
        }
      }
      appender.flush();
    } catch (SQLException e) {
      throw new StoreException("appending to DuckDB failed: " + e.getMessage(), e);
    }
    progress.accept(columns.size());
  }

  /** Computes the books into the table {@code balances}. */
  public void aggregate() {
    execute(AGGREGATE);
  }

  /** The books {@link #aggregate()} computed, as rows in no particular order. */
  public MonthlyBalances fetch() {
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT (year(month_start) - 1970) * 12 + month(month_start) - 1, actor, mineral,"
                    + " received, shipped, held_change, bookings FROM balances")) {
      MonthlyBalances.Builder books = MonthlyBalances.builder(1024);
      while (result.next()) {
        books.add(
            result.getInt(1),
            result.getInt(2),
            result.getInt(3),
            result.getLong(4),
            result.getLong(5),
            result.getLong(6),
            result.getLong(7));
      }
      return books.build();
    } catch (SQLException e) {
      throw new StoreException("reading DuckDB's result failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close DuckDB: " + e.getMessage(), e);
    }
  }

  private void execute(String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new StoreException("DuckDB: " + e.getMessage() + " in " + sql, e);
    }
  }
}
