package org.oretrace.server.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;
import org.oretrace.store.json.Json;

class CaptureEndpointsTest {

  private static final String CAPTURE = "/epcis/capture";

  private final TestServer server = new TestServer();

  @AfterEach
  void stop() {
    server.close();
  }

  static List<String> gs1JsonExamples() {
    return EpcisFixtures.gs1JsonExamples();
  }

  static List<String> gs1XmlExamples() {
    return EpcisFixtures.gs1XmlExamples();
  }

  @Test
  void findsEveryGs1JsonExample() {
    assertThat(gs1JsonExamples()).hasSizeGreaterThanOrEqualTo(40);
  }

  @ParameterizedTest
  @MethodSource("gs1JsonExamples")
  void storesEveryGs1JsonExampleAndReturnsEachEventWithNoFieldLost(String example) {
    byte[] body = EpcisFixtures.read(example);
    JsonNode document = Json.parseAllowingRepeatedNames(body);

    Response response = server.post(CAPTURE, body, "application/ld+json", server.recorderToken());

    assertThat(response.status()).as(response.text()).isEqualTo(202);
    JsonNode job = server.get(response.header("Location").orElseThrow()).json();
    assertThat(job.get("success").asBoolean()).as(job.toString()).isTrue();
    assertThat(job.get("running").asBoolean()).isFalse();
    List<JsonNode> sent = events(document);
    List<JsonNode> stored = allEvents();
    assertThat(stored).hasSize(sent.size());
    for (JsonNode event : sent) {
      ObjectNode expected = withoutRecordTime(event);
      if (event.has("eventID")) {
        JsonNode found = queryByEventId(event.get("eventID").asText());
        assertThat(found.size()).isEqualTo(1);
        assertThat(sameTree(withoutRecordTime(found.get(0)), expected))
            .as("%s: %s returned as %s", example, event, found.get(0))
            .isTrue();
      } else {
        // The server gave it an eventID; find it by its other fields.
        assertThat(stored)
            .as("%s: %s", example, event)
            .anySatisfy(
                returned -> {
                  ObjectNode withoutId = withoutRecordTime(returned);
                  assertThat(withoutId.remove("eventID").asText()).startsWith("urn:uuid:");
                  assertThat(sameTree(withoutId, expected)).isTrue();
                });
      }
    }
  }

  /** JSON trees equal, numbers by value (26.0 is 26). */
  private static boolean sameTree(JsonNode actual, JsonNode expected) {
    return actual.equals(
        (first, second) ->
            first.isNumber() && second.isNumber()
                ? first.decimalValue().compareTo(second.decimalValue())
                : first.equals(second) ? 0 : 1,
        expected);
  }

  private static ObjectNode withoutRecordTime(JsonNode event) {
    ObjectNode copy = (ObjectNode) event.deepCopy();
    copy.remove("recordTime");
    return copy;
  }

  @ParameterizedTest
  @MethodSource("gs1XmlExamples")
  void storesGs1XmlExamplesAsJsonLd(String example) {
    Response response =
        server.post(
            CAPTURE, EpcisFixtures.read(example), "application/xml", server.recorderToken());

    assertThat(response.status()).as(response.text()).isEqualTo(202);
    JsonNode job = response.json();
    assertThat(job.get("success").asBoolean()).as(job.toString()).isTrue();
    List<JsonNode> stored = allEvents();
    assertThat(stored).hasSize(job.get("eventCount").asInt()).isNotEmpty();
    assertThat(stored).allSatisfy(event -> assertThat(event.has("eventTime")).isTrue());
  }

  @Test
  void convertsXmlToTheSameEventsAsTheJsonExample() {
    server.post(
        CAPTURE,
        EpcisFixtures.read("XML/Example_9.6.1-ObjectEvent-2020_06_18a.xml"),
        "application/xml",
        server.recorderToken());

    List<JsonNode> stored = allEvents();
    assertThat(stored).hasSize(2);
    JsonNode receiving = stored.get(1);
    assertThat(receiving.get("bizStep").asText()).isEqualTo("receiving");
    assertThat(receiving.get("disposition").asText()).isEqualTo("in_progress");
    assertThat(receiving.get("epcList").get(0).asText())
        .isEqualTo("urn:epc:id:sgtin:0614141.107346.2018");
    assertThat(receiving.get("bizTransactionList").get(1).get("type").asText()).isEqualTo("desadv");
    assertThat(receiving.get("example:myField").asText())
        .isEqualTo("Example of a vendor/user extension");
  }

  @Test
  void refusesASchemaInvalidDocumentWithTheBindingsValidationExceptionAndStoresNothing() {
    String document =
        new String(
                EpcisFixtures.read("JSON/Example_9.6.1-ObjectEvent.jsonld"), StandardCharsets.UTF_8)
            .replaceFirst("\"OBSERVE\"", "\"LOOK\"");

    Response response = server.post(CAPTURE, document, server.recorderToken());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("type").asText()).isEqualTo("epcisException:ValidationException");
    assertThat(problem.get("errors")).isNotEmpty();
    assertThat(problem.get("errors").get(0).get("item").asInt()).isZero();
    assertThat(allEvents()).isEmpty();
  }

  @Test
  void refusesALargeDocumentTheSchemaRefusesInOneChunkAndStoresNothing() {
    // Large enough to be checked in chunks while its events are mapped; the schema's refusal must
    // win over the mapping's, and nothing be written, not even a failed capture job.
    ObjectNode document =
        (ObjectNode) Json.parse(EpcisFixtures.read("JSON/Example_9.6.1-ObjectEvent.jsonld"));
    JsonNode example = document.at("/epcisBody/eventList/0");
    var list = ((ObjectNode) document.get("epcisBody")).putArray("eventList");
    for (int item = 0; item < 450; item++) {
      ObjectNode event = example.deepCopy();
      event.put("eventID", "urn:uuid:00000000-0000-4000-8000-" + String.format("%012d", item));
      if (item == 333) {
        event.put("action", "LOOK");
      }
      list.add(event);
    }
    int jobsBefore = server.get(CAPTURE).json().size();

    Response response = server.post(CAPTURE, Json.text(document), server.recorderToken());

    assertThat(response.status()).as(response.text()).isEqualTo(400);
    JsonNode problem = response.json();
    assertThat(problem.get("type").asText()).isEqualTo("epcisException:ValidationException");
    assertThat(problem.get("errors")).isNotEmpty();
    for (JsonNode error : problem.get("errors")) {
      assertThat(error.get("item").asInt()).isEqualTo(333);
    }
    assertThat(allEvents()).isEmpty();
    assertThat(server.get(CAPTURE).json().size()).isEqualTo(jobsBefore);

    ((ObjectNode) list.get(333)).put("action", "OBSERVE");
    Response valid = server.post(CAPTURE, Json.text(document), server.recorderToken());
    assertThat(valid.status()).as(valid.text()).isEqualTo(202);
  }

  @Test
  void refusesTextThatIsNeitherJsonNorXml() {
    assertThat(server.post(CAPTURE, "{\"type\": ", server.recorderToken()).status()).isEqualTo(400);
    Response xml =
        server.post(
            CAPTURE,
            "<epcis:EPCISDocument".getBytes(StandardCharsets.UTF_8),
            "application/xml",
            server.recorderToken());
    assertThat(xml.status()).isEqualTo(400);
    assertThat(xml.json().get("type").asText()).isEqualTo("epcisException:ValidationException");
    Response text =
        server.post(
            CAPTURE,
            "hello".getBytes(StandardCharsets.UTF_8),
            "text/plain",
            server.recorderToken());
    assertThat(text.status()).isEqualTo(415);
  }

  /** Elements out of the XSD's order: the JSON form would pass, GS1's XSD does not. */
  @Test
  void refusesXmlThatBreaksTheXsdAndStoresNothing() {
    String example =
        new String(
            EpcisFixtures.read("XML/Example_9.6.1-ObjectEvent-2020_06_18a.xml"),
            StandardCharsets.UTF_8);
    int time = example.indexOf("<eventTime>");
    int offset = example.indexOf("<eventTimeZoneOffset>");
    int offsetEnd = example.indexOf("</eventTimeZoneOffset>") + "</eventTimeZoneOffset>".length();
    assertThat(time).isLessThan(offset);
    String swapped =
        example.substring(0, time)
            + example.substring(offset, offsetEnd)
            + example.substring(time, offset)
            + example.substring(offsetEnd);
    assertThat(
            new SchemaValidation()
                .validate(XmlDocuments.toJson(swapped.getBytes(StandardCharsets.UTF_8))))
        .as("the JSON Schema alone would accept it")
        .isEmpty();

    Response response =
        server.post(
            CAPTURE,
            swapped.getBytes(StandardCharsets.UTF_8),
            "application/xml",
            server.recorderToken());

    assertThat(response.status()).isEqualTo(400);
    JsonNode problem = response.json();
    assertThat(problem.get("type").asText()).isEqualTo("epcisException:ValidationException");
    assertThat(problem.get("errors").get(0).get("item").asInt()).isZero();
    assertThat(problem.get("errors").get(0).get("message").asText()).contains("cvc-");
    assertThat(allEvents()).isEmpty();
  }

  @Test
  void refusesXmlWithADoctype() {
    String hostile =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + "<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\">&e;</epcis:EPCISDocument>";

    Response response =
        server.post(
            CAPTURE,
            hostile.getBytes(StandardCharsets.UTF_8),
            "application/xml",
            server.recorderToken());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.text()).doesNotContain("root:");
  }

  @Test
  void asksForATokenThatMayRecordEvents() {
    byte[] body = EpcisFixtures.read("JSON/Example_9.6.1-ObjectEvent.jsonld");

    assertThat(server.post(CAPTURE, body, "application/ld+json", null).status()).isEqualTo(401);
    assertThat(server.post(CAPTURE, body, "application/ld+json", server.viewerToken()).status())
        .isEqualTo(403);
    assertThat(allEvents()).isEmpty();
  }

  @Test
  void recordsACustodyChainPostedAsEpcisThroughTheNativeRecord() {
    server.seedRegistry();

    Response response = server.post(CAPTURE, EpcisFixtures.CHAIN, server.recorderToken());

    assertThat(response.status()).isEqualTo(202);
    assertThat(response.json().get("success").asBoolean()).as(response.text()).isTrue();
    assertThat(server.store().custody().eventCount()).isEqualTo(8);
    JsonNode pallet = server.get("/api/v1/lots/" + EpcisFixtures.PALLET).json();
    assertThat(pallet.get("massGrams").asLong()).isEqualTo(80_000);
    assertThat(pallet.get("mineral").asText()).isEqualTo("coltan");
    JsonNode lotA = server.get("/api/v1/lots/" + EpcisFixtures.LOT_A + "/events").json();
    assertThat(lotA.toString()).contains("\"tag\"", "\"ship\"", "\"receive\"", "\"merge\"");
    assertThat(lotA.toString()).contains("TRANS-1", "TAG-A");
    Response trace = server.get("/api/v1/lots/" + EpcisFixtures.TANTALUM + "/trace");
    assertThat(trace.status()).isEqualTo(200);
    assertThat(trace.text())
        .contains(EpcisFixtures.LOT_A, EpcisFixtures.LOT_B, EpcisFixtures.PALLET, "CD-NK-002");
    JsonNode epcisEvents = server.get("/epcis/epcs/" + EpcisFixtures.LOT_A + "/events").json();
    assertThat(eventList(epcisEvents)).hasSize(4);
  }

  @Test
  void refusesAWholeDocumentWhenOneEventBreaksACustodyRule() {
    server.seedRegistry();
    String chain =
        EpcisFixtures.CHAIN.replace("urn:oretrace:site:CD-NK-002", "urn:oretrace:site:NOWHERE");
    ObjectNode document = (ObjectNode) Json.parse(chain.getBytes(StandardCharsets.UTF_8));
    JsonNode retail =
        events(Json.parse(EpcisFixtures.read("JSON/Example_9.6.2-ObjectEvent.jsonld"))).getFirst();
    ((com.fasterxml.jackson.databind.node.ArrayNode) document.get("epcisBody").get("eventList"))
        .insert(0, retail);

    Response response = server.post(CAPTURE, Json.text(document), server.recorderToken());

    assertThat(response.status()).isEqualTo(202);
    JsonNode job = server.get(response.header("Location").orElseThrow()).json();
    assertThat(job.get("success").asBoolean()).isFalse();
    assertThat(job.get("running").asBoolean()).isFalse();
    assertThat(job.get("errors").toString()).contains("NOWHERE");
    assertThat(job.get("errors").get(0).get("item").asInt()).isEqualTo(2);
    assertThat(job.get("errors").get(0).get("type").asText())
        .isEqualTo("epcisException:ValidationException");
    assertThat(server.store().custody().eventCount()).isZero();
    assertThat(allEvents()).isEmpty();
  }

  @Test
  void acceptsTheSameDocumentTwiceAndRefusesAnEventIdReusedForOtherContent() {
    byte[] body = EpcisFixtures.read("JSON/Example_9.6.1-ObjectEvent.jsonld");
    server.post(CAPTURE, body, "application/ld+json", server.recorderToken());

    Response again = server.post(CAPTURE, body, "application/ld+json", server.recorderToken());
    String otherContent =
        new String(body, StandardCharsets.UTF_8).replaceFirst("in_transit", "in_progress");
    Response changed = server.post(CAPTURE, otherContent, server.recorderToken());

    assertThat(again.json().get("success").asBoolean()).isTrue();
    assertThat(changed.json().get("success").asBoolean()).isFalse();
    assertThat(changed.json().get("errors").toString()).contains("other content");
    assertThat(allEvents()).hasSize(2);
  }

  @Test
  void listsCaptureJobsAndAnswers404ForAnUnknownOne() {
    server.post(
        CAPTURE,
        EpcisFixtures.read("JSON/Example_9.6.2-ObjectEvent.jsonld"),
        "application/ld+json",
        server.recorderToken());

    Response jobs = server.get(CAPTURE);
    Response unknown = server.get(CAPTURE + "/capture-nothing");

    assertThat(jobs.status()).isEqualTo(200);
    assertThat(jobs.json()).hasSize(1);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("type").asText())
        .isEqualTo("epcisException:NoSuchResourceException");
  }

  private JsonNode queryByEventId(String eventId) {
    Response response =
        server.get(
            "/epcis/events?EQ_eventID=" + URLEncoder.encode(eventId, StandardCharsets.UTF_8));
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    return response.json().get("epcisBody").get("queryResults").get("resultsBody").get("eventList");
  }

  private List<JsonNode> allEvents() {
    Response response = server.get("/epcis/events?perPage=1000");
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    return eventList(response.json());
  }

  static List<JsonNode> eventList(JsonNode queryDocument) {
    List<JsonNode> events = new ArrayList<>();
    queryDocument
        .get("epcisBody")
        .get("queryResults")
        .get("resultsBody")
        .get("eventList")
        .forEach(events::add);
    return events;
  }

  private static List<JsonNode> events(JsonNode document) {
    JsonNode body = document.get("epcisBody");
    JsonNode list =
        body.has("eventList")
            ? body.get("eventList")
            : body.get("queryResults").get("resultsBody").get("eventList");
    List<JsonNode> events = new ArrayList<>();
    list.forEach(events::add);
    return events;
  }
}
