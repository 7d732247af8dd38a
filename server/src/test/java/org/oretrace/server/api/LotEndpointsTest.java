package org.oretrace.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oretrace.server.api.EventEndpointsTest.errors;
import static org.oretrace.server.api.EventEndpointsTest.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oretrace.server.Fixtures;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;

class LotEndpointsTest {

  private final TestServer server = new TestServer();

  @BeforeEach
  void recordTheChain() {
    server.seedRegistry();
    Response recorded = server.post("/api/v1/events", Fixtures.CHAIN, server.recorderToken());
    assertThat(recorded.status()).isEqualTo(201);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void tracesTheProcessedLotUpstreamToTheTaggedLotsAndTheirSites() {
    Response response = server.get("/api/v1/lots/LOT-P/trace");

    assertThat(response.status()).isEqualTo(200);
    JsonNode trace = response.json();
    assertThat(trace.get("direction").asText()).isEqualTo("upstream");
    assertThat(depths(trace)).containsExactlyInAnyOrder("LOT-P 0", "LOT-M 1", "LOT-A 2", "LOT-B 2");
    assertThat(edges(trace))
        .containsExactlyInAnyOrder(
            "LOT-M>LOT-P 79800 e-process process",
            "LOT-A>LOT-M 49800 e-merge merge",
            "LOT-B>LOT-M 30000 e-merge merge");
    assertThat(texts(trace.get("endpoints"))).containsExactlyInAnyOrder("LOT-A", "LOT-B");

    JsonNode origins = trace.get("origins");
    assertThat(origins).hasSize(2);
    JsonNode green = origins.get(0);
    assertThat(green.get("site").get("id").asText()).isEqualTo("CD-NK-001");
    assertThat(green.get("site").get("name").asText()).isEqualTo("Luwowo");
    assertThat(green.get("site").get("country").asText()).isEqualTo("CD");
    assertThat(green.get("site").get("icglrStatus").asText()).isEqualTo("green");
    assertThat(green.get("massGrams").asLong()).isEqualTo(49_800);
    assertThat(texts(green.get("lots"))).containsExactly("LOT-A");
    JsonNode red = origins.get(1);
    assertThat(red.get("site").get("id").asText()).isEqualTo("CD-NK-002");
    assertThat(red.get("site").get("icglrStatus").asText()).isEqualTo("red");
    assertThat(red.get("site").get("armedGroupPresence").asText()).isEqualTo("controlled");
    assertThat(red.get("site").get("cahra").asBoolean()).isTrue();
    assertThat(red.get("massGrams").asLong()).isEqualTo(30_000);
  }

  @Test
  void tracesATaggedLotDownstreamToTheSmelter() {
    JsonNode trace = server.get("/api/v1/lots/LOT-A/trace?direction=downstream").json();

    assertThat(trace.get("direction").asText()).isEqualTo("downstream");
    assertThat(depths(trace)).containsExactly("LOT-A 0", "LOT-M 1", "LOT-P 2");
    JsonNode destination = trace.get("destinations").get(0);
    assertThat(trace.get("destinations")).hasSize(1);
    assertThat(destination.get("lot").asText()).isEqualTo("LOT-P");
    assertThat(destination.get("state").asText()).isEqualTo("held");
    assertThat(destination.get("holder").asText()).isEqualTo("SMELTER-1");
    assertThat(destination.get("holderName").asText()).isEqualTo("Penang Tantalum Refinery");
    assertThat(trace.has("origins")).isFalse();
  }

  @Test
  void tracesATaggedLotUpstreamToItsOwnSite() {
    JsonNode origins = server.get("/api/v1/lots/LOT-A/trace").json().get("origins");

    assertThat(origins).hasSize(1);
    assertThat(origins.get(0).get("massGrams").asLong()).isEqualTo(49_800);
  }

  @Test
  void refusesAnUnknownDirection() {
    Response response = server.get("/api/v1/lots/LOT-P/trace?direction=sideways");

    assertThat(response.status()).isEqualTo(400);
    assertThat(errors(response.json())).containsExactly("null direction");
  }

  @Test
  void looksUpALotByIdOrByLiveTag() {
    JsonNode byId = server.get("/api/v1/lots/LOT-P").json();
    JsonNode byTag = server.get("/api/v1/lots/TAG-P").json();

    assertThat(byId.get("id").asText()).isEqualTo("LOT-P");
    assertThat(byId.get("mineral").asText()).isEqualTo("tantalum");
    assertThat(byId.get("massGrams").asLong()).isEqualTo(20_000);
    assertThat(byTag).isEqualTo(byId);
    assertThat(server.get("/api/v1/lots/TAG-A").status())
        .as("a consumed lot's tag is no longer live")
        .isEqualTo(404);
  }

  @Test
  void looksUpALotWhoseIdIsADigitalLinkWithSlashes() {
    String lot = "https://id.gs1.org/01/09506000134352/10/LOT-DL-1";
    String tag =
        """
        [{"id": "e-dl-1", "type": "tag", "time": "2025-03-02T08:00:00+02:00",
          "place": {"lat": -1.55, "lon": 28.88}, "actor": "COOP-1", "recordedBy": "tablet-1",
          "lot": "%s", "tagNumber": "TAG-DL-1", "site": "CD-NK-001", "mineral": "coltan",
          "massGrams": 30000}]
        """
            .formatted(lot);
    assertThat(server.post("/api/v1/events", tag, server.recorderToken()).status()).isEqualTo(201);

    String encoded = java.net.URLEncoder.encode(lot, java.nio.charset.StandardCharsets.UTF_8);
    Response byId = server.get("/api/v1/lots/" + encoded);
    Response events = server.get("/api/v1/lots/" + encoded + "/events");

    assertThat(byId.status()).as(byId.text()).isEqualTo(200);
    assertThat(byId.json().get("id").asText()).isEqualTo(lot);
    assertThat(events.status()).as(events.text()).isEqualTo(200);
  }

  @Test
  void listsTheEventsOfALotInOrderWithSequenceAndRecordedAt() {
    JsonNode answer = server.get("/api/v1/lots/LOT-M/events").json();

    assertThat(answer.get("lot").asText()).isEqualTo("LOT-M");
    assertThat(texts(answer.get("events")))
        .containsExactly("e-merge", "e-export", "e-import", "e-process");
    List<Long> sequences = new ArrayList<>();
    answer.get("events").forEach(event -> sequences.add(event.get("sequence").asLong()));
    // Sequences are ledger positions: the registry's records come first, then the chain's ten
    // events, of which these are the last four.
    long afterChain = server.store().custody().nextSequence();
    assertThat(sequences)
        .containsExactly(afterChain - 4, afterChain - 3, afterChain - 2, afterChain - 1);
    JsonNode export = answer.get("events").get(1);
    assertThat(export.get("declarationNumber").asText()).isEqualTo("CD-EXP-2025-0042");
    assertThat(export.get("recordedAt").asText()).endsWith("Z");
  }

  @Test
  void pagesAndFiltersLots() {
    JsonNode all = server.get("/api/v1/lots").json();
    assertThat(all.get("total").asLong()).isEqualTo(4);
    assertThat(texts(all.get("items"))).containsExactly("LOT-A", "LOT-B", "LOT-M", "LOT-P");

    JsonNode second = server.get("/api/v1/lots?limit=1&offset=1").json();
    assertThat(texts(second.get("items"))).containsExactly("LOT-B");
    assertThat(second.get("total").asLong()).isEqualTo(4);

    assertThat(texts(server.get("/api/v1/lots?state=held").json().get("items")))
        .containsExactly("LOT-P");
    assertThat(texts(server.get("/api/v1/lots?mineral=coltan&state=consumed").json().get("items")))
        .containsExactly("LOT-A", "LOT-B", "LOT-M");
    assertThat(texts(server.get("/api/v1/lots?site=CD-NK-002").json().get("items")))
        .containsExactly("LOT-B");
    assertThat(texts(server.get("/api/v1/lots?holder=SMELTER-1").json().get("items")))
        .containsExactly("LOT-M", "LOT-P");
    assertThat(server.get("/api/v1/lots?country=CD").json().get("total").asLong()).isEqualTo(2);
    assertThat(server.get("/api/v1/lots?country=RW").json().get("total").asLong()).isZero();
    assertThat(errors(server.get("/api/v1/lots?state=lost").json())).containsExactly("null state");
  }

  @Test
  void answersUnknownLotsWith404() {
    assertThat(server.get("/api/v1/lots/LOT-NOPE").status()).isEqualTo(404);
    assertThat(server.get("/api/v1/lots/LOT-NOPE/events").status()).isEqualTo(404);
    Response trace = server.get("/api/v1/lots/LOT-NOPE/trace");
    assertThat(trace.status()).isEqualTo(404);
    assertThat(trace.json().get("type").asText()).isEqualTo("urn:oretrace:problem:not-found");
  }

  private static List<String> depths(JsonNode trace) {
    List<String> depths = new ArrayList<>();
    trace
        .get("lots")
        .forEach(lot -> depths.add(lot.get("id").asText() + " " + lot.get("depth").asInt()));
    return depths;
  }

  private static List<String> edges(JsonNode trace) {
    List<String> edges = new ArrayList<>();
    trace
        .get("edges")
        .forEach(
            edge ->
                edges.add(
                    edge.get("from").asText()
                        + ">"
                        + edge.get("to").asText()
                        + " "
                        + edge.get("massGrams").asLong()
                        + " "
                        + edge.get("event").asText()
                        + " "
                        + edge.get("eventType").asText()));
    return edges;
  }
}
