package org.oretrace.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.oretrace.store.StoreException;
import org.oretrace.store.jdbc.Database;

/**
 * Connections to one SQLite file in WAL mode: one writer connection, used under a lock, and a small
 * pool of reader connections, so that API reads run while a batch is being written. With WAL and
 * synchronous=NORMAL a committed transaction survives the death of the process (kill -9); only a
 * power cut may lose the last commits, which FULL would prevent at the cost of an fsync a commit.
 */
final class SqliteDatabase implements Database {

  private static final int READERS = 4;

  /**
   * How much of the file a reader connection maps into memory ({@code PRAGMA mmap_size}); SQLite
   * caps it at its compile-time limit (2 GB by default). A ledger tile is a 16 KB row on overflow
   * pages, which SQLite reads straight from the file, bypassing its page cache: one pread() system
   * call per 4 KB page, most of a proof's time on this machine. Mapped, the same read is a memcpy
   * from the operating system's page cache. Only the readers map: the writer's pages go through its
   * own cache and the WAL as before.
   */
  static final long READER_MMAP_BYTES = 1L << 40;

  private final Connection writer;
  private final ReentrantLock writerLock = new ReentrantLock();
  private final WalCheckpointer checkpointer;
  private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
  private final List<Connection> all = new ArrayList<>();
  // Statements kept prepared per connection, for the queries every capture batch runs: SQLite
  // compiles a statement on each prepare, which for a 500-parameter IN list costs more than running
  // it. The outer map is filled before any connection is handed out; an inner map is used only by
  // the thread holding its connection (the writer lock or a reader checked out of the pool).
  private final Map<Connection, Map<String, PreparedStatement>> statements =
      new IdentityHashMap<>();

  private final Path file;

  SqliteDatabase(Path file) {
    this.file = file;
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    try {
      writer = open(url);
      try (Statement statement = writer.createStatement()) {
        // The checkpointer's thread copies the WAL into the database while the writer goes on;
        // the writer checkpoints itself only if the WAL outgrows this (~160 MB), as a backstop.
        statement.execute("PRAGMA wal_autocheckpoint=" + WalCheckpointer.WRITER_BACKSTOP_PAGES);
      }
      writer.setAutoCommit(false);
      for (int index = 0; index < READERS; index++) {
        Connection reader = open(url);
        try (Statement statement = reader.createStatement()) {
          statement.execute("PRAGMA mmap_size=" + READER_MMAP_BYTES);
        }
        readers.add(reader);
      }
      checkpointer = new WalCheckpointer(open(url));
    } catch (SQLException e) {
      close();
      throw new StoreException(
          "cannot open the SQLite database " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String description() {
    return file.toString();
  }

  /** The single writer connection already excludes other writers of this process. */
  @Override
  public void lockLedger(Connection connection) {}

  @Override
  public boolean soleWriter() {
    return true;
  }

  private Connection open(String url) throws SQLException {
    Connection connection = DriverManager.getConnection(url);
    all.add(connection);
    statements.put(connection, new HashMap<>());
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA journal_mode=WAL");
      statement.execute("PRAGMA synchronous=NORMAL");
      statement.execute("PRAGMA busy_timeout=10000");
      statement.execute("PRAGMA foreign_keys=ON");
      statement.execute("PRAGMA cache_size=-65536");
      // Checkpoint the WAL into the database every ~40 MB rather than every 4 MB: fewer, larger
      // checkpoints (each one syncs the file) while capture runs.
      statement.execute("PRAGMA wal_autocheckpoint=10000");
      statement.execute("PRAGMA temp_store=MEMORY");
    }
    return connection;
  }

  /**
   * The statement for {@code sql} on {@code connection}, prepared at its first use and kept open
   * with the connection: callers must not close it. Only for connections handed to {@link Work}.
   */
  @Override
  public PreparedStatement prepared(Connection connection, String sql) throws SQLException {
    Map<String, PreparedStatement> cache = statements.get(connection);
    PreparedStatement statement = cache.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      cache.put(sql, statement);
    }
    return statement;
  }

  /**
   * Runs work in one write transaction, then, still holding the writer lock, {@code afterCommit}
   * once it is committed or {@code afterRollback} once it is rolled back: the way to keep state in
   * memory (counts, the Merkle log's right edge) in step with what is durable.
   */
  @Override
  public <T> T write(Work<T> work, Runnable afterCommit, Runnable afterRollback) {
    writerLock.lock();
    try {
      T result;
      try {
        result = work.run(writer);
        writer.commit();
      } catch (SQLException | RuntimeException e) {
        try {
          rollback();
        } finally {
          afterRollback.run();
        }
        if (e instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new StoreException("write failed: " + e.getMessage(), e);
      }
      checkpointer.committed();
      afterCommit.run();
      return result;
    } finally {
      writerLock.unlock();
    }
  }

  /** Runs read-only work on a pooled reader connection. */
  @Override
  public <T> T read(Work<T> work) {
    Connection connection;
    try {
      connection = readers.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for a database connection", e);
    }
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreException("read failed: " + e.getMessage(), e);
    } finally {
      readers.add(connection);
    }
  }

  private void rollback() {
    try {
      // A statement that failed mid-batch may still hold the rest of its batch.
      for (PreparedStatement statement : statements.get(writer).values()) {
        statement.clearBatch();
      }
      writer.rollback();
    } catch (SQLException e) {
      throw new StoreException("rollback failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (checkpointer != null) {
      checkpointer.close();
    }
    for (Map<String, PreparedStatement> cache : statements.values()) {
      for (PreparedStatement statement : cache.values()) {
        try {
          statement.close();
        } catch (SQLException e) {
          // Closing at shutdown: the connection's close below releases it anyway.
        }
      }
    }
    for (Connection connection : all) {
      try {
        connection.close();
      } catch (SQLException e) {
        // Closing at shutdown: nothing left to do with a connection that will not close.
      }
    }
  }
}
