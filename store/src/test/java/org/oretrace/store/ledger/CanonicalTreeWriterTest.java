package org.oretrace.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oretrace.core.GeoPoint;
import org.oretrace.core.Grade;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.custody.EventContext;
import org.oretrace.core.ledger.CanonicalJson;
import org.oretrace.core.registry.Mineral;
import org.oretrace.store.Fixtures;
import org.oretrace.store.json.EventJson;
import org.oretrace.store.json.Json;

class CanonicalTreeWriterTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<Mineral> MINERALS = List.of(Mineral.values());

  /** What the ledger wrote before this writer: the plain values through {@link CanonicalJson}. */
  private static byte[] reference(JsonNode node) {
    return CanonicalJson.encode(LedgerEntries.plain(node));
  }

  @Test
  void theFixtureEventsAndTheirRoundTripsEncodeAsCanonicalJsonDoes() {
    for (CustodyEvent event : Fixtures.chain()) {
      ObjectNode wire = EventJson.encode(event);
      assertThat(CanonicalTreeWriter.encode(wire)).isEqualTo(reference(wire));
      JsonNode reparsed = Json.parse(Json.bytes(wire));
      assertThat(CanonicalTreeWriter.encode(reparsed)).isEqualTo(reference(wire));
    }
  }

  @Test
  void generatedTagsWithEveryGradeAndCoordinateEncodeAsCanonicalJsonDoes() {
    SplittableRandom random = new SplittableRandom(20261129);
    for (int number = 0; number < 20_000; number++) {
      GeoPoint place =
          new GeoPoint(
              Math.round(random.nextDouble(-90, 90) * 1e6) / 1e6,
              random.nextInt(4) == 0 ? random.nextDouble(-180, 180) : random.nextInt(-180, 181));
      CustodyEvent tag =
          new Tag(
              new EventContext(
                  "ev-" + number,
                  Fixtures.START.plusSeconds(random.nextLong(0, 1L << 31)),
                  place,
                  "coop-" + random.nextInt(1000),
                  switch (number % 3) {
                    case 0 -> "device \"quoted\"\t\\";
                    case 1 -> "téléphone \u4e2d \ud83d\ude00";
                    default -> "device-1";
                  }),
              "lot-" + number,
              "TAG-" + number,
              "site-" + random.nextInt(50),
              MINERALS.get(random.nextInt(MINERALS.size())),
              random.nextLong(1, 1L << 52),
              random.nextInt(3) == 0 ? null : new Grade(random.nextLong(0, Grade.MILLION + 1)));
      // Reparsed as the API receives it, so number nodes are Jackson's parsed kinds.
      JsonNode wire = Json.parse(Json.bytes(EventJson.encode(tag)));
      assertThat(CanonicalTreeWriter.encode(wire))
          .as("event %d", number)
          .isEqualTo(reference(wire));
    }
  }

  @Test
  void generatedTreesEncodeAsCanonicalJsonDoesOrFailAsItDoes() {
    SplittableRandom random = new SplittableRandom(7);
    int refused = 0;
    for (int tree = 0; tree < 20_000; tree++) {
      JsonNode node = randomValue(random, 0);
      byte[] expected;
      try {
        expected = reference(node);
      } catch (IllegalArgumentException e) {
        refused++;
        assertThatThrownBy(() -> CanonicalTreeWriter.encode(node))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(e.getMessage());
        continue;
      }
      assertThat(CanonicalTreeWriter.encode(node))
          .as("%s", new String(expected, StandardCharsets.UTF_8))
          .isEqualTo(expected);
    }
    // Both outcomes were exercised: inexact numbers and unpaired surrogates are refused.
    assertThat(refused).isBetween(100, 19_000);
  }

  @Test
  void aTreeDeeperThanTheDirectWriterGoesIsStillCanonical() {
    JsonNode node = NODES.textNode("core");
    for (int depth = 0; depth < 200; depth++) {
      ArrayNode array = NODES.arrayNode().add(depth).add(node);
      node = depth % 2 == 0 ? array : NODES.objectNode().set("b" + depth, array);
    }
    assertThat(CanonicalTreeWriter.encode(node)).isEqualTo(reference(node));
  }

  private static JsonNode randomValue(SplittableRandom random, int depth) {
    int kind = random.nextInt(depth > 4 ? 6 : 8);
    return switch (kind) {
      case 0 -> NODES.textNode(randomString(random));
      case 1 -> randomNumber(random);
      case 2 -> randomNumber(random);
      case 3 -> NODES.booleanNode(random.nextBoolean());
      case 4 -> NODES.nullNode();
      case 5 -> NODES.textNode("plain-" + random.nextInt(1000));
      case 6 -> {
        ObjectNode object = NODES.objectNode();
        int members = random.nextInt(8);
        for (int member = 0; member < members; member++) {
          object.set(randomString(random), randomValue(random, depth + 1));
        }
        yield object;
      }
      default -> {
        ArrayNode array = NODES.arrayNode();
        int elements = random.nextInt(5);
        for (int element = 0; element < elements; element++) {
          array.add(randomValue(random, depth + 1));
        }
        yield array;
      }
    };
  }

  private static JsonNode randomNumber(SplittableRandom random) {
    return switch (random.nextInt(10)) {
      case 0 -> NODES.numberNode(random.nextInt());
      case 1 -> NODES.numberNode(random.nextLong(-(1L << 53), (1L << 53) + 1));
      case 2 -> NODES.numberNode(random.nextLong()); // mostly beyond 2^53: often refused
      case 3 ->
          NODES.numberNode((random.nextBoolean() ? 1 : -1) * ((1L << 53) + random.nextInt(-2, 3)));
      case 4 -> NODES.numberNode(new BigInteger(80, new java.util.Random(random.nextLong())));
      case 5 -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(-30, 30)));
      case 6 -> NODES.numberNode(Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL));
      case 7 ->
          NODES.numberNode(
              new BigDecimal(
                  BigInteger.valueOf(random.nextLong(0, 10_000_000)), random.nextInt(0, 8)));
      case 8 -> NODES.numberNode(random.nextInt(-1000, 1000) / 8.0);
      default -> NODES.numberNode(random.nextBoolean() ? 0.0 : -0.0);
    };
  }

  private static String randomString(SplittableRandom random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      text.append(
          switch (random.nextInt(12)) {
            case 0 -> (char) random.nextInt(0, 0x20);
            case 1 -> '"';
            case 2 -> '\\';
            case 3 -> (char) 0x7f;
            case 4 -> (char) random.nextInt(0x80, 0x800);
            case 5 -> (char) random.nextInt(0x800, 0xd800);
            case 6 -> "\ud83d\ude00";
            case 7 -> (char) random.nextInt(0xd800, 0xe000); // unpaired: refused
            default -> (char) random.nextInt(0x20, 0x7f);
          });
    }
    return text.toString();
  }

  @Test
  void memberNamesAreSortedByUtf16CodeUnits() {
    ObjectNode node = NODES.objectNode();
    for (String name : List.of("b", "a", "\ud83d\ude00", "\uff61", "aa", "A", "")) {
      node.put(name, 1);
    }
    assertThat(new String(CanonicalTreeWriter.encode(node), StandardCharsets.UTF_8))
        .isEqualTo("{\"\":1,\"A\":1,\"a\":1,\"aa\":1,\"b\":1,\"\ud83d\ude00\":1,\"\uff61\":1}");
  }
}
