package org.oretrace.server.epcis;

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
import org.oretrace.store.json.Json;

/** The query interface over the native chain of {@link Fixtures#CHAIN}, served as EPCIS. */
class QueryEndpointsTest {

  private final TestServer server = new TestServer();

  @BeforeEach
  void recordTheNativeChain() {
    server.seedRegistry();
    Response recorded = server.post("/api/v1/events", Fixtures.CHAIN, server.recorderToken());
    assertThat(recorded.status()).isEqualTo(201);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void servesNativeEventsAsEpcisEvents() {
    Response response = server.get("/epcis/events", "Accept", "application/ld+json");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/ld+json");
    JsonNode document = response.json();
    assertThat(document.get("type").asText()).isEqualTo("EPCISQueryDocument");
    assertThat(document.get("@context").toString()).contains("https://oretrace.org/epcis/");
    List<JsonNode> events = CaptureEndpointsTest.eventList(document);
    assertThat(events).hasSize(10);
    assertThat(events)
        .extracting(event -> event.get("eventID").asText())
        .startsWith("urn:oretrace:event:e-tag-1", "urn:oretrace:event:e-tag-2")
        .endsWith("urn:oretrace:event:e-process");
    assertThat(events).allSatisfy(event -> assertThat(event.has("recordTime")).isTrue());
    JsonNode tag = events.getFirst();
    assertThat(tag.get("bizStep").asText()).isEqualTo("commissioning");
    assertThat(tag.get("ilmd").get("ot:mineral").asText()).isEqualTo("coltan");
    assertThat(tag.get("readPoint").get("id").asText()).isEqualTo("geo:-1.6,28.95");
  }

  @Test
  void filtersByTheSimpleEventQueryParameters() {
    assertThat(eventIds("/epcis/events?EQ_bizStep=shipping"))
        .containsExactly("e-ship-1", "e-ship-2");
    assertThat(eventIds("/epcis/events?EQ_bizStep=urn:epcglobal:cbv:bizstep:receiving"))
        .containsExactly("e-receive-1", "e-receive-2");
    assertThat(eventIds("/epcis/events?eventType=AggregationEvent%7CTransformationEvent"))
        .containsExactly("e-merge", "e-process");
    assertThat(eventIds("/epcis/events?MATCH_epc=urn:oretrace:lot:LOT-A"))
        .containsExactly("e-tag-1", "e-ship-1", "e-receive-1", "e-merge");
    assertThat(eventIds("/epcis/events?MATCH_anyEPCClass=urn:oretrace:lot:LOT-P"))
        .containsExactly("e-process");
    assertThat(eventIds("/epcis/events?MATCH_parentID=urn:oretrace:lot:LOT-M"))
        .containsExactly("e-merge");
    assertThat(eventIds("/epcis/events?MATCH_inputEPC=urn:oretrace:lot:LOT-M"))
        .containsExactly("e-process");
    assertThat(eventIds("/epcis/events?MATCH_epc=urn:oretrace:lot:LOT-*&EQ_action=OBSERVE"))
        .containsExactly(
            "e-ship-1", "e-ship-2", "e-receive-1", "e-receive-2", "e-export", "e-import");
    assertThat(
            eventIds(
                "/epcis/events?GE_eventTime=2025-03-02T07:05:00%2B02:00"
                    + "&LT_eventTime=2025-03-03T00:00:00Z"))
        .containsExactly("e-ship-2", "e-receive-1", "e-receive-2");
    assertThat(
            eventIds(
                "/epcis/events?EQ_eventID=urn:oretrace:event:e-export%7Curn:oretrace:event:e-import"))
        .containsExactly("e-export", "e-import");
    assertThat(eventIds("/epcis/events?EQ_disposition=in_transit"))
        .containsExactly("e-ship-1", "e-ship-2", "e-export");
  }

  @Test
  void ordersLimitsAndPages() {
    assertThat(eventIds("/epcis/events?orderBy=eventTime&eventCountLimit=2"))
        .containsExactly("e-process", "e-import");
    assertThat(eventIds("/epcis/events?orderBy=eventTime&orderDirection=ASC&eventCountLimit=1"))
        .containsExactly("e-tag-1");

    List<String> all = new ArrayList<>();
    String next = "/epcis/events?perPage=4";
    int pages = 0;
    while (next != null) {
      Response page = server.get(next);
      all.addAll(ids(page.json()));
      pages++;
      next =
          page.header("Link")
              .map(link -> link.substring(link.indexOf('<') + 1, link.indexOf('>')))
              .orElse(null);
    }
    assertThat(pages).isEqualTo(3);
    assertThat(all).hasSize(10).doesNotHaveDuplicates();
  }

  @Test
  void servesTheEventTypeEpcAndBizStepResources() {
    Response event = server.get("/epcis/events/urn:oretrace:event:e-merge");
    assertThat(event.status()).isEqualTo(200);
    assertThat(event.json().get("type").asText()).isEqualTo("AggregationEvent");
    assertThat(event.json().has("@context")).isTrue();
    assertThat(event.json().get("parentID").asText()).isEqualTo("urn:oretrace:lot:LOT-M");

    assertThat(server.get("/epcis/eventTypes").json()).hasSize(5);
    assertThat(server.get("/epcis/bizSteps").json().toString())
        .contains("commissioning", "shipping", "receiving", "departing", "arriving");
    assertThat(eventIds("/epcis/epcs/urn:oretrace:lot:LOT-A/events"))
        .containsExactly("e-tag-1", "e-ship-1", "e-receive-1", "e-merge");
    assertThat(eventIds("/epcis/eventTypes/TransformationEvent/events"))
        .containsExactly("e-process");
    assertThat(eventIds("/epcis/bizSteps/departing/events")).containsExactly("e-export");
  }

  @Test
  void refusesBadParametersAndUnknownResourcesInTheBindingsTerms() {
    Response badTime = server.get("/epcis/events?GE_eventTime=yesterday");
    Response badType = server.get("/epcis/events?eventType=PartyEvent");
    Response limitWithoutOrder = server.get("/epcis/events?eventCountLimit=3");
    Response unknownEvent = server.get("/epcis/events/no-such-event");
    Response unknownType = server.get("/epcis/eventTypes/PartyEvent/events");
    Response html = server.get("/epcis/events", "Accept", "text/html");

    assertThat(List.of(badTime, badType, limitWithoutOrder))
        .allSatisfy(
            response -> {
              assertThat(response.status()).isEqualTo(400);
              assertThat(response.json().get("type").asText())
                  .isEqualTo("epcisException:QueryParameterException");
            });
    assertThat(unknownEvent.status()).isEqualTo(404);
    assertThat(unknownType.status()).isEqualTo(404);
    assertThat(html.status()).isEqualTo(406);
  }

  @Test
  void nativeEventsServedAsEpcisRecaptureIntoTheSameCustodyRecord() {
    JsonNode exported = server.get("/epcis/events?perPage=1000").json();
    String trace = server.get("/api/v1/lots/LOT-P/trace").text();

    try (TestServer other = new TestServer()) {
      other.seedRegistry();
      Response capture = other.post("/epcis/capture", Json.text(exported), other.recorderToken());

      assertThat(capture.status()).as(capture.text()).isEqualTo(202);
      assertThat(capture.json().get("success").asBoolean()).as(capture.text()).isTrue();
      assertThat(other.store().custody().eventCount()).isEqualTo(10);
      assertThat(other.get("/api/v1/lots/LOT-P/trace").json())
          .isEqualTo(Json.parse(trace.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      assertThat(other.get("/api/v1/lots/LOT-M").json())
          .isEqualTo(server.get("/api/v1/lots/LOT-M").json());
    }
  }

  private List<String> eventIds(String path) {
    Response response = server.get(path);
    assertThat(response.status()).as(path + " " + response.text()).isEqualTo(200);
    return ids(response.json());
  }

  private static List<String> ids(JsonNode document) {
    return CaptureEndpointsTest.eventList(document).stream()
        .map(event -> event.get("eventID").asText().replace("urn:oretrace:event:", ""))
        .toList();
  }
}
