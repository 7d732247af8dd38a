package org.oretrace.core;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The grade of a lot: the mass fraction of its paying constituent (% Ta2O5 for coltan, % Sn for
 * cassiterite, % WO3 for wolframite, fineness for gold), held exactly as parts per million so that
 * grades compare and average without floating-point error. 1 % is 10,000 ppm; gold of fineness
 * 999.9 is 999,900 ppm.
 */
public record Grade(long partsPerMillion) implements Comparable<Grade> {

  public static final long MILLION = 1_000_000L;
  private static final BigDecimal PPM_PER_PERCENT = BigDecimal.valueOf(10_000);

  public Grade {
    if (partsPerMillion < 0 || partsPerMillion > MILLION) {
      throw new IllegalArgumentException(
          "grade must be between 0 and 100 %, got " + partsPerMillion + " ppm");
    }
  }

  /** A grade from a percentage such as {@code 31.25}; finer than 0.0001 % is rejected. */
  public static Grade ofPercent(BigDecimal percent) {
    requireNonNull(percent, "percent is null");
    BigDecimal ppm = percent.multiply(PPM_PER_PERCENT);
    if (ppm.signum() < 0 || ppm.compareTo(BigDecimal.valueOf(MILLION)) > 0) {
      throw new IllegalArgumentException(
          "grade must be between 0 and 100 %, got " + percent.toPlainString() + " %");
    }
    try {
      return new Grade(ppm.setScale(0, RoundingMode.UNNECESSARY).longValueExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "grade " + percent.toPlainString() + " % has more precision than 0.0001 %", e);
    }
  }

  public static Grade ofPercent(String percent) {
    return ofPercent(new BigDecimal(percent));
  }

  /** The grade as an exact percentage, without trailing zeros (31.25, not 31.2500). */
  public BigDecimal percent() {
    BigDecimal value = BigDecimal.valueOf(partsPerMillion).divide(PPM_PER_PERCENT);
    return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
  }

  @Override
  public int compareTo(Grade other) {
    return Long.compare(partsPerMillion, other.partsPerMillion);
  }

  @Override
  public String toString() {
    return percent().toPlainString() + " %";
  }
}
