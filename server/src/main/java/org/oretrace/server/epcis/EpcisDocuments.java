package org.oretrace.server.epcis;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.store.json.Json;

/**
 * Reads a capture request's body into its events: JSON-LD ({@code application/ld+json}, {@code
 * application/json}) or XML ({@code application/xml}, {@code text/xml}, converted by {@link
 * XmlDocuments}); either way the document is validated against GS1's JSON Schema before any event
 * is written, and XML first against GS1's XSD ({@link XmlSchemaValidation}). An EPCISDocument, an
 * EPCISQueryDocument (its result events) or a single event is accepted, as the REST binding asks.
 *
 * <p>The JSON Schema check runs in the background ({@link SchemaValidation#start}) while the events
 * are mapped; the capture calls {@link Captured#requireValid} before it writes anything, so a
 * document the schema refuses is refused with the schema's errors and stores nothing, as before.
 * Events are handed over as they are in the parsed document, not copied: only an event that the
 * capture will change (one without eventID) or that carries its own {@code @context} is copied, so
 * that the tree the check reads is never written to while it runs.
 */
final class EpcisDocuments {

  private final SchemaValidation schema = new SchemaValidation();
  private final XmlSchemaValidation xmlSchema = new XmlSchemaValidation();

  /** A document's {@code @context}, its events, in order, and its schema check under way. */
  record Captured(JsonNode context, List<ObjectNode> events, SchemaValidation.Check check) {
    Captured {
      requireNonNull(context, "context is null");
      events = List.copyOf(requireNonNull(events, "events is null"));
      requireNonNull(check, "check is null");
    }

    /** Waits for the schema check: a ValidationException with its errors when it failed. */
    void requireValid() {
      List<Violation> violations = check.violations();
      if (!violations.isEmpty()) {
        throw EpcisProblem.validation(violations);
      }
    }
  }

  Captured read(byte[] body, String contentType) {
    if (body.length == 0) {
      throw EpcisProblem.validation(List.of(Violation.of(-1, "", "the request has no body")));
    }
    String mediaType =
        contentType == null
            ? "application/json"
            : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    JsonNode document =
        switch (mediaType) {
          case "application/json", "application/ld+json" -> parseJson(body);
          case "application/xml", "text/xml" -> parseXml(body);
          default ->
              throw new EpcisProblem(
                  415,
                  EpcisProblem.UNSUPPORTED_MEDIA_TYPE,
                  "send application/ld+json, application/json or application/xml, not " + mediaType,
                  List.of());
        };
    SchemaValidation.Check check = schema.start(document);
    Captured captured = events(document, check);
    if (captured == null) {
      // Not a list of objects: the schema says why (it refuses every such document).
      List<Violation> violations = check.violations();
      throw EpcisProblem.validation(
          violations.isEmpty()
              ? List.of(Violation.of(-1, "epcisBody/eventList", "an event is not a JSON object"))
              : violations);
    }
    return captured;
  }

  /** Checked against GS1's XSD first, so XML is refused with the XML binding's own rules. */
  private JsonNode parseXml(byte[] body) {
    List<Violation> violations = xmlSchema.validate(body);
    if (!violations.isEmpty()) {
      throw EpcisProblem.validation(violations);
    }
    return XmlDocuments.toJson(body);
  }

  /** GS1's own examples repeat a name (AssociationEvent-h: eventID), so repeats are allowed. */
  private static JsonNode parseJson(byte[] body) {
    try {
      return Json.parseAllowingRepeatedNames(body);
    } catch (InvalidInputException e) {
      throw EpcisProblem.validation(e.violations());
    }
  }

  /** The document's events, or null when one of them is not a JSON object. */
  private static Captured events(JsonNode document, SchemaValidation.Check check) {
    JsonNode context = document.has("@context") ? document.get("@context") : Json.array();
    String type = document.path("type").asText();
    JsonNode list =
        switch (type) {
          case "EPCISDocument" -> document.path("epcisBody").path("eventList");
          case "EPCISQueryDocument" ->
              document.path("epcisBody").path("queryResults").path("resultsBody").path("eventList");
          default -> Json.array().add(document);
        };
    List<ObjectNode> events = new ArrayList<>();
    for (JsonNode node : list) {
      if (!(node instanceof ObjectNode event)) {
        return null;
      }
      if (event.has("@context") || !event.hasNonNull("eventID")) {
        ObjectNode copy = event.deepCopy();
        copy.remove("@context");
        events.add(copy);
      } else {
        events.add(event);
      }
    }
    if (events.isEmpty()) {
      List<Violation> violations = check.violations();
      throw EpcisProblem.validation(
          violations.isEmpty()
              ? List.of(Violation.of(-1, "epcisBody/eventList", "the document holds no event"))
              : violations);
    }
    return new Captured(context, events, check);
  }
}
