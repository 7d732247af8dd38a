package org.oretrace.store;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.oretrace.store.ledger.LogKeyFile;
import org.oretrace.store.postgres.PostgresStore;
import org.oretrace.store.sqlite.SqliteStore;

/**
 * Opens the store a deployment chose: the SQLite file in the data folder by default, or a
 * PostgreSQL database given by its JDBC URL. Either way the ledger's key is {@value
 * LogKeyFile#FILE_NAME} in the data folder, created on first open.
 */
public final class Stores {

  /** The SQLite file's name in the data folder. */
  public static final String SQLITE_FILE = "oretrace.db";

  private Stores() {}

  /**
   * Opens the store.
   *
   * @param databaseUrl null for the SQLite file in {@code dataFolder}, or a {@code
   *     jdbc:postgresql:} or {@code jdbc:sqlite:} URL
   * @param dataFolder the folder of the log key and, by default, of the SQLite file
   * @throws IllegalArgumentException when the URL names no database Oretrace runs on
   */
  public static Store open(String databaseUrl, Path dataFolder) {
    requireNonNull(dataFolder, "dataFolder is null");
    if (databaseUrl == null) {
      return SqliteStore.open(dataFolder.resolve(SQLITE_FILE));
    }
    if (databaseUrl.startsWith("jdbc:sqlite:")) {
      return SqliteStore.open(
          Path.of(databaseUrl.substring("jdbc:sqlite:".length())),
          LogKeyFile.loadOrCreate(
              dataFolder.resolve(LogKeyFile.FILE_NAME), LogKeyFile.DEFAULT_ORIGIN));
    }
    if (databaseUrl.startsWith(PostgresStore.URL_PREFIX)) {
      return PostgresStore.open(
          databaseUrl,
          LogKeyFile.loadOrCreate(
              dataFolder.resolve(LogKeyFile.FILE_NAME), LogKeyFile.DEFAULT_ORIGIN),
          dataFolder.resolve(SqliteStore.EVIDENCE_FOLDER));
    }
    throw new IllegalArgumentException(
        "unsupported database URL (expected jdbc:postgresql:// or jdbc:sqlite:): "
            + PostgresStore.withoutPassword(databaseUrl));
  }

  /** The database a URL (or, when null, the data folder) names, without any password. */
  public static String describe(String databaseUrl, Path dataFolder) {
    return databaseUrl == null
        ? dataFolder.resolve(SQLITE_FILE).toString()
        : PostgresStore.withoutPassword(databaseUrl);
  }
}
