package org.oretrace.server.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.oretrace.server.Fixtures;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;

/**
 * Query answers in EPCIS 2.0 XML: every GS1 example (JSON-LD and XML) is captured, queried back as
 * JSON and as XML, and the XML, read again by {@link XmlDocuments} (the capture path's converter),
 * must give the same events as the JSON answer, field by field, and pass GS1's JSON Schema.
 */
class XmlAnswersTest {

  private final TestServer server = new TestServer();

  @AfterEach
  void stop() {
    server.close();
  }

  static Stream<String> gs1Examples() {
    return Stream.concat(
        EpcisFixtures.gs1JsonExamples().stream(), EpcisFixtures.gs1XmlExamples().stream());
  }

  @ParameterizedTest
  @MethodSource("gs1Examples")
  void everyGs1ExampleComesBackAsXmlWithNoFieldLost(String example) {
    String mediaType = example.endsWith(".xml") ? "application/xml" : "application/ld+json";
    Response captured =
        server.post(
            "/epcis/capture", EpcisFixtures.read(example), mediaType, server.recorderToken());
    assertThat(captured.status()).as(captured.text()).isEqualTo(202);
    assertThat(captured.json().get("success").asBoolean()).as(captured.text()).isTrue();

    Response json = server.get("/epcis/events?perPage=1000", "Accept", "application/ld+json");
    Response xml = server.get("/epcis/events?perPage=1000", "Accept", "application/xml");

    assertThat(xml.status()).as(xml.text()).isEqualTo(200);
    assertThat(xml.contentType()).startsWith("application/xml");
    assertThat(xml.text()).contains("urn:epcglobal:epcis-query:xsd:2", "<EventList>");
    assertThat(new XmlSchemaValidation().validate(xml.text().getBytes(StandardCharsets.UTF_8)))
        .as("GS1's XSD judges the answer")
        .isEmpty();
    JsonNode reread = XmlDocuments.toJson(xml.text().getBytes(StandardCharsets.UTF_8));
    assertThat(new SchemaValidation().validate(reread)).as(xml.text()).isEmpty();
    List<JsonNode> expected = CaptureEndpointsTest.eventList(json.json());
    List<JsonNode> actual = CaptureEndpointsTest.eventList(reread);
    assertThat(actual).hasSameSizeAs(expected).isNotEmpty();
    for (int index = 0; index < expected.size(); index++) {
      List<String> differences = new ArrayList<>();
      compare("", expected.get(index), actual.get(index), differences);
      assertThat(differences)
          .as("%s event %d:%n%s%nXML:%n%s", example, index, expected.get(index), xml.text())
          .isEmpty();
    }
  }

  @Test
  void writesCbvValuesAsUrnsAndExtensionsInTheirNamespaces() {
    server.post(
        "/epcis/capture",
        EpcisFixtures.read("XML/ObjectEvent.xml"),
        "application/xml",
        server.recorderToken());

    String xml = server.get("/epcis/events", "Accept", "application/xml").text();

    assertThat(xml)
        .contains("<bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep>")
        .contains("<disposition>urn:epcglobal:cbv:disp:in_transit</disposition>")
        .contains("<bizTransaction type=\"urn:epcglobal:cbv:btt:po\">")
        .contains("xmlns:example=\"http://ns.example.com/epcis\"")
        .contains("<example:userElement><anotherElement>elementData</anotherElement>")
        .contains("<quantity>150</quantity>");
    // The XSD's order: eventTime, recordTime, eventTimeZoneOffset, ..., epcList, action, bizStep.
    assertThat(xml.indexOf("<eventTime>")).isLessThan(xml.indexOf("<recordTime>"));
    assertThat(xml.indexOf("<recordTime>")).isLessThan(xml.indexOf("<eventTimeZoneOffset>"));
    assertThat(xml.indexOf("<epcList>")).isLessThan(xml.indexOf("<action>"));
    assertThat(xml.indexOf("<action>")).isLessThan(xml.indexOf("<bizStep>"));
  }

  @Test
  void negotiatesEveryQueryRoute() {
    server.seedRegistry();
    server.post("/api/v1/events", Fixtures.CHAIN, server.recorderToken());

    for (String path :
        List.of(
            "/epcis/events",
            "/epcis/events/urn:oretrace:event:e-merge",
            "/epcis/eventTypes",
            "/epcis/eventTypes/ObjectEvent/events",
            "/epcis/epcs/urn:oretrace:lot:LOT-A/events",
            "/epcis/bizSteps",
            "/epcis/bizSteps/shipping/events")) {
      Map<String, String> expected =
          Map.of(
              "application/xml",
              "application/xml",
              "text/xml",
              "application/xml",
              "application/json",
              "application/json",
              "application/ld+json",
              "application/ld+json",
              "*/*",
              "application/json",
              "text/html,application/xml;q=0.9,*/*;q=0.8",
              "application/xml",
              "application/json;q=0.5, application/xml;q=0.4",
              "application/json");
      expected.forEach(
          (accept, contentType) -> {
            Response response = server.get(path, "Accept", accept);
            assertThat(response.status()).as(path + " " + accept).isEqualTo(200);
            assertThat(response.contentType()).as(path + " " + accept).startsWith(contentType);
          });
      Response refused = server.get(path, "Accept", "text/html");
      assertThat(refused.status()).as(path).isEqualTo(406);
      assertThat(refused.json().get("type").asText())
          .isEqualTo("epcisException:NotAcceptableException");
    }
    String event =
        server.get("/epcis/events/urn:oretrace:event:e-merge", "Accept", "text/xml").text();
    JsonNode reread = XmlDocuments.toJson(event.getBytes(StandardCharsets.UTF_8));
    assertThat(CaptureEndpointsTest.eventList(reread))
        .singleElement()
        .satisfies(
            merge ->
                assertThat(merge.get("parentID").asText()).isEqualTo("urn:oretrace:lot:LOT-M"));
    assertThat(server.get("/epcis/eventTypes", "Accept", "application/xml").text())
        .contains("<member>AggregationEvent</member>");
  }

  @Test
  void nativeEventsServedAsXmlRecaptureIntoTheSameCustodyRecord() {
    server.seedRegistry();
    server.post("/api/v1/events", Fixtures.CHAIN, server.recorderToken());
    Response json = server.get("/epcis/events?perPage=1000");
    Response xml = server.get("/epcis/events?perPage=1000", "Accept", "application/xml");
    List<JsonNode> expected = CaptureEndpointsTest.eventList(json.json());
    List<JsonNode> actual =
        CaptureEndpointsTest.eventList(
            XmlDocuments.toJson(xml.text().getBytes(StandardCharsets.UTF_8)));
    assertThat(actual).hasSameSizeAs(expected);
    for (int index = 0; index < expected.size(); index++) {
      List<String> differences = new ArrayList<>();
      compare("", expected.get(index), actual.get(index), differences);
      assertThat(differences).as("event %d: %s", index, xml.text()).isEmpty();
    }

    try (TestServer other = new TestServer()) {
      other.seedRegistry();
      Response capture =
          other.post(
              "/epcis/capture",
              xml.text().getBytes(StandardCharsets.UTF_8),
              "application/xml",
              other.recorderToken());

      assertThat(capture.status()).as(capture.text()).isEqualTo(202);
      assertThat(capture.json().get("success").asBoolean()).as(capture.text()).isTrue();
      assertThat(other.store().custody().eventCount()).isEqualTo(10);
      assertThat(other.get("/api/v1/lots/LOT-P/trace").json())
          .isEqualTo(server.get("/api/v1/lots/LOT-P/trace").json());
      assertThat(other.get("/api/v1/lots/LOT-M").json())
          .isEqualTo(server.get("/api/v1/lots/LOT-M").json());
    }
  }

  /**
   * Collects where two event trees differ. XML has no JSON types, so a number or a boolean equals
   * the text that spells it, and an array of one value equals that value (a repeated element cannot
   * tell one from the other); everything else must be equal.
   */
  static void compare(String path, JsonNode expected, JsonNode actual, List<String> differences) {
    if (actual == null) {
      differences.add(path + " is missing");
      return;
    }
    if (expected.isArray() && expected.size() == 1 && !actual.isArray()) {
      compare(path + "[0]", expected.get(0), actual, differences);
      return;
    }
    if (expected.isObject()) {
      if (!actual.isObject()) {
        differences.add(path + ": expected an object, got " + actual);
        return;
      }
      for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        compare(path + "/" + name, expected.get(name), actual.get(name), differences);
      }
      for (Iterator<String> names = actual.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!expected.has(name)) {
          differences.add(path + "/" + name + " was added: " + actual.get(name));
        }
      }
    } else if (expected.isArray()) {
      if (!actual.isArray() || actual.size() != expected.size()) {
        differences.add(path + ": expected " + expected + ", got " + actual);
        return;
      }
      for (int index = 0; index < expected.size(); index++) {
        compare(path + "[" + index + "]", expected.get(index), actual.get(index), differences);
      }
    } else if (!sameScalar(expected, actual)) {
      differences.add(path + ": expected " + expected + ", got " + actual);
    }
  }

  private static boolean sameScalar(JsonNode expected, JsonNode actual) {
    if (expected.equals(actual)) {
      return true;
    }
    if (expected.isNumber() || actual.isNumber()) {
      try {
        return new BigDecimal(expected.asText()).compareTo(new BigDecimal(actual.asText())) == 0;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return expected.asText().equals(actual.asText())
        && expected.isValueNode()
        && actual.isValueNode();
  }
}
