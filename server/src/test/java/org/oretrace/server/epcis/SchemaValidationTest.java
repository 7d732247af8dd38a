package org.oretrace.server.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oretrace.core.Violation;
import org.oretrace.store.json.Json;

/**
 * The parallel yes-or-no check must find a bad event wherever it sits in a long list; the schema
 * with its {@code anyOf} branches reordered must judge every document as GS1's file does.
 */
class SchemaValidationTest {

  private static final SchemaValidation SCHEMA = new SchemaValidation();
  private static final SchemaValidation AS_GS1_WROTE_IT = new SchemaValidation(false, false);

  /** Changes that break (or, for extension fields, keep) the validity of an event. */
  private static final List<Consumer<ObjectNode>> MUTATIONS =
      List.of(
          event -> event.put("action", "SHOUT"),
          event -> event.put("notAStandardField", 1),
          event -> event.put("example:extension", "kept"),
          event -> event.put("bizStep", 7),
          event -> event.put("bizStep", "urn:epcglobal:cbv:bizstep:shipping"),
          event -> event.put("disposition", "not a uri"),
          event -> event.remove("eventTime"),
          event -> event.put("eventTime", "yesterday"),
          event -> event.putObject("readPoint").put("id", "no uri"),
          event -> event.putObject("readPoint").put("identifier", "urn:epc:id:sgln:1.2.3"),
          event -> event.putArray("epcList").add("not a uri"),
          event -> event.putArray("epcList").add("urn:epc:id:sgtin:0614141.107346.2017"),
          event -> event.putArray("quantityList").addObject().put("quantity", 5),
          event -> event.putArray("bizTransactionList").addObject().put("type", "po"),
          event -> event.put("type", "SomethingEvent"),
          event -> event.put("eventTimeZoneOffset", "+25:00"),
          event -> event.putArray("sensorElementList").addObject().put("sensorReport", 1),
          event -> event.put("parentID", "urn:epc:id:sscc:0614141.1234567890"),
          event -> event.put("inputEPCList", "urn:epc:id:sgtin:0614141.107346.2017"),
          event -> event.putObject("errorDeclaration").put("declarationTime", "now"),
          event -> event.putObject("ilmd").put("ex:batch", "B1"),
          event -> event.put("persistentDisposition", "active"));

  @Test
  void judgesEveryExampleAndMutationAsGs1sSchemaDoes() {
    int judged = 0;
    int invalid = 0;
    for (String example : EpcisFixtures.gs1JsonExamples()) {
      JsonNode document = Json.parseAllowingRepeatedNames(EpcisFixtures.read(example));
      assertThat(SCHEMA.validate(document).isEmpty())
          .as(example)
          .isEqualTo(AS_GS1_WROTE_IT.validate(document).isEmpty());
      JsonNode events = document.at("/epcisBody/eventList");
      for (int index = 0; index < events.size(); index++) {
        for (int mutation = 0; mutation < MUTATIONS.size(); mutation++) {
          JsonNode mutated = document.deepCopy();
          MUTATIONS
              .get(mutation)
              .accept((ObjectNode) mutated.at("/epcisBody/eventList").get(index));
          boolean valid = AS_GS1_WROTE_IT.validate(mutated).isEmpty();
          assertThat(SCHEMA.validate(mutated).isEmpty())
              .as(example + " event " + index + " mutation " + mutation)
              .isEqualTo(valid);
          judged++;
          invalid += valid ? 0 : 1;
        }
      }
    }
    assertThat(judged).isGreaterThan(500);
    assertThat(invalid).as("most mutations break the event").isGreaterThan(judged / 2);
    assertThat(judged - invalid).as("some keep it valid").isPositive();
  }

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
