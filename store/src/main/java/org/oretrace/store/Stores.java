package org.oretrace.store;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.oretrace.core.ledger.LogKey;
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
    return open(databaseUrl, dataFolder, null);
  }

  /**
   * Opens the store; a new log's key is named {@code logOrigin}, the origin line of its
   * checkpoints.
   *
   * @param logOrigin the origin for a log key created now, or null for {@value
   *     LogKeyFile#DEFAULT_ORIGIN}; when the key exists already, it must be the key's name
   * @throws IllegalArgumentException when the existing key has another origin
   */
  public static Store open(String databaseUrl, Path dataFolder, String logOrigin) {
    requireNonNull(dataFolder, "dataFolder is null");
    LogKey key =
        LogKeyFile.loadOrCreate(
            dataFolder.resolve(LogKeyFile.FILE_NAME),
            logOrigin == null ? LogKeyFile.DEFAULT_ORIGIN : logOrigin);
    if (logOrigin != null && !key.name().equals(logOrigin)) {
      throw new IllegalArgumentException(
          "the log in "
              + dataFolder
              + " has the origin "
              + key.name()
              + ", which its key fixes; it cannot become "
              + logOrigin);
    }
    if (databaseUrl == null) {
      return SqliteStore.open(dataFolder.resolve(SQLITE_FILE), key);
    }
    if (databaseUrl.startsWith("jdbc:sqlite:")) {
      return SqliteStore.open(Path.of(databaseUrl.substring("jdbc:sqlite:".length())), key);
    }
    if (databaseUrl.startsWith(PostgresStore.URL_PREFIX)) {
      return PostgresStore.open(databaseUrl, key, dataFolder.resolve(SqliteStore.EVIDENCE_FOLDER));
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
