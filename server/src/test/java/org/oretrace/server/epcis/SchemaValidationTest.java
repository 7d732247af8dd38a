package org.oretrace.server.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oretrace.core.Violation;
import org.oretrace.store.json.Json;

/** The parallel yes-or-no check must find a bad event wherever it sits in a long list. */
class SchemaValidationTest {

  private static final SchemaValidation SCHEMA = new SchemaValidation();

  private static ObjectNode document(int events) {
    JsonNode example = Json.parse(EpcisFixtures.read("JSON/Example_9.6.1-ObjectEvent.jsonld"));
    ObjectNode document = (ObjectNode) example.deepCopy();
    JsonNode template = example.get("epcisBody").get("eventList").get(0);
    ArrayNode list = Json.array();
    for (int index = 0; index < events; index++) {
      ObjectNode event = (ObjectNode) template.deepCopy();
      event.put("eventID", "urn:uuid:00000000-0000-4000-8000-" + String.format("%012d", index));
      list.add(event);
    }
    ((ObjectNode) document.get("epcisBody")).set("eventList", list);
    return document;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 199, 777, 1999})
  void findsTheOneBadEventOfTwoThousandWhereverItIs(int bad) {
    ObjectNode document = document(2000);
    assertThat(SCHEMA.validate(document)).isEmpty();

    ObjectNode event = (ObjectNode) document.get("epcisBody").get("eventList").get(bad);
    event.put("action", "SHOUT");

    assertThat(SCHEMA.validate(document))
        .isNotEmpty()
        .allSatisfy(violation -> assertThat(violation.item()).isEqualTo(bad))
        .extracting(Violation::field)
        .contains("action");
  }

  @ParameterizedTest
  @ValueSource(ints = {5, 600})
  void checksTheDocumentsOwnFieldsToo(int events) {
    ObjectNode document = document(events);
    document.put("schemaVersion", 2);

    assertThat(SCHEMA.validate(document)).isNotEmpty();
  }
}
