package org.oretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --db}: the commands run on PostgreSQL when given its URL (this test needs a server, from
 * ORETRACE_TEST_POSTGRES_URL, and is skipped with a message without one), and refuse a URL that
 * names no database Oretrace runs on.
 */
class DataOptionsTest {

  private static final String WORLD =
      """
      {"sites": [{"id": "CD-NK-001", "name": "Luwowo", "country": "CD",
                  "location": {"lat": -1.60, "lon": 28.95}, "minerals": ["coltan"],
                  "icglrStatus": "green"}],
       "actors": [{"id": "COOP-1", "name": "Cooperative", "kind": "cooperative", "country": "CD"}],
       "events": [{"id": "e-1", "type": "tag", "time": "2025-05-01T08:00:00+02:00",
                   "place": {"lat": -1.60, "lon": 28.95}, "actor": "COOP-1",
                   "recordedBy": "phone-17", "lot": "LOT-1", "tagNumber": "TAG-1",
                   "site": "CD-NK-001", "mineral": "coltan", "massGrams": 10000, "grade": 31.5}]}
      """;

  @TempDir Path folder;

  @Test
  void anUnsupportedDatabaseUrlIsAUsageError() {
    CommandRun run =
        run("trace", "LOT-1", "--data", folder.toString(), "--db", "jdbc:mysql://localhost/db");
    assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run.err()).contains("--db", "unsupported database URL");
  }

  @Test
  void aLogOriginNamesANewLedgerAndAnExistingKeyFixesIt() throws Exception {
    Path world = folder.resolve("world.json");
    Files.writeString(world, WORLD);
    Path data = folder.resolve("origin-data");
    CommandRun imported =
        run(
            "import",
            "--data",
            data.toString(),
            "--log-origin",
            "ledger.mines.example/log",
            world.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(Files.readString(data.resolve("log.key")))
        .startsWith("PRIVATE+KEY+ledger.mines.example/log+");
    CommandRun verified = run("verify", "--data", data.toString());
    assertThat(verified.exitCode()).isZero();
    assertThat(verified.out()).contains("signed by ledger.mines.example/log");
    CommandRun other =
        run("verify", "--data", data.toString(), "--log-origin", "another.example/log");
    assertThat(other.exitCode()).isEqualTo(Main.EXIT_USAGE);
    assertThat(other.err()).contains("--log-origin", "ledger.mines.example/log");
  }

  @Test
  void importTraceAndVerifyRunOnPostgresql() throws Exception {
    String server = System.getenv("ORETRACE_TEST_POSTGRES_URL");
    assumeTrue(
        server != null && !server.isBlank(),
        "ORETRACE_TEST_POSTGRES_URL is not set, so the PostgreSQL command test is SKIPPED");
    String schema = "cli_" + Long.toHexString(System.nanoTime());
    execute(server, "CREATE SCHEMA " + schema);
    try {
      String url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
      Path world = folder.resolve("world.json");
      Files.writeString(world, WORLD);
      Path data = folder.resolve("data");
      CommandRun imported = run("import", "--data", data.toString(), "--db", url, world.toString());
      assertThat(imported.exitCode()).as(imported.err()).isZero();
      assertThat(data.resolve("oretrace.db")).doesNotExist();
      assertThat(data.resolve("log.key")).exists();
      CommandRun trace = run("trace", "LOT-1", "--data", data.toString(), "--db", url);
      assertThat(trace.exitCode()).as(trace.err()).isZero();
      CommandRun verify = run("verify", "--data", data.toString(), "--db", url);
      assertThat(verify.exitCode()).as(verify.err()).isZero();
      assertThat(verify.out()).contains("ledger verified: 1 events, 2 records, 3 log entries");
    } finally {
      execute(server, "DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static CommandRun run(String... arguments) {
    return CommandRun.of(arguments);
  }
}
