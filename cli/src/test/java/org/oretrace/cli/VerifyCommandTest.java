package org.oretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code oretrace verify} in process over a data folder imported by {@code oretrace import},
 * after tampering with the SQLite file directly, and reads its exit code and report.
 */
class VerifyCommandTest {

  private static final String WORLD =
      """
      {"sites": [{"id": "CD-NK-001", "name": "Luwowo", "country": "CD",
                  "location": {"lat": -1.60, "lon": 28.95}, "minerals": ["coltan"],
                  "icglrStatus": "green"}],
       "actors": [{"id": "COOP-1", "name": "Cooperative", "kind": "cooperative", "country": "CD"}],
       "events": [%s]}
      """;

  @TempDir Path folder;
  private Path data;

  @BeforeEach
  void importTwelveEvents() throws Exception {
    List<String> events = new ArrayList<>();
    for (int number = 0; number < 12; number++) {
      events.add(
          """
          {"id": "e-%d", "type": "tag", "time": "2025-05-01T08:00:00+02:00",
           "place": {"lat": -1.60, "lon": 28.95}, "actor": "COOP-1", "recordedBy": "phone-17",
           "lot": "LOT-%d", "tagNumber": "TAG-%d", "site": "CD-NK-001", "mineral": "coltan",
           "massGrams": %d, "grade": 31.5}
          """
              .formatted(number, number, number, 10_000 + number));
    }
    Path world = folder.resolve("world.json");
    Files.writeString(world, WORLD.formatted(String.join(",", events)));
    data = folder.resolve("data");
    assertThat(
            run("import", "--data", data.toString(), "--batch-size", "5", world.toString())
                .exitCode())
        .isZero();
  }

  @Test
  void anUntouchedDataFolderVerifies() {
    CommandRun run = run("verify", "--data", data.toString());
    assertThat(run.exitCode()).isZero();
    // The world's site and actor are the log's first two entries, then the twelve events.
    assertThat(run.out()).contains("ledger verified: 12 events, 2 records, 14 log entries");
  }

  @Test
  void aChangedEventFailsNamingItsPosition() throws SQLException {
    tamper("UPDATE events SET document = replace(document, '10007', '10070') WHERE sequence = 9");
    CommandRun run = run("verify", "--data", data.toString());
    assertThat(run.exitCode()).isEqualTo(65);
    assertThat(run.out())
        .contains("does NOT verify", "position 9: CHANGED: event e-7")
        .doesNotContain("position 8:", "position 10:");
  }

  @Test
  void aDeletedEventFailsNamingItsPosition() throws SQLException {
    tamper("DELETE FROM events WHERE sequence = 4");
    CommandRun run = run("verify", "--data", data.toString());
    assertThat(run.exitCode()).isEqualTo(65);
    assertThat(run.out()).contains("position 4: REMOVED");
  }

  @Test
  void reorderedEventsFailNamingBothPositions() throws SQLException {
    tamper(
        "UPDATE events SET sequence = -1 WHERE sequence = 2",
        "UPDATE events SET sequence = 2 WHERE sequence = 13",
        "UPDATE events SET sequence = 13 WHERE sequence = -1");
    CommandRun run = run("verify", "--data", data.toString());
    assertThat(run.exitCode()).isEqualTo(65);
    assertThat(run.out())
        .contains(
            "position 2: MOVED: event e-11 was logged at position 13",
            "position 13: MOVED: event e-0 was logged at position 2");
  }

  @Test
  void anInsertedEventFailsNamingItsPosition() throws SQLException {
    tamper(
        "INSERT INTO events (sequence, id, type, time_millis, recorded_at_millis, document)"
            + " SELECT 14, 'e-forged', type, time_millis, recorded_at_millis,"
            + " replace(document, '\"e-3\"', '\"e-forged\"') FROM events WHERE id = 'e-3'");
    CommandRun run = run("verify", "--data", data.toString());
    assertThat(run.exitCode()).isEqualTo(65);
    assertThat(run.out()).contains("position 14: INSERTED: event e-forged is not in the log");
  }

  @Test
  void aSiteStatusChangedInTheDatabaseFailsNamingTheSitesRecord() throws SQLException {
    tamper(
        "UPDATE sites SET icglr_status = 'red', document = replace(document,"
            + " '\"icglrStatus\":\"green\"', '\"icglrStatus\":\"red\"') WHERE id = 'CD-NK-001'");
    CommandRun run = run("verify", "--data", data.toString());
    assertThat(run.exitCode()).isEqualTo(65);
    assertThat(run.out()).contains("position 0: CHANGED: site CD-NK-001 differs");
  }

  @Test
  void registryRowsInsertedStraightIntoTheDatabaseFailAsInserted() throws SQLException {
    tamper(
        "INSERT INTO sites (id, country, icglr_status, minerals, document)"
            + " SELECT 'CD-NK-999', country, icglr_status, minerals,"
            + " replace(document, '\"CD-NK-001\"', '\"CD-NK-999\"') FROM sites"
            + " WHERE id = 'CD-NK-001'",
        "INSERT INTO actors (id, kind, country, document)"
            + " SELECT 'COOP-FORGED', kind, country,"
            + " replace(document, '\"COOP-1\"', '\"COOP-FORGED\"') FROM actors"
            + " WHERE id = 'COOP-1'");
    CommandRun run = run("verify", "--data", data.toString());
    assertThat(run.exitCode()).isEqualTo(65);
    assertThat(run.out())
        .contains(
            "does NOT verify",
            "INSERTED: site CD-NK-999 is stored but not in the log",
            "INSERTED: actor COOP-FORGED is stored but not in the log")
        .doesNotContain("CHANGED", "REMOVED", "MOVED");
  }

  @Test
  void aCheckpointKeptElsewhereCatchesATruncatedLog() throws Exception {
    Path saved = folder.resolve("checkpoint.txt");
    Files.writeString(
        saved,
        run("verify", "--data", data.toString()).exitCode() == 0
            ? latestCheckpointText()
            : "not verified");
    tamper(
        "DELETE FROM events WHERE sequence >= 12",
        "DELETE FROM merkle_tiles",
        "DELETE FROM log_checkpoint");
    // Reopening rebuilds a log of the 10 remaining events and signs it: only the saved
    // checkpoint of size 12 can tell.
    assertThat(run("verify", "--data", data.toString()).exitCode()).isZero();
    CommandRun run = run("verify", "--data", data.toString(), "--checkpoint", saved.toString());
    assertThat(run.exitCode()).isEqualTo(65);
    assertThat(run.out()).contains("the checkpoint given covers 14 entries");
  }

  private String latestCheckpointText() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT signed_note FROM log_checkpoint")) {
      rows.next();
      return rows.getString(1);
    }
  }

  private void tamper(String... statements) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.executeUpdate(sql);
      }
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + data.resolve("oretrace.db"));
  }

  private static CommandRun run(String... arguments) {
    return CommandRun.of(arguments);
  }
}
