package org.oretrace.core.ledger;

/**
 * The text rules of the C2SP signed-note format shared by keys, notes and checkpoints.
 *
 * <p>Key names are non-empty and hold no whitespace and no {@code +} (the separator of key texts).
 * Note text is UTF-8 without control characters other than newline; in a Java string that means no
 * unpaired surrogate either, since those have no UTF-8 form.
 */
final class NoteText {

  private NoteText() {}

  static String checkKeyName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("key name must not be empty");
    }
    for (int i = 0; i < name.length(); ) {
      int codePoint = name.codePointAt(i);
      if (codePoint == '+'
          || Character.isWhitespace(codePoint)
          || Character.isSpaceChar(codePoint)
          || Character.isISOControl(codePoint)
          || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
        throw new IllegalArgumentException(
            "key name must hold no space, control character or '+', got \"" + name + "\"");
      }
      i += Character.charCount(codePoint);
    }
    return name;
  }

  /** Checks {@code text} has no control character but newline and no unpaired surrogate. */
  static void checkText(String text, String what) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\n') || c == 0x7f) {
        throw new IllegalArgumentException(
            what
                + " holds control character U+00"
                + String.format("%02X", (int) c)
                + " at index "
                + i);
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(what + " holds an unpaired surrogate at index " + i);
      }
    }
  }
}
