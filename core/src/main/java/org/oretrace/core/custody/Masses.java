package org.oretrace.core.custody;

/** Checks on masses, which Oretrace holds as whole grams. */
final class Masses {

  private Masses() {}

  static long requirePositive(long grams, String field) {
    if (grams <= 0) {
      throw new IllegalArgumentException(
          field + " must be a positive number of grams, got " + grams);
    }
    return grams;
  }

  static long requireNonNegative(long grams, String field) {
    if (grams < 0) {
      throw new IllegalArgumentException(field + " must not be negative, got " + grams);
    }
    return grams;
  }
}
