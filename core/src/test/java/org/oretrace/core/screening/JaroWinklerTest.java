package org.oretrace.core.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JaroWinklerTest {

  @Test
  void agreesWithThePublishedExamples() {
    assertThat(JaroWinkler.similarity("martha", "marhta")).isCloseTo(0.961, within(0.001));
    assertThat(JaroWinkler.similarity("dwayne", "duane")).isCloseTo(0.840, within(0.001));
    assertThat(JaroWinkler.similarity("dixon", "dicksonx")).isCloseTo(0.813, within(0.001));
    assertThat(JaroWinkler.similarity("abc", "xyz")).isZero();
    assertThat(JaroWinkler.similarity("", "")).isEqualTo(1);
  }

  @Test
  void isSymmetricBoundedAndOneOnlyForEqualStringsOverManyRandomPairs() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 5_000; i++) {
      String first = randomWord(random, 1 + random.nextInt(80));
      String second = random.nextInt(4) == 0 ? first : randomWord(random, 1 + random.nextInt(80));
      double similarity = JaroWinkler.similarity(first, second);
      assertThat(similarity).isBetween(0.0, 1.0);
      assertThat(JaroWinkler.similarity(second, first)).isCloseTo(similarity, within(1e-12));
      assertThat(similarity == 1.0).isEqualTo(first.equals(second));
    }
  }

  private static String randomWord(SplittableRandom random, int length) {
    StringBuilder word = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      word.append((char) ('a' + random.nextInt(6)));
    }
    return word.toString();
  }
}
