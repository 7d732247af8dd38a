package org.oretrace.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oretrace.server.Fixtures;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;
import org.oretrace.store.sqlite.SqliteStore;

/**
 * Health, and what it and the writes answer when the store refuses writes: a lot row deleted from
 * the SQLite file behind the server's back is found when the lots held back are written, and from
 * then on health says degraded with the lot named, and every write is a 503 problem naming it.
 */
class ServiceEndpointsTest {

  private static final String EVENTS = "/api/v1/events";

  @TempDir Path folder;

  private TestServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void healthIsOkWithTheCounts() {
    server = new TestServer(SqliteStore.open(folder.resolve("oretrace.db")));
    server.seedRegistry();

    Response health = server.get("/api/v1/health");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asText()).isEqualTo("ok");
    assertThat(health.json().has("reason")).isFalse();
    assertThat(health.json().get("events").asLong()).isZero();
  }

  @Test
  void aLotRowDeletedBehindTheServersBackTurnsHealthDegradedAndWritesInto503()
      throws SQLException, InterruptedException {
    Path file = folder.resolve("oretrace.db");
    server = new TestServer(SqliteStore.open(file));
    server.seedRegistry();
    assertThat(
            server
                .post(EVENTS, "[" + Fixtures.tag("x-1", "LOT-X", "TAG-X", 1000) + "]", token())
                .status())
        .isEqualTo(201);
    // Reading the lot writes the rows held back, so that there is a row to delete.
    assertThat(server.get("/api/v1/lots?limit=5").json().toString()).contains("LOT-X");
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM lots WHERE id = 'LOT-X'");
    }
    String ship =
        """
        [{"id": "x-ship", "type": "ship", "time": "2025-05-02T07:00:00+02:00",
          "place": {"lat": -1.60, "lon": 28.95}, "actor": "COOP-1", "recordedBy": "phone-17",
          "lot": "LOT-X", "consignee": "TRADER-1"}]
        """;
    // Accepted: the graph holds the lot; its row is written behind, with the next flush.
    assertThat(server.post(EVENTS, ship, token()).status()).isEqualTo(201);
    Thread.sleep(1_200);

    Response refused =
        server.post(EVENTS, "[" + Fixtures.tag("y-1", "LOT-Y", "TAG-Y", 1000) + "]", token());
    Response health = server.get("/api/v1/health");

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    JsonNode problem = refused.json();
    assertThat(problem.get("type").asText()).isEqualTo("urn:oretrace:problem:store-unavailable");
    assertThat(problem.get("detail").asText()).contains("lot LOT-X", "oretrace verify");
    assertThat(health.status()).isEqualTo(503);
    assertThat(health.json().get("status").asText()).isEqualTo("degraded");
    assertThat(health.json().get("reason").asText()).contains("lot LOT-X");
    assertThat(health.json().get("events").asLong()).isEqualTo(2);
    // Reads go on.
    assertThat(server.get("/api/v1/lots?limit=5").status()).isEqualTo(200);
    assertThat(server.get("/api/v1/log/checkpoint").status()).isEqualTo(200);
  }

  private String token() {
    return server.recorderToken();
  }
}
