package org.oretrace.core.ledger;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * ECMAScript's {@code Number.prototype.toString} for finite doubles (ECMA-262, Number::toString),
 * as RFC 8785 requires for JSON numbers.
 *
 * <p>ECMAScript writes the shortest decimal significand that reads back as the same double (closest
 * to the exact value if several, even if tied), then lays it out plainly or with an exponent
 * depending on its magnitude. Since JDK 19, {@link Double#toString(double)} picks the same shortest
 * significand (Raffaello Giulietti's algorithm) with one documented exception: when a one-digit
 * significand would do, Java may prefer a closer two-digit one ({@code 4.9E-324} where ECMAScript
 * writes {@code 5e-324}). This class takes Java's digits, looks for the one-digit alternative in
 * that case, and applies ECMAScript's layout.
 */
final class EcmaScriptNumbers {

  private static final double MAX_SAFE_INTEGER = 0x1p53;
  private static final MathContext ONE_DIGIT_DOWN = new MathContext(1, RoundingMode.FLOOR);
  private static final MathContext ONE_DIGIT_UP = new MathContext(1, RoundingMode.CEILING);

  private EcmaScriptNumbers() {}

  static String format(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(value + " is not a JSON number");
    }
    if (value == 0) {
      return "0"; // negative zero too
    }
    if (value < 0) {
      return "-" + format(-value);
    }
    if (value < MAX_SAFE_INTEGER && value == Math.rint(value)) {
      // A whole number below 2^53: ECMAScript writes its decimal digits, no point, no exponent.
      return Long.toString((long) value);
    }
    String fast = plainShortest(value);
    return fast != null ? fast : general(value);
  }

  /** The general path for a positive finite value, kept apart so tests compare the fast paths. */
  static String general(double value) {
    BigDecimal shortest = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    if (shortest.precision() == 2) {
      shortest = oneDigitIfPossible(value, shortest);
    }
    String digits = shortest.unscaledValue().toString();
    int digitCount = digits.length();
    // value = digits * 10^(exponent - digitCount), in ECMA-262's terms s, k and n.
    int exponent = digitCount - shortest.scale();
    if (digitCount <= exponent && exponent <= 21) {
      return digits + "0".repeat(exponent - digitCount);
    }
    if (0 < exponent && exponent <= 21) {
      return digits.substring(0, exponent) + "." + digits.substring(exponent);
    }
    if (-6 < exponent && exponent <= 0) {
      return "0." + "0".repeat(-exponent) + digits;
    }
    int shown = exponent - 1;
    String mantissa = digitCount == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return mantissa + "e" + (shown >= 0 ? "+" : "-") + Math.abs(shown);
  }

  /**
   * The fast path for the common case, coordinates and grades: {@link Double#toString} writes the
   * shortest decimal that reads back as the value, the nearest one among equals, as ECMAScript
   * does; between 10^-3 and 10^7 it writes it plainly, as ECMAScript does too. Only with one or two
   * significant digits may Java write one digit more than needed (see {@link #oneDigitIfPossible}),
   * so those, and every value outside that range, take the general path (null here).
   */
  private static String plainShortest(double value) {
    if (value < 1e-3 || value >= 1e7) {
      return null;
    }
    String text = Double.toString(value);
    int significant = 0;
    boolean leading = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 'E') {
        return null;
      }
      if (c >= '0' && c <= '9' && !(leading && c == '0')) {
        leading = false;
        significant++;
      }
    }
    // A whole number was handled before; "x.0" here would be one below 2^53 it could not be.
    if (significant < 3 || text.endsWith(".0")) {
      return null;
    }
    return text;
  }

  private static BigDecimal oneDigitIfPossible(double value, BigDecimal twoDigits) {
    BigDecimal exact = new BigDecimal(value);
    BigDecimal below = exact.round(ONE_DIGIT_DOWN);
    BigDecimal above = exact.round(ONE_DIGIT_UP);
    boolean belowReadsBack = below.doubleValue() == value;
    boolean aboveReadsBack = above.doubleValue() == value;
    if (belowReadsBack && aboveReadsBack) {
      int comparison = exact.subtract(below).compareTo(above.subtract(exact));
      if (comparison != 0) {
        return comparison < 0 ? below : above;
      }
      return below.unscaledValue().testBit(0) ? above : below;
    }
    if (belowReadsBack) {
      return below;
    }
    return aboveReadsBack ? above.stripTrailingZeros() : twoDigits;
  }
}
