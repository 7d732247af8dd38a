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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.oretrace.core.Violation;
import org.oretrace.store.json.Json;

/**
 * Validates EPCIS 2.0 documents against GS1's JSON Schema (EPCIS-JSON-Schema.json, a resource
 * beside this class with GS1's LICENSE and SOURCE). The schema is loaded once; networknt's
 * validator is thread-safe once built. Errors name the event by its position in the event list.
 *
 * <p>Validation was most of the cost of EPCIS capture, so a document is first checked the cheap
 * way: a yes-or-no answer of {@link CompiledSchema}, the same schema compiled into direct tree
 * checks (held to networknt's verdict by its test), the event list cut in chunks of {@value
 * #CHUNK_EVENTS} events. The schema puts no condition across the items of {@code eventList}, so the
 * document is valid exactly when every chunk, with the document's other fields, is. Only a document
 * found invalid is validated again in full, to name every problem. {@link #start} begins that check
 * on other threads and hands back a {@link Check}: the capture maps the events meanwhile, then
 * helps check the chunks still unclaimed and waits for the answer before it writes anything, so on
 * two cores mapping costs no wall time.
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

  /** The events of one chunk of the check, about. */
  private static final int CHUNK_EVENTS = 100;

  private final Schema schema;
  private final Predicate<JsonNode> judge;

  SchemaValidation() {
    this(true, true);
  }

  /**
   * @param enumerationsFirst whether {@code anyOf} branches are reordered (always, but for the test
   *     that shows the reordered schema judges as GS1's file does)
   * @param compiled whether the yes-or-no check is {@link CompiledSchema} rather than networknt's
   *     boolean output (always, but for the tests that compare the two)
   */
  SchemaValidation(boolean enumerationsFirst, boolean compiled) {
    byte[] text;
    try (InputStream input = SchemaValidation.class.getResourceAsStream(RESOURCE)) {
      if (input == null) {
        throw new IllegalStateException("the EPCIS JSON Schema is missing from the classpath");
      }
      text = input.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode tree = Json.parse(text);
    if (enumerationsFirst) {
      enumerationsFirst(tree);
      text = Json.bytes(tree);
    }
    Schema loaded =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
            .getSchema(new ByteArrayInputStream(text));
    schema = loaded;
    judge =
        compiled
            ? CompiledSchema.of(tree)::valid
            : document -> loaded.validate(document, OutputFormat.BOOLEAN);
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
    return start(document).violations();
  }

  /**
   * Starts the yes-or-no check of the document on the common pool's threads (as many as there are
   * other processors); {@link Check#violations} helps finish it and answers.
   */
  Check start(JsonNode document) {
    Check check = new Check(document, parts(document));
    int helpers = Math.min(check.parts.size() - 1, Runtime.getRuntime().availableProcessors() - 1);
    for (int helper = 0; helper < helpers; helper++) {
      ForkJoinPool.commonPool().execute(check::work);
    }
    return check;
  }

  /** The documents to check: the document itself, or one per chunk of its event list. */
  private static List<JsonNode> parts(JsonNode document) {
    JsonNode body = document.path("epcisBody");
    boolean queryDocument = body.has("queryResults");
    JsonNode events =
        queryDocument
            ? body.path("queryResults").path("resultsBody").path("eventList")
            : body.path("eventList");
    int chunks = events.size() / CHUNK_EVENTS;
    if (!document.isObject() || !events.isArray() || chunks < 2) {
      return List.of(document);
    }
    int size = events.size();
    List<JsonNode> parts = new ArrayList<>(chunks);
    for (int chunk = 0; chunk < chunks; chunk++) {
      ArrayNode part = Json.array();
      for (int index = size * chunk / chunks; index < size * (chunk + 1) / chunks; index++) {
        part.add(events.get(index));
      }
      parts.add(withEvents(document, part, queryDocument));
    }
    return parts;
  }

  /**
   * A check under way: the parts are claimed one at a time by whichever thread is free, the helpers
   * started with it and the thread that asks for the answer.
   */
  final class Check {

    private final JsonNode document;
    private final List<JsonNode> parts;
    private final AtomicInteger nextPart = new AtomicInteger();
    private final CountDownLatch checked;
    private volatile boolean invalid;
    private List<Violation> violations;

    private Check(JsonNode document, List<JsonNode> parts) {
      this.document = document;
      this.parts = parts;
      this.checked = new CountDownLatch(parts.size());
    }

    /** Checks unclaimed parts until none is left (after a refusal, the rest are skipped). */
    private void work() {
      for (int part = nextPart.getAndIncrement();
          part < parts.size();
          part = nextPart.getAndIncrement()) {
        try {
          if (!invalid && !judge.test(parts.get(part))) {
            invalid = true;
          }
        } catch (RuntimeException e) {
          // The full validation below meets the same problem and reports it.
          invalid = true;
        } finally {
          checked.countDown();
        }
      }
    }

    /**
     * Helps finish the check, waits for it, and answers every schema violation of the document (at
     * most 50), or an empty list.
     */
    synchronized List<Violation> violations() {
      if (violations != null) {
        return violations;
      }
      work();
      boolean interrupted = false;
      while (true) {
        try {
          checked.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      violations = invalid ? allViolations(document) : List.of();
      return violations;
    }
  }

  private List<Violation> allViolations(JsonNode document) {
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
