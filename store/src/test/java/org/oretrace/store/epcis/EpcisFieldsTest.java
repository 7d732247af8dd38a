package org.oretrace.store.epcis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-read event times answer exactly what the JDK's parser answers, valid or not. */
class EpcisFieldsTest {

  private static final List<String> VALID =
      List.of(
          "2025-03-01T08:15:00Z",
          "2025-03-01T08:15:00.1Z",
          "2025-03-01T08:15:00.123+02:00",
          "2025-03-01T08:15:00.123456789-05:30",
          "2024-02-29T23:59:59.999999999+14:00",
          "2025-12-31T00:00:00-18:00",
          "2025-12-31T00:00:00+18:00",
          "2025-12-31T00:00:00-00:00",
          "0000-01-01T00:00:00Z",
          "2025-03-01T08:15Z",
          "2025-03-01T08:15:00+02:00:30",
          "+12025-03-01T08:15:00Z");

  /** Edge cases: whatever the JDK answers, a time or a refusal, the same. */
  private static final List<String> EDGES =
      List.of(
          "2025-03-01t08:15:00z",
          "2025-03-01T08:15:00+02",
          "2025-03-01T08:15:00,5Z",
          "2025-03-01T08:15:00.Z",
          "2025-03-01T08:15:00.5+2:00",
          "2025-03-01T08:15:00+00:00");

  private static final List<String> INVALID =
      List.of(
          "",
          "2025-03-01",
          "2025-02-29T08:15:00Z",
          "2025-13-01T08:15:00Z",
          "2025-00-10T08:15:00Z",
          "2025-03-32T08:15:00Z",
          "2025-03-01T24:00:00Z",
          "2025-03-01T08:60:00Z",
          "2025-03-01T08:15:60Z",
          "2025-03-01T08:15:00.1234567890Z",
          "2025-03-01T08:15:00+18:01",
          "2025-03-01T08:15:00+19:00",
          "2025-03-01T08:15:00+02:60",
          "2025-03-01T08:15:00",
          "2025-03-01T08:15:00Zx",
          "2025-03-01 08:15:00Z",
          "2O25-03-01T08:15:00Z",
          "2025-03-01T08:15:00+0200");

  @Test
  void readsEveryValidTimeAsTheJdkDoes() {
    for (String text : VALID) {
      OffsetDateTime expected = OffsetDateTime.parse(text);
      assertThat(EpcisFields.offsetDateTime(text)).as(text).isEqualTo(expected);
    }
  }

  @Test
  void refusesEveryInvalidTimeAsTheJdkDoes() {
    for (String text : INVALID) {
      assertThatThrownBy(() -> OffsetDateTime.parse(text))
          .as(text)
          .isInstanceOf(DateTimeParseException.class);
      assertThatThrownBy(() -> EpcisFields.offsetDateTime(text))
          .as(text)
          .isInstanceOf(DateTimeParseException.class);
    }
    assertThatThrownBy(() -> EpcisFields.offsetDateTime(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void answersEdgeCasesAsTheJdkDoes() {
    EDGES.forEach(EpcisFieldsTest::agrees);
  }

  private static void agrees(String time) {
    OffsetDateTime expected;
    try {
      expected = OffsetDateTime.parse(time);
    } catch (DateTimeParseException e) {
      assertThatThrownBy(() -> EpcisFields.offsetDateTime(time))
          .as(time)
          .isInstanceOf(DateTimeParseException.class);
      return;
    }
    assertThat(EpcisFields.offsetDateTime(time)).as(time).isEqualTo(expected);
  }

  @Test
  void agreesWithTheJdkOnRandomTimesInTheCommonForm() {
    Random random = new Random(7);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text =
          new StringBuilder(
              String.format(
                  "%04d-%02d-%02dT%02d:%02d:%02d",
                  random.nextInt(10_000),
                  random.nextInt(14),
                  random.nextInt(33),
                  random.nextInt(26),
                  random.nextInt(62),
                  random.nextInt(62)));
      int fraction = random.nextInt(11);
      if (fraction > 0) {
        text.append('.');
        for (int digit = 0; digit < fraction - 1; digit++) {
          text.append(random.nextInt(10));
        }
      }
      if (random.nextBoolean()) {
        text.append('Z');
      } else {
        text.append(random.nextBoolean() ? '+' : '-')
            .append(String.format("%02d:%02d", random.nextInt(20), random.nextInt(62)));
      }
      agrees(text.toString());
    }
  }
}
