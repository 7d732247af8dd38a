package org.oretrace.store.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.store.Fixtures;
import org.oretrace.store.GeneratedEvents;

class StreamingEventDecoderTest {

  /** What decoding gave: the events, or the violations of the refusal. */
  private record Outcome(List<CustodyEvent> events, List<Violation> violations) {}

  /** Ids for events without one, the same sequence for each way of decoding. */
  private static Supplier<String> ids() {
    int[] next = {0};
    return () -> "supplied-" + next[0]++;
  }

  private static Outcome treeWay(byte[] body) {
    return treeWay(Json.parse(body));
  }

  private static Outcome treeWay(JsonNode batch) {
    try {
      return new Outcome(EventJson.decodeTree(batch, ids()), null);
    } catch (InvalidInputException e) {
      return new Outcome(null, e.violations());
    }
  }

  /**
   * A batch already a tree (a field batch): streamed over the tree, the tree way when irregular.
   */
  private static Outcome overTheTree(JsonNode batch) {
    try {
      return new Outcome(EventJson.decodeBatch(batch, ids()), null);
    } catch (InvalidInputException e) {
      return new Outcome(null, e.violations());
    }
  }

  private static Outcome streamingWay(byte[] body) {
    try {
      return new Outcome(EventJson.decodeBatch(body, Json::parse, ids()), null);
    } catch (InvalidInputException e) {
      return new Outcome(null, e.violations());
    }
  }

  @Test
  void generatedBatchesOfEveryTypeAreDecodedFromTheTokenStreamAsTheTreeDecodesThem() {
    GeneratedEvents generated = new GeneratedEvents(42);
    for (int batch = 0; batch < 200; batch++) {
      List<CustodyEvent> events = generated.events(100);
      byte[] body = Json.bytes(EventJson.encodeAll(events));
      List<CustodyEvent> streamed = StreamingEventDecoder.decode(body, ids());
      assertThat(streamed).as("batch %d took the streaming way", batch).isNotNull();
      assertThat(streamed).isEqualTo(treeWay(body).events()).hasSize(events.size());
      JsonNode tree = Json.parse(body);
      assertThat(StreamingEventDecoder.decode(tree, ids()))
          .as("batch %d took the streaming way over its tree", batch)
          .isEqualTo(streamed);
    }
  }

  @Test
  void theFixtureChainInAnyMemberOrderWithNullOptionalsAndWithoutIdsIsDecodedAlike() {
    ArrayNode batch = EventJson.encodeAll(Fixtures.chain());
    ArrayNode shuffled = Json.array();
    SplittableRandom random = new SplittableRandom(3);
    for (JsonNode event : batch) {
      List<String> names = new ArrayList<>();
      event.fieldNames().forEachRemaining(names::add);
      ObjectNode copy = Json.object();
      while (!names.isEmpty()) {
        String name = names.remove(random.nextInt(names.size()));
        if (!name.equals("id") || random.nextBoolean()) {
          copy.set(name, event.get(name));
        }
      }
      copy.putNull("evidence");
      shuffled.add(copy);
    }
    byte[] body = Json.bytes(shuffled);
    assertThat(StreamingEventDecoder.decode(body, ids())).isNotNull();
    assertThat(streamingWay(body)).isEqualTo(treeWay(body));
  }

  /**
   * Batches altered one value at a time, as a careless or hostile sender would: both ways give the
   * same events or the same violations (item, field, message), and the ids supplied are the same.
   */
  @Test
  void alteredBatchesGiveTheSameEventsOrTheSameViolationsBothWays() {
    GeneratedEvents generated = new GeneratedEvents(7);
    SplittableRandom random = new SplittableRandom(11);
    int refused = 0;
    int accepted = 0;
    for (int batch = 0; batch < 3_000; batch++) {
      ArrayNode events = EventJson.encodeAll(generated.events(random.nextInt(1, 6)));
      int alterations = random.nextInt(1, 3);
      for (int alteration = 0; alteration < alterations; alteration++) {
        alter((ObjectNode) events.get(random.nextInt(events.size())), random);
      }
      byte[] body = Json.bytes(events);
      Outcome expected = treeWay(body);
      assertThat(streamingWay(body)).as("%s", events).isEqualTo(expected);
      // The altered tree itself, as a field batch holds it (doubles, big numbers and all): the
      // streaming way over the tree agrees with the tree way on it too.
      assertThat(overTheTree(events)).as("tree %s", events).isEqualTo(treeWay(events));
      if (expected.events() == null) {
        refused++;
      } else {
        accepted++;
      }
    }
    assertThat(refused).isGreaterThan(1_000);
    assertThat(accepted).isGreaterThan(200);
  }

  @Test
  void bodiesThatAreNotABatchAreRefusedAsTheTreeWayRefusesThem() {
    String event =
        new String(
            Json.bytes(EventJson.encode(Fixtures.chain().getFirst())), StandardCharsets.UTF_8);
    List<String> bodies =
        List.of(
            "",
            "  ",
            "{}",
            "[",
            "[]",
            "[] []",
            "[1]",
            "[null]",
            "[" + event + "] trailing",
            "[" + event + ",]",
            "[" + event.replace("{\"id\":", "{\"id\":\"again\",\"id\":") + "]",
            "[" + event.replace("\"place\":{", "\"place\":{\"lat\":0,") + "]",
            "[" + event.replace("\"lat\":", "\"lat\":1e400, \"x\":") + "]",
            "[" + event.replace("\"massGrams\":40000", "\"massGrams\":99999999999999999999") + "]",
            "[" + event.replace("\"massGrams\":40000", "\"massGrams\":4e4") + "]",
            "[" + event.replace("\"grade\":31.5", "\"grade\":31.50000") + "]",
            "[" + event.replace("\"grade\":31.5", "\"grade\":31") + "]",
            "[" + event.replace("\"grade\":31.5", "\"grade\":31.00001") + "]",
            "[" + event.replace("\"lat\":-1.5536", "\"lat\":-0.0") + "]",
            "[" + event.replace("\"lat\":-1.5536", "\"lat\":-1.55360000000000000000000001") + "]");
    for (String body : bodies) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      Object expected;
      try {
        expected = EventJson.decodeTree(Json.parse(bytes), ids());
      } catch (InvalidInputException e) {
        expected = e.violations();
      }
      Object actual;
      try {
        actual = EventJson.decodeBatch(bytes, Json::parse, ids());
      } catch (InvalidInputException e) {
        actual = e.violations();
      }
      assertThat(actual).as(body).isEqualTo(expected);
    }
  }

  private static final List<String> NAMES =
      List.of(
          "id",
          "type",
          "time",
          "place",
          "actor",
          "recordedBy",
          "evidence",
          "lot",
          "tagNumber",
          "site",
          "mineral",
          "massGrams",
          "grade",
          "toActor",
          "consignee",
          "transporter",
          "parts",
          "inputs",
          "output",
          "outputs",
          "laboratory",
          "fingerprint",
          "declarationNumber",
          "destination",
          "origin",
          "unknown",
          "lat",
          "lon");

  /** Changes one member of an event or of an object nested in it. */
  private static void alter(ObjectNode event, SplittableRandom random) {
    ObjectNode target = event;
    List<ObjectNode> nested = new ArrayList<>();
    collectObjects(event, nested);
    if (random.nextInt(3) == 0) {
      target = nested.get(random.nextInt(nested.size()));
    }
    List<String> present = new ArrayList<>();
    target.fieldNames().forEachRemaining(present::add);
    String name =
        random.nextInt(4) == 0 || present.isEmpty()
            ? NAMES.get(random.nextInt(NAMES.size()))
            : present.get(random.nextInt(present.size()));
    switch (random.nextInt(16)) {
      case 0 -> target.remove(name);
      case 1 -> target.putNull(name);
      case 2 -> target.put(name, "");
      case 3 -> target.put(name, "with space");
      case 4 -> target.put(name, random.nextLong(-3, 3));
      case 5 -> target.put(name, random.nextDouble(-200, 200));
      case 6 -> target.put(name, new java.math.BigDecimal("12.00001"));
      case 7 -> target.putArray(name).add("lot-x").add("lot-y");
      case 8 -> target.putObject(name).put("lot", "lot-z");
      case 9 -> target.put(name, true);
      case 10 ->
          target.put(
              name,
              List.of(
                      "tag",
                      "merge",
                      "process",
                      "split",
                      "assay",
                      "coltan",
                      "XX",
                      "RW",
                      "2025-13-01T00:00:00Z")
                  .get(random.nextInt(9)));
      case 11 -> target.put(name, "0".repeat(64));
      case 12 -> target.put(name, new java.math.BigInteger("123456789012345678901234567890"));
      case 13 -> target.put(name, Long.MAX_VALUE);
      case 14 -> target.putArray(name);
      default -> target.put(name, random.nextInt(0, 101));
    }
  }

  private static void collectObjects(JsonNode node, List<ObjectNode> objects) {
    for (JsonNode child : node) {
      if (child.isObject()) {
        objects.add((ObjectNode) child);
      }
      if (child.isContainerNode()) {
        collectObjects(child, objects);
      }
    }
    if (objects.isEmpty() && node.isObject()) {
      objects.add((ObjectNode) node);
    }
  }
}
