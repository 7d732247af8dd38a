package org.oretrace.core.screening;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Table-driven transliteration to ASCII Latin, in pure Java.
 *
 * <p>Latin letters lose their diacritics by canonical decomposition (NFD) and dropping the
 * combining marks; the few Latin letters that do not decompose (ß, æ, ø, ł, đ, þ, ı, œ) have their
 * own entries. Greek (after the same decomposition, which removes its accents), Cyrillic, Hebrew
 * and Arabic are read through one table indexed by the UTF-16 unit, U+0000 to U+07FF, which holds
 * each letter's common English-language romanisation (BGN/PCGN-like for Cyrillic, the consonantal
 * skeleton for Hebrew and Arabic, whose short vowels are not written). Hangul syllables are
 * composed arithmetically from their lead, vowel and tail jamo and romanised by the Revised
 * Romanisation; Burmese by syllable (see BurmeseRomaniser). Han, Kana and other scripts need a
 * dictionary: the basic instance drops them, the standard one hands them to ICU4J (see
 * IcuTransliterator).
 *
 * <p>The output is not a faithful romanisation: it is a key good enough for the scorer, which
 * compares consonant skeletons as well as letters, to pair "محمد" with "Mohamed".
 */
final class BasicTransliterator implements Transliterator {

  static final BasicTransliterator INSTANCE = new BasicTransliterator(null);

  /** The tables with ICU4J for the scripts they lack (ICU loads on the first such letter). */
  static final BasicTransliterator STANDARD = new BasicTransliterator(IcuTransliterator.INSTANCE);

  /** Reads the scripts the tables lack (Han, Kana, Thai...), or null to drop them. */
  private final Transliterator otherScripts;

  private static final String[] TABLE = new String[0x0800];

  /** Characters above the table's range that still map: typographic apostrophes. */
  private static final Map<Character, String> BEYOND_TABLE = new HashMap<>();

  private static final char HEBREW_HE = 'ה';
  private static final char ARABIC_ALIF = 'ا';
  private static final char ARABIC_WAW = 'و';
  private static final char ARABIC_AYN = 'ع';
  private static final char ARABIC_YA = 'ي';
  private static final char ARABIC_FARSI_YA = 'ی';
  private static final char ARABIC_ALIF_MAQSURA = 'ى';
  private static final Map<String, String> ARABIC_WORDS =
      Map.of("الله", "allah", "اللہ", "allah", "بن", "bin", "ابن", "ibn", "بنت", "bint");

  private static final String[] HANGUL_LEADS = {
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
    "h"
  };
  private static final String[] HANGUL_VOWELS = {
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "eu", "ui", "i"
  };
  private static final String[] HANGUL_TAILS = {
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
    "t", "t", "ng", "t", "t", "k", "t", "p", "t"
  };

  static {
    put("ßẞ", "ss");
    put("æÆ", "ae");
    put("øØ", "o");
    put("łŁ", "l");
    put("đĐðÐ", "d");
    put("þÞ", "th");
    put("ı", "i");
    put("œŒ", "oe");
    put("ħĦ", "h");
    put("ŋŊ", "ng");
    put("ʿʾ‘’`´ʻʼ'", "");
    greek();
    cyrillic();
    hebrew();
    arabic();
  }

  private static void greek() {
    put("αΑ", "a");
    put("βΒ", "v");
    put("γΓ", "g");
    put("δΔ", "d");
    put("εΕ", "e");
    put("ζΖ", "z");
    put("ηΗ", "i");
    put("θΘ", "th");
    put("ιΙ", "i");
    put("κΚ", "k");
    put("λΛ", "l");
    put("μΜ", "m");
    put("νΝ", "n");
    put("ξΞ", "x");
    put("οΟ", "o");
    put("πΠ", "p");
    put("ρΡ", "r");
    put("σςΣ", "s");
    put("τΤ", "t");
    put("υΥ", "y");
    put("φΦ", "f");
    put("χΧ", "ch");
    put("ψΨ", "ps");
    put("ωΩ", "o");
  }

  private static void cyrillic() {
    String[][] letters = {
      {"аА", "a"},
      {"бБ", "b"},
      {"вВ", "v"},
      {"гГ", "g"},
      {"ґҐ", "g"},
      {"дД", "d"},
      {"еЕ", "e"},
      {"ёЁ", "yo"},
      {"єЄ", "ye"},
      {"жЖ", "zh"},
      {"зЗ", "z"},
      {"иИ", "i"},
      {"іІ", "i"},
      {"їЇ", "yi"},
      {"йЙ", "y"},
      {"кК", "k"},
      {"лЛ", "l"},
      {"мМ", "m"},
      {"нН", "n"},
      {"оО", "o"},
      {"пП", "p"},
      {"рР", "r"},
      {"сС", "s"},
      {"тТ", "t"},
      {"уУ", "u"},
      {"ўЎ", "u"},
      {"фФ", "f"},
      {"хХ", "kh"},
      {"цЦ", "ts"},
      {"чЧ", "ch"},
      {"шШ", "sh"},
      {"щЩ", "shch"},
      {"ъЪ", ""},
      {"ыЫ", "y"},
      {"ьЬ", ""},
      {"эЭ", "e"},
      {"юЮ", "yu"},
      {"яЯ", "ya"},
      {"ђЂ", "dj"},
      {"јЈ", "j"},
      {"љЉ", "lj"},
      {"њЊ", "nj"},
      {"ћЋ", "c"},
      {"џЏ", "dz"},
      {"ѓЃ", "gj"},
      {"ќЌ", "kj"},
      {"ѕЅ", "dz"},
      {"қҚ", "k"},
      {"ғҒ", "g"},
      {"ңҢ", "n"},
      {"өӨ", "o"},
      {"үҮ", "u"},
      {"ұҰ", "u"},
      {"һҺ", "h"},
      {"әӘ", "a"}
    };
    for (String[] letter : letters) {
      put(letter[0], letter[1]);
    }
  }

  private static void hebrew() {
    String[][] letters = {
      {"א", "a"}, {"ב", "v"}, {"ג", "g"}, {"ד", "d"}, {"ה", "h"}, {"ו", "v"}, {"ז", "z"},
      {"ח", "kh"}, {"ט", "t"}, {"י", "y"}, {"כך", "k"}, {"ל", "l"}, {"מם", "m"}, {"נן", "n"},
      {"ס", "s"}, {"ע", "a"}, {"פף", "p"}, {"צץ", "ts"}, {"ק", "k"}, {"ר", "r"}, {"ש", "sh"},
      {"ת", "t"}
    };
    for (String[] letter : letters) {
      put(letter[0], letter[1]);
    }
  }

  private static void arabic() {
    String[][] letters = {
      {"اآٱ", "a"},
      {"أ", "a"},
      {"إ", "i"},
      {"ب", "b"},
      {"پ", "p"},
      {"ت", "t"},
      {"ث", "th"},
      {"ج", "j"},
      {"چ", "ch"},
      {"ح", "h"},
      {"خ", "kh"},
      {"د", "d"},
      {"ذ", "dh"},
      {"ر", "r"},
      {"ز", "z"},
      {"ژ", "zh"},
      {"س", "s"},
      {"ش", "sh"},
      {"ص", "s"},
      // "dh" as Gulf romanisations write it (Fadhl, Ramadhan): its skeleton is d's, and the
      // Persian reading of dh (z: Fazl, Ramazan, Zia) is the token's second skeleton
      {"ض", "dh"},
      {"ط", "t"},
      {"ظ", "z"},
      {"ع", ""},
      {"غ", "gh"},
      {"ف", "f"},
      {"ق", "q"},
      {"كک", "k"},
      {"گ", "g"},
      {"ل", "l"},
      {"م", "m"},
      {"ن", "n"},
      {"هۀ", "h"},
      {"ة", "a"},
      {"و", "w"},
      {"ؤ", "w"},
      {"يیى", "y"},
      {"ئ", "y"},
      {"ء", ""},
      // Urdu and Pashto letters: retroflex t, d, r, n; the heh forms; the yeh forms
      {"ٹټ", "t"},
      {"ڈډ", "d"},
      {"ڑړ", "r"},
      {"ںڼ", "n"},
      {"ہھ", "h"},
      {"ےۓې", "e"},
      {"ۍ", "i"},
      {"ګ", "g"},
      {"ښ", "sh"},
      {"ږ", "zh"},
      {"ځ", "dz"},
      {"څ", "ts"},
      {"\u064E", "a"},
      {"\u0650", "i"},
      {"\u064F", "u"},
      {"\u0640", ""}
    };
    for (String[] letter : letters) {
      put(letter[0], letter[1]);
    }
  }

  private static void put(String characters, String latin) {
    for (int i = 0; i < characters.length(); i++) {
      char character = characters.charAt(i);
      if (character < TABLE.length) {
        TABLE[character] = latin;
      } else {
        BEYOND_TABLE.put(character, latin);
      }
    }
  }

  private BasicTransliterator(Transliterator otherScripts) {
    this.otherScripts = otherScripts;
  }

  @Override
  public String toLatin(String text) {
    if (isAscii(text)) {
      return text;
    }
    if (hasArabicPresentationForms(text)) {
      // the contextual letter shapes ("ﻤﺤﻤﺪ") of old encodings, composed back to letters
      text = Normalizer.normalize(text, Normalizer.Form.NFKC);
    }
    StringBuilder latin = new StringBuilder(text.length() + 8);
    int from = 0;
    int i = 0;
    while (i <= text.length()) {
      char character = i < text.length() ? text.charAt(i) : 0;
      // Hangul syllables are romanised whole (NFD would split them into jamo), Burmese by
      // syllable, other scripts the tables lack by otherScripts; the rest through the tables.
      boolean hangul = isHangulSyllable(character);
      boolean burmese = BurmeseRomaniser.isBurmese(character);
      boolean other = otherScripts != null && isOtherScript(character);
      if (i < text.length() && !hangul && !burmese && !other) {
        i++;
        continue;
      }
      appendDecomposed(Normalizer.normalize(text.substring(from, i), Normalizer.Form.NFD), latin);
      if (i == text.length()) {
        break;
      }
      if (hangul) {
        appendHangul(character, latin);
        i++;
      } else {
        int end = i;
        while (end < text.length()
            && (burmese
                ? BurmeseRomaniser.isBurmese(text.charAt(end))
                : isOtherScript(text.charAt(end)))) {
          end++;
        }
        String run = text.substring(i, end);
        latin
            .append(' ')
            .append(burmese ? BurmeseRomaniser.romanise(run) : otherScripts.toLatin(run))
            .append(' ');
        i = end;
      }
      from = i;
    }
    return latin.toString();
  }

  /**
   * A letter of a script the tables do not read (Han, Kana, Thai, Devanagari, Ethiopic...), or half
   * of a surrogate pair (the rarer Han characters).
   */
  private static boolean isOtherScript(char character) {
    if (character < 0x0800) {
      return false;
    }
    if (Character.isSurrogate(character)) {
      return true;
    }
    if (!Character.isLetter(character) || isHangulSyllable(character)) {
      return false;
    }
    return switch (Character.UnicodeScript.of(character)) {
      case LATIN, GREEK, CYRILLIC, ARABIC, HEBREW, HANGUL, MYANMAR, COMMON, INHERITED -> false;
      default -> true;
    };
  }

  private static boolean isHangulSyllable(char character) {
    return character >= 0xAC00 && character <= 0xD7A3;
  }

  private static void appendDecomposed(String decomposed, StringBuilder latin) {
    for (int i = 0; i < decomposed.length(); i++) {
      char character = decomposed.charAt(i);
      char next = i + 1 < decomposed.length() ? decomposed.charAt(i + 1) : 0;
      if (character < 0x80) {
        latin.append(character);
        continue;
      }
      if ((character == 'д' || character == 'Д') && (next == 'ж' || next == 'Ж')) {
        latin.append('j'); // "Джулио" is Julio, not Dzhulio
        i++;
        continue;
      }
      if ((character == 'ο' || character == 'Ο') && (next == 'υ' || next == 'Υ')) {
        latin.append('u'); // "Νικόλαος Σου": ου is one vowel, u
        i++;
        continue;
      }
      if ((character == 'τ' || character == 'Τ') && (next == 'ζ' || next == 'Ζ')) {
        latin.append('j'); // Greek writes the j of foreign names τζ: "Τζον" is John
        i++;
        continue;
      }
      if (isArabicLetter(character) && (i == 0 || !isArabicLetter(decomposed.charAt(i - 1)))) {
        i = appendArabicWord(decomposed, i, latin) - 1;
        continue;
      }
      if (character == HEBREW_HE && !isHebrewLetter(decomposed, i + 1)) {
        latin.append('e'); // a final he is a vowel: "משה" is Moshe
        continue;
      }
      String mapped = character < TABLE.length ? TABLE[character] : BEYOND_TABLE.get(character);
      if (mapped != null) {
        latin.append(mapped);
      } else if (Character.isWhitespace(character) || Character.isSpaceChar(character)) {
        latin.append(' ');
      } else if (Character.getType(character) == Character.DASH_PUNCTUATION) {
        latin.append('-');
      }
      // Combining marks, Han, Kana and unknown letters are dropped.
    }
  }

  /**
   * One Arabic word from {@code start}; returns where it ends. The table gives the consonants; the
   * word gives the rest: the article "ال" is its own token ("al-"), and waw and ya are the long
   * vowels u and i after a consonant (the script writes long vowels with them), but the consonants
   * w and y at the start of a word or next to an alif ("مروان" is Marwan, "الدوري" is al-Duri). A
   * few whole words have a settled spelling: "الله" (Allah), "بن" (bin), "ابن" (ibn), "بنت" (bint).
   */
  private static int appendArabicWord(String text, int start, StringBuilder latin) {
    int end = start;
    while (end < text.length() && isArabicLetter(text.charAt(end))) {
      end++;
    }
    String word = text.substring(start, end);
    String settled = ARABIC_WORDS.get(word);
    if (settled != null) {
      latin.append(settled);
      return end;
    }
    int from = 0;
    if (word.startsWith("ال") && word.length() > 3) {
      latin.append("al-");
      from = 2;
    }
    for (int i = from; i < word.length(); i++) {
      char character = word.charAt(i);
      int before = i - 1;
      while (before >= from && isArabicMark(word.charAt(before))) {
        before--;
      }
      int after = i + 1;
      while (after < word.length() && isArabicMark(word.charAt(after))) {
        after++;
      }
      boolean vowel =
          before >= from
              && word.charAt(before) != ARABIC_ALIF
              && (after == word.length() || word.charAt(after) != ARABIC_ALIF);
      if (character == ARABIC_WAW) {
        latin.append(vowel ? 'u' : 'w');
      } else if (character == ARABIC_YA || character == ARABIC_FARSI_YA) {
        latin.append(vowel ? 'i' : 'y');
      } else if (character == ARABIC_AYN) {
        // Romanised as an apostrophe inside a word ("Ma'ruf"); at its start, by its vowel, which
        // is not written unless it is a long a ("عمر" Umar, "عادل" Adil).
        if (before < from && after < word.length() && word.charAt(after) != ARABIC_ALIF) {
          latin.append('a');
        }
      } else if (character == ARABIC_ALIF_MAQSURA && i == word.length() - 1) {
        latin.append('a'); // "مصطفى" is Mustafa
      } else {
        String mapped = TABLE[character];
        if (mapped != null) {
          latin.append(mapped);
        }
      }
    }
    return end;
  }

  /** Vowel signs, shadda, sukun and the hamza written above or below a carrier. */
  private static boolean isArabicMark(char character) {
    return character >= 0x064B && character <= 0x065F;
  }

  private static boolean isArabicLetter(char character) {
    return character >= 0x0620 && character <= 0x06D3;
  }

  private static void appendHangul(char syllable, StringBuilder latin) {
    int index = syllable - 0xAC00;
    int lead = index / (21 * 28);
    int vowel = (index % (21 * 28)) / 28;
    int tail = index % 28;
    latin.append(HANGUL_LEADS[lead]).append(HANGUL_VOWELS[vowel]).append(HANGUL_TAILS[tail]);
    latin.append(' '); // one syllable, one name part: 김정은 is Kim Jong Un
  }

  private static boolean isHebrewLetter(String text, int index) {
    return index < text.length() && text.charAt(index) >= 0x05D0 && text.charAt(index) <= 0x05EA;
  }

  private static boolean hasArabicPresentationForms(String text) {
    for (int i = 0; i < text.length(); i++) {
      char character = text.charAt(i);
      if ((character >= 0xFB50 && character <= 0xFDFF)
          || (character >= 0xFE70 && character <= 0xFEFF)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
