package org.oretrace.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Property checks of the ECMAScript number layout over many doubles: the text reads back as the
 * same double, no shorter significand would, and the layout follows ECMA-262's magnitude rules.
 */
class EcmaScriptNumbersTest {

  private static final Pattern PLAIN = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?");
  private static final Pattern EXPONENT =
      Pattern.compile("-?[1-9](\\.[0-9]*[1-9])?e[+-](0|[1-9][0-9]*)");

  @Test
  void writesTheOneDigitSignificandWhereJavaPrefersTwoDigits() {
    assertThat(Double.toString(Double.MIN_VALUE)).isEqualTo("4.9E-324");
    assertThat(EcmaScriptNumbers.format(Double.MIN_VALUE)).isEqualTo("5e-324");
    assertThat(EcmaScriptNumbers.format(2 * Double.MIN_VALUE)).isEqualTo("1e-323");
  }

  @Test
  void fastPathsWriteWhatTheGeneralPathWrites() {
    // Coordinates and grades (few decimals), whole numbers, and arbitrary doubles across the range
    // where the fast paths apply and beyond it.
    Random random = new Random(20261128);
    for (int i = 0; i < 200_000; i++) {
      double value =
          switch (i % 5) {
            case 0 -> Math.round(random.nextDouble() * 180_000) / 1000.0;
            case 1 -> Math.round(random.nextDouble() * 1_000_000) / 10_000.0;
            case 2 -> (double) (random.nextLong() >>> random.nextInt(64));
            case 3 -> random.nextDouble() * Math.pow(10, random.nextInt(14) - 5);
            default -> Double.longBitsToDouble(random.nextLong() & Long.MAX_VALUE);
          };
      if (value > 0 && Double.isFinite(value)) {
        assertThat(EcmaScriptNumbers.format(value))
            .as("%s", value)
            .isEqualTo(EcmaScriptNumbers.general(value));
      }
    }
  }

  @Test
  void writesPlainNumbersBetweenOneMillionthAndOneSextillion() {
    assertThat(EcmaScriptNumbers.format(1e21)).isEqualTo("1e+21");
    assertThat(EcmaScriptNumbers.format(1e20)).isEqualTo("100000000000000000000");
    assertThat(EcmaScriptNumbers.format(1e-6)).isEqualTo("0.000001");
    assertThat(EcmaScriptNumbers.format(1e-7)).isEqualTo("1e-7");
    assertThat(EcmaScriptNumbers.format(123.456)).isEqualTo("123.456");
    assertThat(EcmaScriptNumbers.format(-0.5)).isEqualTo("-0.5");
    assertThat(EcmaScriptNumbers.format(1.5e300)).isEqualTo("1.5e+300");
  }

  @Test
  void randomDoublesReadBackWithTheShortestSignificandInTheRightLayout() {
    Random random = new Random(262);
    for (int i = 0; i < 100_000; i++) {
      double value =
          switch (i % 3) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(50) - 25);
            default -> (double) random.nextInt(1_000_000) / 1000;
          };
      if (!Double.isFinite(value)) {
        continue;
      }
      String text = EcmaScriptNumbers.format(value);
      assertThat(Double.parseDouble(text)).as(text).isEqualTo(value == 0 ? 0.0 : value);
      double magnitude = Math.abs(value);
      boolean plain = magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e21);
      assertThat(text).as("%s for %s", text, value).matches(plain ? PLAIN : EXPONENT);
      assertNoShorterSignificandReadsBack(value, text);
    }
  }

  private static void assertNoShorterSignificandReadsBack(double value, String text) {
    if (value == 0) {
      return;
    }
    Matcher significand = Pattern.compile("[1-9][0-9.]*").matcher(text.replaceFirst("e.*", ""));
    String digits = text.replaceFirst("e.*", "").replace("-", "").replace(".", "");
    digits = digits.replaceFirst("^0+", "").replaceFirst("0+$", "");
    assertThat(significand.find()).isTrue();
    int length = digits.length();
    if (length == 1) {
      return;
    }
    BigDecimal exact = new BigDecimal(value);
    for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
      BigDecimal shorter = exact.round(new MathContext(length - 1, mode));
      assertThat(shorter.doubleValue())
          .as("%s is shorter than %s", shorter, text)
          .isNotEqualTo(value);
    }
  }
}
