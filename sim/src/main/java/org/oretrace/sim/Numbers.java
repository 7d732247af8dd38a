package org.oretrace.sim;

/** Zero-padded serial numbers for ids, tags and declarations, without String.format's cost. */
final class Numbers {

  private Numbers() {}

  /** The number in decimal, left-padded with zeros to at least {@code width} digits. */
  static String padded(long number, int width) {
    if (number < 0) {
      throw new IllegalArgumentException("serial numbers are not negative, got " + number);
    }
    String digits = Long.toString(number);
    if (digits.length() >= width) {
      return digits;
    }
    return "0".repeat(width - digits.length()) + digits;
  }
}
