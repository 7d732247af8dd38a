package org.oretrace.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoTimesTest {

  @Test
  void generatedTimesAreWrittenAsTheJdkWritesThemAndReadBackAsTheJdkReadsThem() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 100_000; i++) {
      OffsetDateTime time = randomTime(random);
      String expected = time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      assertThat(IsoTimes.format(time)).isEqualTo(expected);
      OffsetDateTime parsed = IsoTimes.parse(expected);
      assertThat(parsed).isEqualTo(OffsetDateTime.parse(expected));
      assertThat(parsed.getOffset()).isEqualTo(time.getOffset());
    }
  }

  @Test
  void generatedTextsParseAsTheJdkParsesThemOrFailAsItDoes() {
    SplittableRandom random = new SplittableRandom(7);
    int refused = 0;
    for (int i = 0; i < 100_000; i++) {
      String text =
          mutate(randomTime(random).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), random);
      OffsetDateTime expected;
      try {
        expected = OffsetDateTime.parse(text);
      } catch (DateTimeException e) {
        refused++;
        assertThatThrownBy(() -> IsoTimes.parse(text))
            .as(text)
            .isInstanceOf(e.getClass())
            .hasMessage(e.getMessage());
        continue;
      }
      OffsetDateTime parsed = IsoTimes.parse(text);
      assertThat(parsed).as(text).isEqualTo(expected);
      assertThat(parsed.getOffset()).as(text).isEqualTo(expected.getOffset());
    }
    assertThat(refused).isBetween(1_000, 90_000);
  }

  @Test
  void edgeCasesAgreeWithTheJdk() {
    for (String text :
        List.of(
            "2025-03-01T08:00:00+02:00",
            "2025-03-01T08:00:00Z",
            "2025-03-01t08:00:00z",
            "2025-03-01T08:00:00-00:00",
            "2025-03-01T08:00+02:00",
            "2025-03-01T08:00:00.+02:00",
            "2025-03-01T08:00:00.1234567890+02:00",
            "2025-03-01T08:00:00.000000001+02:00",
            "2024-02-29T23:59:59.999999999-18:00",
            "2025-02-29T00:00:00Z",
            "2025-03-01T24:00:00Z",
            "2025-03-01T23:59:60Z",
            "2025-03-01T08:00:00+18:01",
            "2025-03-01T08:00:00+02:00:30",
            "0000-01-01T00:00:00Z",
            "+12025-03-01T08:00:00Z")) {
      Object expected;
      try {
        expected = OffsetDateTime.parse(text);
      } catch (DateTimeException e) {
        assertThatThrownBy(() -> IsoTimes.parse(text)).as(text).hasMessage(e.getMessage());
        continue;
      }
      assertThat(IsoTimes.parse(text)).as(text).isEqualTo(expected);
    }
  }

  private static OffsetDateTime randomTime(SplittableRandom random) {
    int nano =
        switch (random.nextInt(4)) {
          case 0 -> 0;
          case 1 -> random.nextInt(1000) * 1_000_000;
          case 2 -> random.nextInt(1_000_000_000);
          default -> random.nextInt(10) * 100_000_000;
        };
    int offsetSeconds =
        switch (random.nextInt(5)) {
          case 0 -> 0;
          case 1 -> random.nextInt(-18, 19) * 3600;
          case 2 -> random.nextInt(-18 * 60, 18 * 60 + 1) * 60;
          case 3 -> random.nextInt(-18 * 3600, 18 * 3600 + 1);
          default -> 7200;
        };
    int year =
        random.nextInt(20) == 0 ? random.nextInt(-20_000, 20_000) : random.nextInt(1900, 2100);
    return OffsetDateTime.of(
        year,
        random.nextInt(1, 13),
        random.nextInt(1, 29),
        random.nextInt(24),
        random.nextInt(60),
        random.nextInt(60),
        nano,
        ZoneOffset.ofTotalSeconds(offsetSeconds));
  }

  /** The text, or a copy with one character changed, removed or doubled. */
  private static String mutate(String text, SplittableRandom random) {
    if (random.nextInt(3) == 0) {
      return text;
    }
    int at = random.nextInt(text.length());
    String alphabet = "0123456789-+:.TZtz x";
    char replacement = alphabet.charAt(random.nextInt(alphabet.length()));
    return switch (random.nextInt(3)) {
      case 0 -> text.substring(0, at) + replacement + text.substring(at + 1);
      case 1 -> text.substring(0, at) + text.substring(at + 1);
      default -> text.substring(0, at) + text.charAt(at) + text.substring(at);
    };
  }
}
