package org.oretrace.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oretrace.server.api.EventEndpointsTest.texts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oretrace.server.Fixtures;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;
import org.oretrace.store.Detection;

class AlertEndpointsTest {

  private final TestServer server = new TestServer();

  @BeforeEach
  void recordTheChainWithDetection() {
    Detection.attach(server.recorder());
    server.seedRegistry();
    Response recorded = server.post("/api/v1/events", Fixtures.CHAIN, server.recorderToken());
    assertThat(recorded.status()).isEqualTo(201);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void alertsRaisedByARecordedBatchAreListedAndFetchedById() {
    Response list = server.get("/api/v1/alerts");

    assertThat(list.status()).isEqualTo(200);
    JsonNode page = list.json();
    assertThat(page.get("total").asLong()).isPositive();
    JsonNode first = page.get("items").get(0);
    assertThat(first.get("explanation").asText()).isNotBlank();
    assertThat(first.get("raisedAt").asText()).isNotBlank();

    Response one = server.get("/api/v1/alerts/" + first.get("id").asText());
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().get("id")).isEqualTo(first.get("id"));
  }

  @Test
  void filtersByDetectorCountryAndTime() {
    JsonNode all = server.get("/api/v1/alerts?limit=1000").json();
    String detector = all.get("items").get(0).get("detector").asText();
    long ofDetector = 0;
    for (JsonNode alert : all.get("items")) {
      if (alert.get("detector").asText().equals(detector)) {
        ofDetector++;
      }
    }

    JsonNode filtered = server.get("/api/v1/alerts?detector=" + detector).json();
    assertThat(filtered.get("total").asLong()).isEqualTo(ofDetector);
    assertThat(texts(filtered.get("items")).size()).isEqualTo((int) ofDetector);
    assertThat(server.get("/api/v1/alerts?country=JP").json().get("total").asLong()).isZero();
    assertThat(server.get("/api/v1/alerts?from=2100-01-01T00:00:00Z").json().get("total").asLong())
        .isZero();
  }

  @Test
  void badFiltersAndUnknownIdsGetProblems() {
    assertThat(server.get("/api/v1/alerts?detector=D99").status()).isEqualTo(400);
    assertThat(server.get("/api/v1/alerts?from=yesterday").status()).isEqualTo(400);
    assertThat(server.get("/api/v1/alerts?severity=dire").status()).isEqualTo(400);
    assertThat(server.get("/api/v1/alerts/D1-nothing").status()).isEqualTo(404);
  }
}
