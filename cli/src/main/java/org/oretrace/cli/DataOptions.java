package org.oretrace.cli;

import java.nio.file.Path;
import org.oretrace.store.Recorder;
import org.oretrace.store.sqlite.SqliteStore;
import picocli.CommandLine.Option;

/**
 * The data folder option shared by every command that opens the database. The folder holds the
 * SQLite file ({@code oretrace.db}), the log key ({@code log.key}) and, later, evidence files.
 */
final class DataOptions {

  static final String DATABASE_FILE = "oretrace.db";

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "oretrace-data",
      description = "Data folder (default: ${DEFAULT-VALUE}).")
  Path data;

  Path databaseFile() {
    return data.resolve(DATABASE_FILE);
  }

  SqliteStore openStore() {
    return SqliteStore.open(databaseFile());
  }

  Recorder openRecorder() {
    return Recorder.open(openStore());
  }
}
