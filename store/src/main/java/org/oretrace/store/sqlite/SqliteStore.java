package org.oretrace.store.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.oretrace.core.ledger.LogKey;
import org.oretrace.store.StoreException;
import org.oretrace.store.jdbc.BenchmarkLedger;
import org.oretrace.store.jdbc.ForwardingStore;
import org.oretrace.store.jdbc.JdbcStore;
import org.oretrace.store.ledger.LogKeyFile;

/**
 * The embedded store: one SQLite file, migrated by Flyway on open, in WAL mode, and the log key
 * beside it. This is the default for a district office, a laptop in the field and the demo. The
 * tables and statements are the shared ones ({@link JdbcStore}); what is SQLite's own is the
 * connection handling ({@link SqliteDatabase}) and the migrations in {@code db/migration}.
 */
public final class SqliteStore extends ForwardingStore {

  /** The folder, beside the database file, that holds evidence files by their SHA-256. */
  public static final String EVIDENCE_FOLDER = "evidence";

  private SqliteStore(JdbcStore store) {
    super(store);
  }

  /**
   * Opens (creating and migrating when needed) the database in this file, with the log key {@value
   * LogKeyFile#FILE_NAME} beside it (created on first open, origin {@value
   * LogKeyFile#DEFAULT_ORIGIN}).
   */
  public static SqliteStore open(Path databaseFile) {
    Path keyFile = databaseFile.toAbsolutePath().resolveSibling(LogKeyFile.FILE_NAME);
    return open(databaseFile, LogKeyFile.loadOrCreate(keyFile, LogKeyFile.DEFAULT_ORIGIN));
  }

  /** Opens (creating and migrating when needed) the database in this file, signing with logKey. */
  public static SqliteStore open(Path databaseFile, LogKey logKey) {
    migrate(databaseFile);
    return new SqliteStore(
        JdbcStore.open(
            new SqliteDatabase(databaseFile),
            logKey,
            databaseFile.toAbsolutePath().resolveSibling(EVIDENCE_FOLDER)));
  }

  /**
   * A ledger of synthetic leaves in a new database file, for {@code oretrace bench ledger} only
   * ({@link BenchmarkLedger}).
   */
  public static BenchmarkLedger openBenchmarkLedger(Path databaseFile, LogKey logKey) {
    migrate(databaseFile);
    return BenchmarkLedger.open(new SqliteDatabase(databaseFile), logKey);
  }

  private static void migrate(Path databaseFile) {
    try {
      Path parent = databaseFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new StoreException(
          "cannot create the folder of " + databaseFile + ": " + e.getMessage(), e);
    }
    String url = "jdbc:sqlite:" + databaseFile.toAbsolutePath();
    try {
      Flyway.configure()
          .dataSource(url, null, null)
          .locations("classpath:db/migration")
          // Versions are handed out to parallel work, so a folder at V20 may still lack V18: apply
          // it.
          .outOfOrder(true)
          .loggers("slf4j")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      throw new StoreException("cannot migrate " + databaseFile + ": " + e.getMessage(), e);
    }
  }
}
