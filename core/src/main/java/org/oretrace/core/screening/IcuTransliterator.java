package org.oretrace.core.screening;

/**
 * ICU4J's "Any-Latin; Latin-ASCII" transform, for the scripts the tables of {@link
 * BasicTransliterator} do not read: Han to Hanyu Pinyin, one word per character ("习近平" is "xi jin
 * ping", which the scorer compares joined with "XI Jinping"), Kana, Thai, Devanagari, Ethiopic and
 * the rest of Unicode. ICU transliterators are not documented as thread-safe, so each thread builds
 * its own, on first use (building one loads ICU's rules: about a second, once).
 */
final class IcuTransliterator implements Transliterator {

  static final IcuTransliterator INSTANCE = new IcuTransliterator();

  private static final ThreadLocal<com.ibm.icu.text.Transliterator> ANY_LATIN =
      ThreadLocal.withInitial(
          () -> com.ibm.icu.text.Transliterator.getInstance("Any-Latin; Latin-ASCII"));

  private IcuTransliterator() {}

  @Override
  public String toLatin(String text) {
    return ANY_LATIN.get().transliterate(text);
  }
}
