package org.oretrace.core.screening;

/**
 * Turns text in any script into plain Latin letters, so that "Владимир", "Vladimír" and "Vladimir"
 * compare as the same letters. Core ships a table-driven implementation ({@link #basic()}); a
 * module that can afford ICU4J may supply a fuller one ("Any-Latin; Latin-ASCII") through this
 * interface without core depending on it.
 */
@FunctionalInterface
public interface Transliterator {

  /**
   * The text in ASCII Latin letters, digits, spaces and punctuation; case is preserved or lowered.
   */
  String toLatin(String text);

  /**
   * Pure Java: Latin diacritics by Unicode decomposition, plus hand tables for Cyrillic (Russian,
   * Ukrainian, Belarusian), Greek, Arabic (with Persian letters), Hebrew and Hangul syllables. Han
   * and Kana characters are dropped: they need a dictionary.
   */
  static Transliterator basic() {
    return BasicTransliterator.INSTANCE;
  }
}
