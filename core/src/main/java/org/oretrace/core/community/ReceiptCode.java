package org.oretrace.core.community;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The receipt code a community reporter follows a report with, e.g. {@code
 * K7QM-3XRT-9PZA-4HNC-WE2D}: 100 random bits from {@link SecureRandom}, written as 20 Crockford
 * base-32 digits in groups of four so that it can be copied by hand (no I, L, O or U; reading
 * accepts either case and ignores dashes and spaces).
 *
 * <p>Only {@link #hash} of a code is stored. 100 bits make guessing hopeless even at a million
 * tries a second, and the code is already high-entropy, so a plain SHA-256 (no salt, no stretching)
 * is enough to make a stolen database useless for following reports, while a lookup stays one index
 * probe.
 */
public final class ReceiptCode {

  private static final String DIGITS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final int LENGTH = 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  private ReceiptCode() {}

  /** A new random code. */
  public static String generate() {
    StringBuilder code = new StringBuilder(LENGTH + LENGTH / 4);
    for (int index = 0; index < LENGTH; index++) {
      if (index > 0 && index % 4 == 0) {
        code.append('-');
      }
      code.append(DIGITS.charAt(RANDOM.nextInt(DIGITS.length())));
    }
    return code.toString();
  }

  /**
   * The code as generated (upper case, dashes every four digits), or null when the text is not a
   * code: the wrong length or a letter base 32 does not use.
   */
  public static String normalise(String text) {
    if (text == null) {
      return null;
    }
    String digits = text.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    if (digits.length() != LENGTH) {
      return null;
    }
    StringBuilder code = new StringBuilder(LENGTH + LENGTH / 4);
    for (int index = 0; index < LENGTH; index++) {
      char digit = digits.charAt(index);
      if (DIGITS.indexOf(digit) < 0) {
        return null;
      }
      if (index > 0 && index % 4 == 0) {
        code.append('-');
      }
      code.append(digit);
    }
    return code.toString();
  }

  /** The stored form of a normalised code: its SHA-256 in lower-case hex. */
  public static String hash(String code) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
