package org.oretrace.core.ledger;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the one byte encoding of a ledger entry, so that
 * anyone who holds the same values computes the same leaf hash, in any language.
 *
 * <p>Values are plain Java: {@code Map<String, ?>} (members sorted by the UTF-16 code units of
 * their names, which is {@link String#compareTo}), {@code List}, {@code String}, {@code Boolean},
 * {@code null}, and numbers. JSON numbers in JCS are IEEE 754 doubles written as ECMAScript's
 * {@code Number.prototype.toString} writes them (RFC 8785 section 3.2.2.3). A {@code Double} is
 * written that way; NaN and the infinities are rejected. An {@code Integer}, {@code Long}, {@code
 * BigInteger} or {@code BigDecimal} is written that way too, but only if the double it becomes
 * still reads back as the same number: a mass in kilograms or an amount with more significant
 * digits than a double holds is rejected rather than silently rounded (encode it as a string).
 *
 * <p>Strings are written as JCS requires: only {@code "}, {@code \} and the control characters
 * below U+0020 are escaped (with the short forms where JSON has them, lower-case <code>&#92;u00xx
 * </code> otherwise); everything else, non-ASCII included, goes out as UTF-8. Unpaired surrogates
 * cannot be encoded in UTF-8 and are rejected.
 */
public final class CanonicalJson {

  private static final int MAX_DEPTH = 512;
  private static final long MAX_SAFE_INTEGER = 1L << 53;
  private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

  private CanonicalJson() {}

  /** The canonical UTF-8 encoding of {@code value}. */
  public static byte[] encode(Object value) {
    StringBuilder out = new StringBuilder(128);
    write(value, out, 0);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A finite double as JCS writes a JSON number (ECMAScript's {@code Number.prototype.toString});
   * negative zero is {@code 0}. For writers that lay out their own canonical JSON.
   *
   * @throws IllegalArgumentException for NaN and the infinities
   */
  public static String number(double value) {
    return EcmaScriptNumbers.format(value);
  }

  private static void write(Object value, StringBuilder out, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("value is nested deeper than " + MAX_DEPTH + " levels");
    }
    switch (value) {
      case null -> out.append("null");
      case String text -> writeString(text, out);
      case Boolean bool -> out.append(bool.booleanValue() ? "true" : "false");
      case Double number -> out.append(EcmaScriptNumbers.format(number));
      // Every integer within +-2^53 is a double exactly, and ECMAScript writes such a double as its
      // decimal digits: the fast path for masses and counts, which are most of an entry's numbers.
      case Integer number -> out.append(number.intValue());
      case Long number when number >= -MAX_SAFE_INTEGER && number <= MAX_SAFE_INTEGER ->
          out.append(number.longValue());
      case Long number -> out.append(exactNumber(BigDecimal.valueOf(number.longValue())));
      case BigInteger number -> out.append(exactNumber(new BigDecimal(number)));
      case BigDecimal number -> out.append(exactNumber(number));
      case Map<?, ?> map -> writeObject(map, out, depth);
      case List<?> list -> writeArray(list, out, depth);
      default ->
          throw new IllegalArgumentException(
              "cannot encode a "
                  + value.getClass().getName()
                  + " as canonical JSON; use Map, List, String, Boolean, null, Integer, Long,"
                  + " BigInteger, BigDecimal or Double");
    }
  }

  private static String exactNumber(BigDecimal number) {
    double asDouble = number.doubleValue();
    if (!Double.isFinite(asDouble)) {
      throw new IllegalArgumentException(number + " is beyond the range of a JSON number");
    }
    String written = EcmaScriptNumbers.format(asDouble);
    if (new BigDecimal(written).compareTo(number) != 0) {
      throw new IllegalArgumentException(
          number
              + " has no exact JSON number (it would be written as "
              + written
              + "); encode it as a string");
    }
    return written;
  }

  private static void writeObject(Map<?, ?> map, StringBuilder out, int depth) {
    String[] names = new String[map.size()];
    int count = 0;
    for (Object name : map.keySet()) {
      if (!(name instanceof String text)) {
        throw new IllegalArgumentException("object member names must be strings, got " + name);
      }
      names[count++] = text;
    }
    Arrays.sort(names);
    out.append('{');
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      writeString(names[i], out);
      out.append(':');
      write(map.get(names[i]), out, depth + 1);
    }
    out.append('}');
  }

  private static void writeArray(List<?> list, StringBuilder out, int depth) {
    out.append('[');
    boolean first = true;
    for (Object element : list) {
      if (!first) {
        out.append(',');
      }
      first = false;
      write(element, out, depth + 1);
    }
    out.append(']');
  }

  /** Whether a string goes out as it is: no character to escape, no surrogate (ids, names). */
  private static boolean isPlain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static void writeString(String text, StringBuilder out) {
    requireNonNull(text, "text is null");
    if (isPlain(text)) {
      out.append('"').append(text).append('"');
      return;
    }
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX_DIGITS[c >> 4]).append(HEX_DIGITS[c & 0xf]);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            throw new IllegalArgumentException(
                "string has an unpaired surrogate U+"
                    + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
                    + " at index "
                    + i);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
