package org.oretrace.store.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the write-ahead log back into the database file on a thread of its own, so that the
 * writer's commits only append to the WAL.
 *
 * <p>Why. With SQLite's automatic checkpoint, the commit that crosses the threshold copies the
 * whole WAL into the database and syncs the file, on the writer's thread and under the writer lock:
 * a capture batch every few seconds pays for tens of megabytes of copying and an fsync, and the
 * machine's second core idles meanwhile. A PASSIVE checkpoint from another connection does the same
 * work without blocking the writer or the readers (it copies only frames no reader still needs),
 * and the writer restarts the WAL from its beginning once a checkpoint has caught up.
 *
 * <p>Durability is unchanged: a transaction is durable once its commit is in the WAL (synchronous =
 * NORMAL survives kill -9), before and whatever any checkpoint does. The writer keeps an automatic
 * checkpoint at a higher threshold ({@link #WRITER_BACKSTOP_PAGES}) in case this thread falls
 * behind, so the WAL stays bounded.
 *
 * <p>It runs after a commit, at most once per {@link #INTERVAL_MILLIS}, so that a stream of small
 * batches costs a few syncs a second rather than one a batch.
 */
final class WalCheckpointer implements AutoCloseable {

  static final int WRITER_BACKSTOP_PAGES = 40_000;
  private static final long INTERVAL_MILLIS = 250;
  private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

  private final Connection connection;
  private final Thread thread;
  private boolean pending;
  private boolean closed;

  WalCheckpointer(Connection connection) {
    this.connection = connection;
    this.thread = Thread.ofPlatform().daemon().name("sqlite-checkpointer").unstarted(this::run);
    thread.start();
  }

  /** A transaction was committed: the WAL grew. */
  synchronized void committed() {
    pending = true;
    notifyAll();
  }

  private void run() {
    try (Statement statement = connection.createStatement()) {
      while (awaitCommit()) {
        statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
        Thread.sleep(INTERVAL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      // The writer's own automatic checkpoint takes over; nothing is lost.
      LOG.warn("background WAL checkpoints stopped: {}", e.getMessage());
    }
  }

  private synchronized boolean awaitCommit() throws InterruptedException {
    while (!pending && !closed) {
      wait();
    }
    pending = false;
    return !closed;
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
