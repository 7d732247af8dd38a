package org.oretrace.core.audit;

/** The one check of free text in audits: present, not blank, not too long; stripped. */
final class Texts {

  /** The longest name (auditor, scope) accepted. */
  static final int SHORT = 500;

  /** The longest description accepted. */
  static final int LONG = 4000;

  private Texts() {}

  static String require(String text, String field, int maximum) {
    if (text == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    String stripped = text.strip();
    if (stripped.isEmpty() || stripped.length() > maximum) {
      throw new IllegalArgumentException(
          field + " must be 1 to " + maximum + " characters, not blank");
    }
    return stripped;
  }
}
