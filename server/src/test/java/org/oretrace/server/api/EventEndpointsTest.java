package org.oretrace.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oretrace.server.Fixtures;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;

class EventEndpointsTest {

  private static final String EVENTS = "/api/v1/events";

  private final TestServer server = new TestServer();

  @BeforeEach
  void seed() {
    server.seedRegistry();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void recordsAFullChainAndAnswersWithTheEventIds() {
    Response response = server.post(EVENTS, Fixtures.CHAIN, server.recorderToken());

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.contentType()).startsWith("application/json");
    assertThat(response.json().get("count").asInt()).isEqualTo(10);
    assertThat(texts(response.json().get("eventIds")))
        .startsWith("e-tag-1", "e-tag-2")
        .endsWith("e-process");
    assertThat(server.store().custody().eventCount()).isEqualTo(10);
    assertThat(server.recorder().graph().lotCount()).isEqualTo(4);
  }

  @Test
  void givesEventsWithoutIdARandomOne() {
    String event = Fixtures.tag("x", "LOT-X", "TAG-X", 1000).replace("\"id\": \"x\",", "");

    Response response = server.post(EVENTS, "[" + event + "]", server.investigatorToken());

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.json().get("eventIds").get(0).asText()).hasSize(36);
  }

  @Test
  void refusesTextThatIsNotJsonWith400() {
    Response response = server.post(EVENTS, "[{\"type\": \"tag\",", server.recorderToken());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("type").asText()).isEqualTo("urn:oretrace:problem:bad-request");
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).contains("not valid JSON");
    assertThat(problem.get("errors")).hasSize(1);
    assertThat(response.text()).doesNotContain("at org.", "Exception");
  }

  @Test
  void refusesABatchWithThreeBadEventsListingEachAndStoringNothing() {
    String batch =
        "["
            + Fixtures.tag("ok-1", "LOT-1", "TAG-1", 1000).replace("\"site\": \"CD-NK-001\",", "")
            + ","
            + Fixtures.tag("ok-2", "LOT-2", "TAG-2", 1000)
            + ","
            + Fixtures.tag("ok-3", "LOT-3", "TAG-3", 1000)
                .replace("\"massGrams\": 1000", "\"massGrams\": \"heavy\"")
            + ","
            + Fixtures.tag("ok-4", "LOT-4", "TAG-4", 1000).replace("coltan", "diamond")
            + "]";

    Response response = server.post(EVENTS, batch, server.recorderToken());

    assertThat(response.status()).isEqualTo(422);
    JsonNode problem = response.json();
    assertThat(problem.get("type").asText()).isEqualTo("urn:oretrace:problem:invalid-content");
    assertThat(problem.get("status").asInt()).isEqualTo(422);
    assertThat(errors(problem)).containsExactly("0 site", "2 massGrams", "3 mineral");
    assertThat(server.get("/api/v1/health").json().get("events").asLong()).isZero();
    assertThat(server.get("/api/v1/health").json().get("lots").asLong()).isZero();
  }

  @Test
  void refusesAnEventOnAnUnknownLot() {
    String ship =
        """
        [{"id": "s-1", "type": "ship", "time": "2025-03-02T07:00:00+02:00",
          "place": {"lat": -1.6, "lon": 28.95}, "actor": "COOP-1", "recordedBy": "phone-17",
          "lot": "LOT-NOWHERE", "consignee": "TRADER-1"}]
        """;

    Response response = server.post(EVENTS, ship, server.recorderToken());

    assertThat(response.status()).isEqualTo(422);
    assertThat(errors(response.json())).containsExactly("0 lot");
    assertThat(response.json().get("errors").get(0).get("message").asText())
        .contains("unknown lot LOT-NOWHERE");
  }

  @Test
  void refusesASplitWhosePartsOutweighTheParentAndKeepsTheBatchOut() {
    String batch =
        "["
            + Fixtures.tag("t-1", "LOT-1", "TAG-1", 1000)
            + ","
            + """
            {"id": "split-1", "type": "split", "time": "2025-05-02T08:00:00+02:00",
             "place": {"lat": -1.6, "lon": 28.95}, "actor": "COOP-1", "recordedBy": "phone-17",
             "lot": "LOT-1", "parts": [
               {"lot": "LOT-1a", "tagNumber": "TAG-1a", "massGrams": 600},
               {"lot": "LOT-1b", "tagNumber": "TAG-1b", "massGrams": 500}]}
            """
            + "]";

    Response response = server.post(EVENTS, batch, server.recorderToken());

    assertThat(response.status()).isEqualTo(422);
    assertThat(errors(response.json())).containsExactly("1 parts");
    assertThat(response.json().get("errors").get(0).get("message").asText())
        .contains("1100 g", "1000 g");
    assertThat(server.store().custody().eventCount()).isZero();
    assertThat(server.get("/api/v1/lots/LOT-1").status()).isEqualTo(404);
  }

  @Test
  void refusesAnEmptyBatchAndABodyThatIsNotAnArray() {
    assertThat(server.post(EVENTS, "[]", server.recorderToken()).status()).isEqualTo(422);
    assertThat(server.post(EVENTS, "{}", server.recorderToken()).status()).isEqualTo(422);
    assertThat(server.post(EVENTS, "", server.recorderToken()).status()).isEqualTo(400);
  }

  @Test
  void needsATokenToRecord() {
    Response missing = server.post(EVENTS, Fixtures.CHAIN, null);
    Response unknown = server.post(EVENTS, Fixtures.CHAIN, "ot_not-a-token");

    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.contentType()).startsWith("application/problem+json");
    assertThat(missing.header("WWW-Authenticate")).contains("Bearer");
    assertThat(missing.json().get("type").asText())
        .isEqualTo("urn:oretrace:problem:unauthenticated");
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(server.store().custody().eventCount()).isZero();
  }

  @Test
  void refusesAViewerTokenWith403() {
    Response response = server.post(EVENTS, Fixtures.CHAIN, server.viewerToken());

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.json().get("type").asText()).isEqualTo("urn:oretrace:problem:forbidden");
    assertThat(response.json().get("detail").asText()).contains("viewer");
    assertThat(server.store().custody().eventCount()).isZero();
  }

  @Test
  void replaysARetriedBatchWithTheSameKeyAndStoresNothingMore() {
    Response first =
        server.post(EVENTS, Fixtures.CHAIN, server.recorderToken(), "Idempotency-Key", "batch-42");
    Response retry =
        server.post(EVENTS, Fixtures.CHAIN, server.recorderToken(), "Idempotency-Key", "batch-42");

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.text()).isEqualTo(first.text());
    assertThat(retry.header("Idempotent-Replayed")).contains("true");
    assertThat(first.header("Idempotent-Replayed")).isEmpty();
    assertThat(server.store().custody().eventCount()).isEqualTo(10);
  }

  @Test
  void refusesAKeyReusedForAnotherBodyWith409() {
    String one = "[" + Fixtures.tag("t-1", "LOT-1", "TAG-1", 1000) + "]";
    String other = "[" + Fixtures.tag("t-2", "LOT-2", "TAG-2", 1000) + "]";
    server.post(EVENTS, one, server.recorderToken(), "Idempotency-Key", "key-1");

    Response response =
        server.post(EVENTS, other, server.recorderToken(), "Idempotency-Key", "key-1");

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.json().get("type").asText())
        .isEqualTo("urn:oretrace:problem:idempotency-key-reused");
    assertThat(server.store().custody().eventCount()).isEqualTo(1);
  }

  @Test
  void refusesAnOverlongIdempotencyKeyWith400() {
    Response response =
        server.post(
            EVENTS, Fixtures.CHAIN, server.recorderToken(), "Idempotency-Key", "k".repeat(256));

    assertThat(response.status()).isEqualTo(400);
    assertThat(errors(response.json())).containsExactly("null Idempotency-Key");
  }

  @Test
  void refusesAnEventIdRecordedBefore() {
    String batch = "[" + Fixtures.tag("t-1", "LOT-1", "TAG-1", 1000) + "]";
    server.post(EVENTS, batch, server.recorderToken());

    Response again =
        server.post(
            EVENTS,
            batch.replace("LOT-1", "LOT-9").replace("TAG-1", "TAG-9"),
            server.recorderToken());

    assertThat(again.status()).isEqualTo(422);
    assertThat(errors(again.json())).containsExactly("0 id");
  }

  /** "item field" for every error of a problem. */
  static List<String> errors(JsonNode problem) {
    List<String> errors = new ArrayList<>();
    problem
        .get("errors")
        .forEach(
            error -> errors.add(error.get("item").asText() + " " + error.get("field").asText()));
    return errors;
  }

  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.has("id") ? node.get("id").asText() : node.asText()));
    return texts;
  }
}
