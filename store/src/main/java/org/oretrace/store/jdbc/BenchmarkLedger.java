package org.oretrace.store.jdbc;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import org.oretrace.core.ledger.LogKey;
import org.oretrace.store.Ledger;

/**
 * A ledger of synthetic leaves with no events behind them, for {@code oretrace bench ledger}: it
 * times proofs on logs of millions of leaves, larger than capture fills in minutes. Leaves are
 * appended by the capture's own path ({@link JdbcLedger}: the Merkle log's right edge in memory,
 * the buffered nodes of a transaction inserted together, a signed checkpoint per transaction), and
 * proofs are read back through the {@link Ledger} every API answer uses. Never open one over a real
 * database: its log and its events disagree by design.
 */
public final class BenchmarkLedger implements AutoCloseable {

  private final Database database;
  private final JdbcLedger ledger;

  private BenchmarkLedger(Database database, JdbcLedger ledger) {
    this.database = database;
    this.ledger = ledger;
  }

  /** A benchmark ledger over an empty, migrated database. */
  public static BenchmarkLedger open(Database database, LogKey key) {
    requireNonNull(database, "database is null");
    requireNonNull(key, "key is null");
    JdbcLedger ledger = new JdbcLedger(database, key);
    ledger.initialise();
    return new BenchmarkLedger(database, ledger);
  }

  /** The entry of leaf {@code index}: a short JSON object, like an event's but smaller. */
  public static byte[] entry(long index) {
    return ("{\"leaf\":" + index + "}").getBytes(StandardCharsets.UTF_8);
  }

  /** Appends the next {@code count} leaves in one transaction, as capture appends a batch. */
  public void append(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, got " + count);
    }
    ledger.appending(
        connection -> {
          long first = ledger.size();
          ledger.startAppending(connection, first);
          for (long index = first; index < first + count; index++) {
            ledger.append(entry(index));
          }
          ledger.finish(connection, System.currentTimeMillis());
          return null;
        },
        () -> {});
  }

  /** The ledger, to ask for roots and proofs. */
  public Ledger ledger() {
    return ledger;
  }

  @Override
  public void close() {
    database.close();
  }
}
