package org.oretrace.store.ledger;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.ledger.CanonicalJson;
import org.oretrace.core.ledger.MerkleHash;
import org.oretrace.store.json.EventJson;

/**
 * The ledger entry of a custody event: the RFC 8785 canonical JSON of its wire form ({@link
 * EventJson#encode}), so that anyone holding the event, in any language, computes the same bytes
 * and the same leaf hash (docs/ledger.md).
 *
 * <p>Numbers are the delicate part: JCS writes every number as an IEEE 754 double, and {@link
 * CanonicalJson} refuses a number a double cannot hold exactly rather than round it. Masses are
 * whole grams, exact up to 2^53 g (nine billion tonnes); grades are percentages with at most four
 * decimals and seven significant digits, which a double holds exactly, so they are written as they
 * are (31.5, not "31.5"); coordinates are doubles already. An event that still has no exact
 * encoding cannot be appended: the transaction that would store it fails.
 */
public final class LedgerEntries {

  private LedgerEntries() {}

  /**
   * The canonical entry of an event, written straight from the record ({@link
   * CanonicalEventWriter}): the bytes {@link #encode(JsonNode)} writes for {@link
   * EventJson#encode}.
   */
  public static byte[] encode(CustodyEvent event) {
    return CanonicalEventWriter.encode(requireNonNull(event, "event is null"));
  }

  /**
   * The canonical entry of an event already in its wire form, written straight from the tree
   * ({@link CanonicalTreeWriter}: the bytes {@link CanonicalJson} writes for {@link #plain}).
   */
  public static byte[] encode(JsonNode wireForm) {
    return CanonicalTreeWriter.encode(requireNonNull(wireForm, "wireForm is null"));
  }

  /**
   * The canonical entry of an event (its bytes, of exactly the entry's length) and the hash of its
   * ledger leaf ({@link MerkleHash#ofLeaf(byte[])} of those bytes), both from the writer's buffer:
   * what capture keeps of each event, with one copy of the bytes and no second pass to hash them.
   */
  public static <T> T encode(CustodyEvent event, BiFunction<byte[], MerkleHash, T> entry) {
    requireNonNull(event, "event is null");
    requireNonNull(entry, "entry is null");
    return CanonicalEventWriter.encode(
        event,
        (bytes, length) ->
            entry.apply(Arrays.copyOf(bytes, length), MerkleHash.ofLeaf(bytes, 0, length)));
  }

  /** The canonical entry as text (it is always valid UTF-8). */
  public static String encodeAsText(CustodyEvent event) {
    return new String(encode(event), StandardCharsets.UTF_8);
  }

  /** The Jackson tree as the plain values {@link CanonicalJson} takes. */
  static Object plain(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> {
        Map<String, Object> members = HashMap.newHashMap(node.size());
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          members.put(field.getKey(), plain(field.getValue()));
        }
        yield members;
      }
      case ARRAY -> {
        List<Object> elements = new ArrayList<>(node.size());
        node.forEach(element -> elements.add(plain(element)));
        yield elements;
      }
      case STRING -> node.textValue();
      case BOOLEAN -> node.booleanValue();
      case NULL -> null;
      case NUMBER -> number(node);
      case BINARY, POJO, MISSING ->
          throw new IllegalArgumentException("a ledger entry holds no " + node.getNodeType());
    };
  }

  private static Object number(JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    if (node.isBigDecimal()) {
      return node.decimalValue();
    }
    return node.doubleValue();
  }
}
