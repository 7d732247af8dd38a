package org.oretrace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.oretrace.store.Recorder;
import org.oretrace.store.Store;
import org.oretrace.store.Stores;
import picocli.CommandLine.Option;

/**
 * The data options shared by every command that opens the database. The data folder holds the log
 * key ({@code log.key}), by default the SQLite file ({@code oretrace.db}) and, later, evidence
 * files; {@code --db} puts the records in a PostgreSQL database instead (a national deployment),
 * while the key stays in the folder.
 */
final class DataOptions {

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "oretrace-data",
      description = "Data folder (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--db",
      paramLabel = "URL",
      description =
          "Database instead of the SQLite file in the data folder, as a JDBC URL:"
              + " jdbc:postgresql://HOST:PORT/DB?user=USER&password=PASSWORD.")
  String databaseUrl;

  @Option(
      names = "--log-origin",
      paramLabel = "ORIGIN",
      description =
          "The ledger's origin, the first line of its checkpoints (e.g. ledger.mines.gov.cd/log),"
              + " for a new data folder; an existing log key fixes it. Default: the"
              + " ORETRACE_LOG_ORIGIN environment variable, else oretrace.local/log.")
  String logOrigin;

  /** The origin asked for: the option, else ORETRACE_LOG_ORIGIN, else null (the default). */
  String logOrigin() {
    if (logOrigin != null) {
      return logOrigin;
    }
    String fromEnvironment = System.getenv("ORETRACE_LOG_ORIGIN");
    return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.strip();
  }

  /** The database for messages: the SQLite file, or the URL without its password. */
  String describe() {
    return Stores.describe(databaseUrl, data);
  }

  /** Whether there is a database to open without creating one (a server is assumed to be). */
  boolean databaseExists() {
    return databaseUrl != null || Files.exists(data.resolve(Stores.SQLITE_FILE));
  }

  Store openStore() {
    try {
      return Stores.open(databaseUrl, data, logOrigin());
    } catch (IllegalArgumentException e) {
      throw new Failures.UserError(
          Main.EXIT_USAGE,
          (e.getMessage().startsWith("unsupported database URL") ? "--db: " : "--log-origin: ")
              + e.getMessage());
    }
  }

  Recorder openRecorder() {
    return Recorder.open(openStore());
  }
}
