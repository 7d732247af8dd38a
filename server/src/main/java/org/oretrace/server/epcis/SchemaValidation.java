package org.oretrace.server.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.oretrace.core.Violation;

/**
 * Validates EPCIS 2.0 documents against GS1's JSON Schema (EPCIS-JSON-Schema.json, a resource
 * beside this class with GS1's LICENSE and SOURCE). The schema is loaded once; networknt's
 * validator is thread-safe once built. Errors name the event by its position in the event list.
 */
final class SchemaValidation {

  private static final String RESOURCE = "EPCIS-JSON-Schema.json";
  private static final String EVENT_LIST = "/eventList/";
  private static final int MAX_ERRORS = 50;

  private final Schema schema;

  SchemaValidation() {
    try (InputStream input = SchemaValidation.class.getResourceAsStream(RESOURCE)) {
      if (input == null) {
        throw new IllegalStateException("the EPCIS JSON Schema is missing from the classpath");
      }
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(input);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every schema violation of the document (at most 50), or an empty list. */
  List<Violation> validate(JsonNode document) {
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
