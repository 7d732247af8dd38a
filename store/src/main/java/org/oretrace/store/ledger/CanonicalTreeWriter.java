package org.oretrace.store.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.oretrace.core.ledger.CanonicalJson;

/**
 * Writes a Jackson tree as RFC 8785 canonical JSON bytes directly, the capture path's encoder.
 *
 * <p>Why not {@link CanonicalJson} alone: it takes plain Java values, so each entry was first
 * copied into maps and lists, written to a {@code StringBuilder}, then copied again into UTF-8
 * bytes; on capture that was about a tenth of the CPU. This writer walks the tree once into one
 * byte buffer. It writes itself only what is unambiguous: member names sorted by UTF-16 code units
 * ({@link String#compareTo}, as JCS requires), strings of printable ASCII without a quote or
 * backslash (ids, names, times, codes) and integers within +-2^53, which ECMAScript writes as their
 * digits. Every other value (a fraction, a large integer, a string to escape or with non-ASCII
 * characters, a tree nested deeper than {@value #MAX_DIRECT_DEPTH} levels) is handed to {@link
 * CanonicalJson} and its bytes copied in, so the output is byte for byte that of {@link
 * CanonicalJson} by construction, and its refusals (an inexact number, an unpaired surrogate) are
 * the same. {@code CanonicalTreeWriterTest} compares the two on many generated events.
 */
final class CanonicalTreeWriter extends ByteOutput {

  private static final long MAX_SAFE_INTEGER = 1L << 53;
  private static final int MAX_DIRECT_DEPTH = 64;

  private CanonicalTreeWriter() {
    super(512);
  }

  /** The canonical encoding of {@code node}. */
  static byte[] encode(JsonNode node) {
    CanonicalTreeWriter writer = new CanonicalTreeWriter();
    writer.write(node, 0);
    return writer.written();
  }

  private void write(JsonNode node, int depth) {
    if (depth > MAX_DIRECT_DEPTH) {
      append(CanonicalJson.encode(LedgerEntries.plain(node)));
      return;
    }
    switch (node.getNodeType()) {
      case OBJECT -> writeObject(node, depth);
      case ARRAY -> {
        append((byte) '[');
        for (int index = 0; index < node.size(); index++) {
          if (index > 0) {
            append((byte) ',');
          }
          write(node.get(index), depth + 1);
        }
        append((byte) ']');
      }
      case STRING -> writeString(node.textValue());
      case BOOLEAN -> appendAscii(node.booleanValue() ? "true" : "false");
      case NULL -> appendAscii("null");
      case NUMBER -> {
        if (node.isIntegralNumber()
            && node.canConvertToLong()
            && node.longValue() >= -MAX_SAFE_INTEGER
            && node.longValue() <= MAX_SAFE_INTEGER) {
          appendLong(node.longValue());
        } else {
          append(CanonicalJson.encode(LedgerEntries.plain(node)));
        }
      }
      case BINARY, POJO, MISSING ->
          throw new IllegalArgumentException("a ledger entry holds no " + node.getNodeType());
    }
  }

  private void writeObject(JsonNode node, int depth) {
    String[] names = new String[node.size()];
    int count = 0;
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
        fields.hasNext(); ) {
      names[count++] = fields.next().getKey();
    }
    // Insertion sort: an event has a dozen members at most.
    for (int i = 1; i < count; i++) {
      String name = names[i];
      int j = i - 1;
      while (j >= 0 && names[j].compareTo(name) > 0) {
        names[j + 1] = names[j];
        j--;
      }
      names[j + 1] = name;
    }
    append((byte) '{');
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        append((byte) ',');
      }
      writeString(names[i]);
      append((byte) ':');
      write(node.get(names[i]), depth + 1);
    }
    append((byte) '}');
  }

  private void writeString(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
        append(CanonicalJson.encode(text));
        return;
      }
    }
    ensure(text.length() + 2);
    buffer[length++] = '"';
    for (int i = 0; i < text.length(); i++) {
      buffer[length++] = (byte) text.charAt(i);
    }
    buffer[length++] = '"';
  }

  private void appendLong(long value) {
    appendAscii(Long.toString(value));
  }
}
