package org.oretrace.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  @Test
  @SuppressWarnings("FloatingPointLiteralPrecision") // the RFC's literals, as written there
  void encodesTheRfc8785Example() {
    // RFC 8785 section 3.2.2: the input members and values, as a parser would produce them.
    Map<String, Object> input = new LinkedHashMap<>();
    input.put(
        "numbers", List.of(333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001));
    input.put("string", "\u20ac$" + (char) 0x0f + "\nA'B\"\\\\\"/");
    input.put("literals", Arrays.asList(null, true, false));

    assertThat(text(input))
        .isEqualTo(
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
  }

  @Test
  void sortsMembersByUtf16CodeUnitsAsInRfc8785() {
    // RFC 8785 section 3.2.3.
    Map<String, Object> input = new HashMap<>();
    input.put("\u20ac", "Euro Sign");
    input.put("\r", "Carriage Return");
    input.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
    input.put("1", "One");
    input.put("\ud83d\ude00", "Emoji: Grinning Face");
    input.put("\u0080", "Control");
    input.put("\u00f6", "Latin Small Letter O With Diaeresis");

    assertThat(text(input))
        .isEqualTo(
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
  }

  @Test
  void writesTheNumberSamplesOfRfc8785AppendixB() {
    Map<String, String> samples = new LinkedHashMap<>();
    samples.put("0000000000000000", "0");
    samples.put("8000000000000000", "0");
    samples.put("0000000000000001", "5e-324");
    samples.put("8000000000000001", "-5e-324");
    samples.put("7fefffffffffffff", "1.7976931348623157e+308");
    samples.put("ffefffffffffffff", "-1.7976931348623157e+308");
    samples.put("4340000000000000", "9007199254740992");
    samples.put("c340000000000000", "-9007199254740992");
    samples.put("4430000000000000", "295147905179352830000");
    samples.put("44b52d02c7e14af5", "9.999999999999997e+22");
    samples.put("44b52d02c7e14af6", "1e+23");
    samples.put("44b52d02c7e14af7", "1.0000000000000001e+23");
    samples.put("444b1ae4d6e2ef4e", "999999999999999700000");
    samples.put("444b1ae4d6e2ef4f", "999999999999999900000");
    samples.put("444b1ae4d6e2ef50", "1e+21");
    samples.put("3eb0c6f7a0b5ed8c", "9.999999999999997e-7");
    samples.put("3eb0c6f7a0b5ed8d", "0.000001");
    samples.put("41b3de4355555553", "333333333.3333332");
    samples.put("41b3de4355555554", "333333333.33333325");
    samples.put("41b3de4355555555", "333333333.3333333");
    samples.put("41b3de4355555556", "333333333.3333334");
    samples.put("41b3de4355555557", "333333333.33333343");
    samples.put("becbf647612f3696", "-0.0000033333333333333333");
    samples.put("43143ff3c1cb0959", "1424953923781206.2");
    samples.forEach(
        (bits, expected) ->
            assertThat(text(Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16))))
                .as(bits)
                .isEqualTo(expected));
  }

  @Test
  void rejectsNumbersJsonCannotHold() {
    assertThatThrownBy(() -> CanonicalJson.encode(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.encode(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.encode(List.of(Double.NEGATIVE_INFINITY)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writesExactNumbersOnlyWhenADoubleHoldsThemExactly() {
    assertThat(text(42)).isEqualTo("42");
    assertThat(text(-7L)).isEqualTo("-7");
    assertThat(text(9007199254740992L)).isEqualTo("9007199254740992");
    assertThat(text(new BigDecimal("12.50"))).isEqualTo("12.5");
    assertThat(text(new BigDecimal("0.1"))).isEqualTo("0.1");
    assertThat(text(new BigDecimal("-0.000"))).isEqualTo("0");
    assertThat(text(new BigInteger("1000000000000000000000"))).isEqualTo("1e+21");

    assertThatThrownBy(() -> CanonicalJson.encode(9007199254740993L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("encode it as a string");
    assertThatThrownBy(() -> CanonicalJson.encode(Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
    // -2^63 is a double, but ECMAScript writes it as -9223372036854776000: another integer.
    assertThatThrownBy(() -> CanonicalJson.encode(Long.MIN_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-9223372036854776000");
    assertThatThrownBy(() -> CanonicalJson.encode(new BigDecimal("1234567890.1234567890123")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.encode(new BigDecimal("1e400")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void exactNumbersAreWrittenAsTheirDoubleOrRejected() {
    Random random = new Random(8785);
    for (int i = 0; i < 20_000; i++) {
      long value = random.nextLong() >> random.nextInt(64);
      String asDouble = text((double) value);
      if (new BigDecimal(asDouble).compareTo(BigDecimal.valueOf(value)) == 0) {
        assertThat(text(value)).as("%d", value).isEqualTo(asDouble);
        assertThat(text(BigInteger.valueOf(value))).isEqualTo(asDouble);
      } else {
        assertThat(Math.abs(value)).isGreaterThan(1L << 53);
        assertThatThrownBy(() -> CanonicalJson.encode(value))
            .isInstanceOf(IllegalArgumentException.class);
      }
      if (Math.abs(value) <= 1L << 53) {
        assertThat(text(value)).isEqualTo(Long.toString(value));
      }
    }
  }

  @Test
  void escapesStringsAsJcsRequires() {
    StringBuilder controls = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      controls.append(c);
    }
    assertThat(text(controls.toString()))
        .isEqualTo(
            "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r"
                + "\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018"
                + "\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\"");
    assertThat(text("\u007f\u2028/<>&\u00e9")).isEqualTo("\"\u007f\u2028/<>&\u00e9\"");
    assertThat(CanonicalJson.encode("\u00e9\ud83d\ude00"))
        .isEqualTo("\"\u00e9\ud83d\ude00\"".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void rejectsWhatHasNoCanonicalForm() {
    assertThatThrownBy(() -> CanonicalJson.encode("lone \ud83d surrogate"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unpaired surrogate");
    assertThatThrownBy(() -> CanonicalJson.encode("\ude00"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.encode(Map.of(1, "one")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names must be strings");
    assertThatThrownBy(() -> CanonicalJson.encode(Set.of("unordered")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.encode(1.5f))
        .isInstanceOf(IllegalArgumentException.class);
    List<Object> cycle = new ArrayList<>();
    cycle.add(cycle);
    assertThatThrownBy(() -> CanonicalJson.encode(cycle))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nested deeper");
  }

  @Test
  void encodingIsIndependentOfMapOrderAndNestsCanonically() {
    Random random = new Random(42);
    for (int trial = 0; trial < 200; trial++) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        names.add(randomName(random));
      }
      Map<String, Object> forward = new LinkedHashMap<>();
      for (String name : names) {
        forward.put(name, Map.of("mass", (long) name.length(), "tags", List.of(name, true)));
      }
      List<String> shuffled = new ArrayList<>(names);
      Collections.shuffle(shuffled, random);
      Map<String, Object> backward = new LinkedHashMap<>();
      for (String name : shuffled) {
        backward.put(name, forward.get(name));
      }
      String encoded = text(forward);
      assertThat(text(backward)).isEqualTo(encoded);
      assertThat(encoded).doesNotContain(" ").startsWith("{").endsWith("}");
    }
  }

  private static String randomName(Random random) {
    StringBuilder name = new StringBuilder();
    int length = 1 + random.nextInt(4);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(4);
      switch (kind) {
        case 0 -> name.append((char) ('a' + random.nextInt(26)));
        case 1 -> name.append((char) (0xe0 + random.nextInt(32)));
        case 2 -> name.appendCodePoint(0x1f600 + random.nextInt(40));
        default -> name.append((char) (0xfb00 + random.nextInt(64)));
      }
    }
    return name.toString();
  }

  private static String text(Object value) {
    return new String(CanonicalJson.encode(value), StandardCharsets.UTF_8);
  }
}
