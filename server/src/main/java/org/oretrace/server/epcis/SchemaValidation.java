package org.oretrace.server.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.oretrace.core.Violation;
import org.oretrace.store.json.Json;

/**
 * Validates EPCIS 2.0 documents against GS1's JSON Schema (EPCIS-JSON-Schema.json, a resource
 * beside this class with GS1's LICENSE and SOURCE). The schema is loaded once; networknt's
 * validator is thread-safe once built. Errors name the event by its position in the event list.
 *
 * <p>Validation is most of the cost of EPCIS capture, so a document is first checked the cheap way:
 * a yes-or-no answer (networknt's boolean output, which builds no error messages), the event list
 * cut in chunks checked in parallel. The schema puts no condition across the items of {@code
 * eventList}, so the document is valid exactly when every chunk, with the document's other fields,
 * is. Only a document found invalid is validated again in full, to name every problem.
 *
 * <p>The schema is loaded with the branches of every {@code anyOf} reordered, plain enumerations
 * first. GS1 writes the allowed property names of an event as {@code anyOf: [{$ref: common names or
 * any URI}, {enum: this type's names}]}, so each standard field such as {@code action} was first
 * tried, and failed, as a URI before its enumeration matched; the validator stops at the first
 * branch that holds, and {@code anyOf} is a disjunction, so the order changes the cost and never
 * the verdict ({@code SchemaValidationTest} compares both on every GS1 example and on mutated
 * documents). Validating simulated events took about a quarter less CPU time.
 */
final class SchemaValidation {

  private static final String RESOURCE = "EPCIS-JSON-Schema.json";
  private static final String EVENT_LIST = "/eventList/";
  private static final int MAX_ERRORS = 50;

  /** The fewest events worth a chunk of their own in the parallel check. */
  private static final int CHUNK_EVENTS = 200;

  private final Schema schema;

  SchemaValidation() {
    this(true);
  }

  /**
   * @param enumerationsFirst whether {@code anyOf} branches are reordered (always, but for the test
   *     that shows the reordered schema judges as GS1's file does)
   */
  SchemaValidation(boolean enumerationsFirst) {
    byte[] text;
    try (InputStream input = SchemaValidation.class.getResourceAsStream(RESOURCE)) {
      if (input == null) {
        throw new IllegalStateException("the EPCIS JSON Schema is missing from the classpath");
      }
      text = input.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (enumerationsFirst) {
      JsonNode tree = Json.parse(text);
      enumerationsFirst(tree);
      text = Json.bytes(tree);
    }
    schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
            .getSchema(new ByteArrayInputStream(text));
  }

  /** Puts the plain enumerations of every {@code anyOf} before its other branches, in place. */
  private static void enumerationsFirst(JsonNode node) {
    if (node.isObject()) {
      JsonNode anyOf = node.get("anyOf");
      if (anyOf != null && anyOf.isArray()) {
        List<JsonNode> enumerations = new ArrayList<>();
        List<JsonNode> others = new ArrayList<>();
        for (JsonNode branch : anyOf) {
          (branch.has("enum") && !branch.has("$ref") ? enumerations : others).add(branch);
        }
        ArrayNode reordered = (ArrayNode) anyOf;
        reordered.removeAll();
        enumerations.forEach(reordered::add);
        others.forEach(reordered::add);
      }
      node.forEach(SchemaValidation::enumerationsFirst);
    } else if (node.isArray()) {
      node.forEach(SchemaValidation::enumerationsFirst);
    }
  }

  /** Every schema violation of the document (at most 50), or an empty list. */
  List<Violation> validate(JsonNode document) {
    if (isValid(document)) {
      return List.of();
    }
    List<Violation> violations = new ArrayList<>();
    for (Error error : schema.validate(document)) {
      if (violations.size() == MAX_ERRORS) {
        break;
      }
      String pointer = error.getInstanceLocation().toString();
      violations.add(violation(pointer, error.getMessage()));
    }
    return violations.stream().distinct().toList();
  }

  /** Whether the document is valid, without collecting errors; large event lists in parallel. */
  private boolean isValid(JsonNode document) {
    JsonNode body = document.path("epcisBody");
    boolean queryDocument = body.has("queryResults");
    JsonNode events =
        queryDocument
            ? body.path("queryResults").path("resultsBody").path("eventList")
            : body.path("eventList");
    int chunks = Math.min(Runtime.getRuntime().availableProcessors(), events.size() / CHUNK_EVENTS);
    if (!document.isObject() || !events.isArray() || chunks < 2) {
      return schema.validate(document, OutputFormat.BOOLEAN);
    }
    int size = events.size();
    return IntStream.range(0, chunks)
        .parallel()
        .allMatch(
            chunk -> {
              ArrayNode part = Json.array();
              for (int index = size * chunk / chunks;
                  index < size * (chunk + 1) / chunks;
                  index++) {
                part.add(events.get(index));
              }
              return schema.validate(
                  withEvents(document, part, queryDocument), OutputFormat.BOOLEAN);
            });
  }

  /** A shallow copy of the document with another event list (the events are shared, not copied). */
  private static ObjectNode withEvents(JsonNode document, ArrayNode events, boolean queryDocument) {
    ObjectNode copy = ((ObjectNode) document).objectNode();
    copy.setAll((ObjectNode) document);
    ObjectNode body = copy.objectNode();
    body.setAll((ObjectNode) document.get("epcisBody"));
    copy.set("epcisBody", body);
    if (queryDocument) {
      ObjectNode results = body.objectNode();
      results.setAll((ObjectNode) body.get("queryResults"));
      body.set("queryResults", results);
      ObjectNode resultsBody = results.objectNode();
      resultsBody.setAll((ObjectNode) results.get("resultsBody"));
      results.set("resultsBody", resultsBody);
      resultsBody.set("eventList", events);
    } else {
      body.set("eventList", events);
    }
    return copy;
  }

  private static Violation violation(String location, String message) {
    String pointer = location.startsWith("$") ? toPointer(location) : location;
    int item = -1;
    String field = pointer;
    int at = pointer.indexOf(EVENT_LIST);
    if (at >= 0) {
      String rest = pointer.substring(at + EVENT_LIST.length());
      int slash = rest.indexOf('/');
      String index = slash < 0 ? rest : rest.substring(0, slash);
      try {
        item = Integer.parseInt(index);
        field = slash < 0 ? "" : rest.substring(slash + 1);
      } catch (NumberFormatException e) {
        item = -1;
      }
    }
    return Violation.of(item, field, message);
  }

  /** "$.epcisBody.eventList[0].action" to "/epcisBody/eventList/0/action". */
  private static String toPointer(String path) {
    return path.substring(1).replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
  }
}
