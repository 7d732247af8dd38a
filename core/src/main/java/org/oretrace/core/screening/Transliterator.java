package org.oretrace.core.screening;

/**
 * Turns text in any script into plain Latin letters, so that "Владимир", "Vladimír" and "Vladimir"
 * compare as the same letters. Core ships a table-driven implementation ({@link #basic()}) and the
 * same tables with ICU4J's "Any-Latin; Latin-ASCII" for the scripts they lack ({@link
 * #standard()}): the tables stay first because their Arabic and Hebrew output is tuned to the
 * scorer's skeletons.
 */
@FunctionalInterface
public interface Transliterator {

  /**
   * The text in ASCII Latin letters, digits, spaces and punctuation; case is preserved or lowered.
   */
  String toLatin(String text);

  /**
   * Pure Java: Latin diacritics by Unicode decomposition, plus hand tables for Cyrillic (Russian,
   * Ukrainian, Belarusian), Greek, Arabic (with Persian letters), Hebrew, Hangul syllables and
   * Burmese. Han and Kana characters are dropped: they need a dictionary (see {@link #standard()}).
   */
  static Transliterator basic() {
    return BasicTransliterator.INSTANCE;
  }

  /**
   * The tables of {@link #basic()} (and Burmese by syllable), with the scripts they lack, Han
   * first, read by ICU4J's Any-Latin transform: "习近平" is "xi jin ping". What watch-lists use.
   */
  static Transliterator standard() {
    return BasicTransliterator.STANDARD;
  }
}
