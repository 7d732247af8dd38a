package org.oretrace.core.screening;

import java.util.Map;

/**
 * Burmese script to the romanisation Burmese names are published in (on sanctions lists, in the
 * press): "မင်းအောင်လှိုင်" is "min aung hlaing", "အောင်ဆန်းစုကြည်" "aung san su kyi".
 *
 * <p>A Burmese name is a run of syllables, each a word of the name, written without spaces; the
 * romanisation writes each syllable as a word. A syllable is an initial consonant (or the vowel
 * carrier အ), its medials (ျ and ြ y, ွ w, ှ an h before it: "hl", "hm", "sh"), its vowel signs,
 * and a final consonant marked with the asat ်, which together with the vowel gives the rhyme
 * ("ောင်" aung, "ိုင်" aing, "ိန်" ein); tone marks are not written. ICU's Myanmar-Latin
 * transliterates letter by letter ("mainnaaunglhaine"), which no list spells, so the names are read
 * here.
 */
final class BurmeseRomaniser {

  private static final char ASAT = '\u103A';
  private static final char VIRAMA = '\u1039';
  private static final char MEDIAL_YA = '\u103B';
  private static final char MEDIAL_RA = '\u103C';
  private static final char MEDIAL_WA = '\u103D';
  private static final char MEDIAL_HA = '\u103E';

  /** The initials, U+1000 to U+1021 (အ, the vowel carrier, is empty). */
  private static final String[] INITIALS = {
    "k", "kh", "g", "g", "ng", "s", "s", "z", "z", "ny", "ny", "t", "ht", "d", "d", "n", "t", "ht",
    "d", "d", "n", "p", "ph", "b", "b", "m", "y", "y", "l", "w", "th", "h", "l", ""
  };

  /** Independent vowels. */
  private static final Map<Character, String> VOWELS =
      Map.of('ဣ', "i", 'ဤ', "i", 'ဥ', "u", 'ဦ', "u", 'ဧ', "e", 'ဩ', "aw", 'ဪ', "aw");

  private BurmeseRomaniser() {}

  static boolean isBurmese(char character) {
    return character >= 0x1000 && character <= 0x109F;
  }

  /** The romanisation of a run of Burmese text, syllables separated by spaces. */
  static String romanise(String text) {
    StringBuilder latin = new StringBuilder(text.length() * 2);
    int i = 0;
    while (i < text.length()) {
      char character = text.charAt(i);
      if (isConsonant(character)) {
        i = syllable(text, i, latin);
      } else if (VOWELS.containsKey(character)) {
        separate(latin);
        latin.append(VOWELS.get(character));
        i++;
      } else {
        i++; // tone marks and signs out of place
      }
    }
    return latin.toString();
  }

  private static boolean isConsonant(char character) {
    return character >= 0x1000 && character <= 0x1021;
  }

  /** A consonant followed (through any tone marks) by an asat or a virama closes a syllable. */
  private static boolean isFinal(String text, int at) {
    for (int i = at + 1; i < text.length(); i++) {
      char next = text.charAt(i);
      if (next == ASAT || next == VIRAMA) {
        return true;
      }
      if (next != '\u1037' && next != '\u1038') {
        return false;
      }
    }
    return false;
  }

  private static int syllable(String text, int start, StringBuilder latin) {
    char initial = text.charAt(start);
    if (isFinal(text, start)) {
      return start + 1; // a stray final: its rhyme was read with the syllable before
    }
    boolean y = false;
    boolean w = false;
    boolean h = false;
    StringBuilder vowel = new StringBuilder(2);
    char last = 0;
    int i = start + 1;
    while (i < text.length()) {
      char character = text.charAt(i);
      if (character == MEDIAL_YA || character == MEDIAL_RA) {
        y = true;
      } else if (character == MEDIAL_WA) {
        w = true;
      } else if (character == MEDIAL_HA) {
        h = true;
      } else if (character >= 0x102B && character <= 0x1036) {
        vowel.append(character);
      } else if (character == '\u1037' || character == '\u1038' || character == ASAT) {
        // tone marks; an asat on the initial itself (a final written alone) changes nothing
      } else if (isConsonant(character) && isFinal(text, i)) {
        last = character;
        i++;
        while (i < text.length()
            && (text.charAt(i) == ASAT
                || text.charAt(i) == VIRAMA
                || text.charAt(i) == '\u1037'
                || text.charAt(i) == '\u1038')) {
          i++;
        }
        break;
      } else {
        break;
      }
      i++;
    }
    separate(latin);
    latin.append(onset(initial, y, w, h)).append(rhyme(vowel.toString(), last));
    return i;
  }

  private static String onset(char initial, boolean y, boolean w, boolean h) {
    String consonant = INITIALS[initial - 0x1000];
    boolean medialY = y;
    StringBuilder onset = new StringBuilder(4);
    if (h && (initial == 'ရ' || initial == 'လ' || initial == 'သ') && (y || initial == 'ရ')) {
      onset.append("sh"); // ရှ, လျှ, သျှ
    } else if (h && initial == 'ရ') {
      onset.append("sh");
    } else {
      if (h) {
        onset.append('h');
      }
      if (y && (initial == 'ခ' || initial == 'ဂ')) {
        onset.append(initial == 'ခ' ? "ch" : "gy");
        medialY = false;
      } else {
        onset.append(consonant);
      }
      if (medialY) {
        onset.append('y');
      }
    }
    if (w) {
      onset.append('w');
    }
    return onset.toString();
  }

  private static String rhyme(String vowel, char last) {
    boolean i = vowel.indexOf('ိ') >= 0 || vowel.indexOf('ီ') >= 0;
    boolean u = vowel.indexOf('ု') >= 0 || vowel.indexOf('ူ') >= 0;
    boolean e = vowel.indexOf('ေ') >= 0;
    boolean a = vowel.indexOf('ာ') >= 0 || vowel.indexOf('ါ') >= 0;
    boolean o = i && u; // ို
    boolean aw = e && a; // ော
    if (last == 0) {
      if (vowel.indexOf('ံ') >= 0) {
        return u ? "on" : i ? "ein" : "an";
      }
      if (o) {
        return "o";
      }
      if (aw) {
        return "aw";
      }
      if (e || vowel.indexOf('ဲ') >= 0) {
        return "e";
      }
      return i ? "i" : u ? "u" : "a";
    }
    return switch (last) {
      case 'က' -> aw ? "auk" : o ? "aik" : "et";
      case 'င' -> aw ? "aung" : o ? "aing" : u ? "ong" : "in";
      case 'စ' -> "it";
      case 'ည' -> "i";
      case 'ဉ' -> "in";
      case 'တ', 'ပ' -> i ? "eik" : u ? "ok" : "at";
      case 'န', 'မ', 'ဏ', 'လ' -> i ? "ein" : u ? "on" : "an";
      case 'ယ' -> "e";
      default -> "a";
    };
  }

  private static void separate(StringBuilder latin) {
    if (!latin.isEmpty()) {
      latin.append(' ');
    }
  }
}
