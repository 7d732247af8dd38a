package org.oretrace.core.screening;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a name as written into the tokens the screener compares: Latin letters (through a {@link
 * Transliterator}), no diacritics, lower case, no punctuation, no honorifics or ranks ("Colonel",
 * "Gen.", "Dr", "Sheikh") and no legal forms of companies ("Ltd", "SARL", "S.A. de C.V.", "OOO").
 * Word order is kept: the scorer pairs tokens whatever their order, and the order still helps when
 * tokens were split or joined ("Abd al-Rahman", "Abdulrahman").
 *
 * <p>Apostrophes and the ayn/hamza signs disappear without a space ("Sa'ad" is "saad"); dots
 * disappear too, so that "S.A." and "SA" are one token; every other punctuation mark separates
 * tokens. Titles and legal forms are removed only while a token of the name remains.
 */
public final class NameNormaliser {

  static final Set<String> TITLES =
      Set.of(
          "mr",
          "mrs",
          "ms",
          "miss",
          "mister",
          "dr",
          "doctor",
          "prof",
          "professor",
          "sir",
          "lord",
          "lady",
          "dame",
          "sheikh",
          "shaikh",
          "shaykh",
          "sheik",
          "haji",
          "hajji",
          "hadji",
          "alhaj",
          "alhaji",
          // the same titles read from Arabic script, which writes no short vowels: حجي, شيخ, ملا
          "hji",
          "hjj",
          "hajj",
          "shikh",
          "shykh",
          "mla",
          "mullah",
          "mulla",
          "maulana",
          "maulvi",
          "mawlawi",
          "colonel",
          "col",
          "gen",
          "general",
          "lt",
          "lieutenant",
          "maj",
          "major",
          "capt",
          "captain",
          "cpt",
          "brig",
          "brigadier",
          "cmdr",
          "commander",
          "sgt",
          "sergeant",
          "adm",
          "admiral",
          "marshal",
          "rev",
          "reverend",
          "fr",
          "father",
          "imam",
          "president",
          "minister",
          "hon",
          "honourable",
          "honorable",
          "excellency",
          "mme",
          "mlle",
          "madame",
          "monsieur",
          "herr",
          "frau",
          "senor",
          "senora",
          "sra",
          "dona",
          "gal",
          "genl",
          "ret",
          "retired",
          "jr",
          "sr");

  /** Legal forms that are no one's name: removed wherever they stand. */
  static final Set<String> UNAMBIGUOUS_LEGAL_FORMS =
      Set.of(
          "ltd",
          "limited",
          "llc",
          "llp",
          "inc",
          "incorporated",
          "corp",
          "korp",
          "corporation",
          "company",
          "sarl",
          "sprl",
          "sprlu",
          "gmbh",
          "gmbkh",
          "ltda",
          "plc",
          "pjsc",
          "ojsc",
          "jsc",
          "cjsc",
          "ooo",
          "zao",
          "oao",
          "pao",
          "fze",
          "fzco",
          "holding",
          "holdings");

  /**
   * The legal forms whose mistyped spellings are removed at the end of a name: the unambiguous ones
   * and "group"; not "asa", "sas" or "spa", one letter from Asad, Sasa and Spah.
   */
  private static final Set<String> MISTYPABLE_LEGAL_FORMS = mistypableLegalForms();

  private static Set<String> mistypableLegalForms() {
    Set<String> forms = new java.util.HashSet<>(UNAMBIGUOUS_LEGAL_FORMS);
    forms.add("group");
    return Set.copyOf(forms);
  }

  /** Legal forms that are also words or name parts ("sa", "co", "as"): removed at either end. */
  static final Set<String> LEGAL_FORMS =
      Set.of(
          "ltd",
          "limited",
          "llc",
          "llp",
          "lp",
          "inc",
          "incorporated",
          "corp",
          "corporation",
          "co",
          "company",
          "cie",
          "sarl",
          "sa",
          "sas",
          "sasu",
          "sprl",
          "sprlu",
          "spa",
          "srl",
          "sl",
          "sac",
          "saa",
          "cv",
          "rl",
          "gmbh",
          "ag",
          "kg",
          "bv",
          "nv",
          "plc",
          "pte",
          "pty",
          "oy",
          "ab",
          "as",
          "asa",
          "aps",
          "lda",
          "ltda",
          "eirl",
          "sc",
          "spr",
          "ooo",
          "zao",
          "oao",
          "pao",
          "ao",
          "tov",
          "pjsc",
          "ojsc",
          "jsc",
          "cjsc",
          "fze",
          "fzco",
          "fzc",
          "fz",
          "wll",
          "bhd",
          "sdn",
          "tbk",
          "pt",
          "jv",
          "group",
          "holding",
          "holdings",
          "the");

  private static final List<String> SPELLED_OUT_LEGAL_FORMS =
      List.of("company", "corporation", "limited", "incorporated", "holding", "holdings");

  /** Joining words that only make sense inside a legal form: "S.A. de C.V.", "Co. and Ltd". */
  private static final Set<String> LEGAL_FORM_JOINERS = Set.of("de", "y", "and", "et", "und");

  /** Short words that carry little identity: kinship and article particles. */
  static final Set<String> PARTICLES =
      Set.of(
          "al", "el", "ul", "ad", "ar", "as", "at", "az", "bin", "ben", "ibn", "bint", "binti",
          "de", "da", "del", "della", "der", "den", "di", "do", "dos", "das", "du", "la", "le",
          "van", "von", "y", "e", "of", "and", "und", "et");

  /**
   * The keys (see {@link #titleKey}) of the titles of four letters or more: "hajy", "hadjj" and the
   * Greek "ατζι" ("aji") are Haji as other transliterations write it; removed at the start of a
   * name, where titles stand.
   */
  private static final Set<String> RESPELT_TITLES = respeltTitles();

  /** Transliterations of one Cyrillic or Greek letter, which as an initial stand for one letter. */
  private static final java.util.Map<String, String> DIGRAPH_INITIALS =
      java.util.Map.of(
          "kh", "h", "zh", "z", "ch", "c", "sh", "s", "ts", "t", "th", "t", "ph", "f", "dzh", "j");

  private final Transliterator transliterator;

  public NameNormaliser(Transliterator transliterator) {
    this.transliterator = requireNonNull(transliterator, "transliterator is null");
  }

  public static NameNormaliser basic() {
    return new NameNormaliser(Transliterator.basic());
  }

  /** The comparable tokens of a name; empty when it has no letter or digit. */
  public List<String> tokens(String name) {
    requireNonNull(name, "name is null");
    String latin = transliterator.toLatin(name).toLowerCase(Locale.ROOT);
    List<String> tokens = split(latin);
    return stripTitlesAndLegalForms(tokens);
  }

  private static Set<String> respeltTitles() {
    Set<String> keys = new java.util.HashSet<>();
    for (String title : TITLES) {
      String key = titleKey(title);
      if (title.length() >= 4 && !key.isEmpty()) {
        keys.add(key);
      }
    }
    return Set.copyOf(keys);
  }

  /**
   * A title as its transliterations agree on it: no h (nor the Cyrillic kh), i for y, j for dj, no
   * doubled letters ("hajy", "khaji" and the Greek "aji" all give "aji"); the empty key for tokens
   * of fewer than three letters.
   */
  static String titleKey(String token) {
    if (token.length() < 3) {
      return "";
    }
    String folded = token.replace("dj", "j").replace("kh", "h").replace('y', 'i');
    StringBuilder key = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char character = folded.charAt(i);
      if (character != 'h' && (key.length() == 0 || key.charAt(key.length() - 1) != character)) {
        key.append(character);
      }
    }
    return key.length() < 3 ? "" : key.toString();
  }

  private static List<String> split(String latin) {
    List<String> tokens = new ArrayList<>(4);
    StringBuilder token = new StringBuilder(16);
    for (int i = 0; i < latin.length(); i++) {
      char character = latin.charAt(i);
      if ((character >= 'a' && character <= 'z') || (character >= '0' && character <= '9')) {
        token.append(character);
      } else if (character == '.' && DIGRAPH_INITIALS.containsKey(token.toString())) {
        // "Х." read "kh.": the initial of one letter (h), not a two-letter token
        String initial = DIGRAPH_INITIALS.get(token.toString());
        token.setLength(0);
        token.append(initial);
      } else if (character == '.' || character == '\'' || character == '`') {
        continue;
      } else if (token.length() > 0) {
        tokens.add(token.toString());
        token.setLength(0);
      }
    }
    if (token.length() > 0) {
      tokens.add(token.toString());
    }
    return tokens;
  }

  /**
   * "kompany", "corporacion", "limitted": a long legal form as other languages or typists write it;
   * removed wherever it stands, as the unambiguous legal forms are.
   */
  private static boolean isMisspeltLegalForm(String token) {
    if (token.length() < 6) {
      return false;
    }
    for (String form : SPELLED_OUT_LEGAL_FORMS) {
      if (JaroWinkler.similarity(token, form) >= 0.88) {
        return true;
      }
    }
    return false;
  }

  /**
   * "grup", "grooup", "gorup", "lttda", "cdjsc": a legal form of three letters or more (an
   * unambiguous one, or "group") with one letter added, dropped, replaced (four letters or more) or
   * two swapped, as typists and OCR leave them; only at the end of a name, where legal forms stand.
   */
  private static boolean isMistypedLegalForm(String token) {
    if (token.length() < 4) {
      return false;
    }
    for (String form : MISTYPABLE_LEGAL_FORMS) {
      if (form.length() >= 3
          && Math.abs(form.length() - token.length()) <= 1
          && oneEditApart(token, form, form.length() >= 4)) {
        return true;
      }
    }
    return false;
  }

  /** "s.a. de c.w.": a mistyped one- or two-letter form after a joiner after a legal form. */
  private static boolean isMistypedFormAfterJoiner(List<String> tokens, int start, int end) {
    return end - start > 3
        && tokens.get(end - 1).length() <= 2
        && LEGAL_FORM_JOINERS.contains(tokens.get(end - 2))
        && LEGAL_FORMS.contains(tokens.get(end - 3));
  }

  /** One insertion or deletion apart, or (when allowed) one substitution or adjacent swap. */
  static boolean oneEditApart(String first, String second, boolean substitutions) {
    if (first.equals(second)) {
      return false;
    }
    int length = Math.min(first.length(), second.length());
    int prefix = 0;
    while (prefix < length && first.charAt(prefix) == second.charAt(prefix)) {
      prefix++;
    }
    if (first.length() != second.length()) {
      boolean firstLonger = first.length() > second.length();
      String longer = firstLonger ? first : second;
      String shorter = firstLonger ? second : first;
      return longer.substring(prefix + 1).equals(shorter.substring(prefix));
    }
    if (!substitutions) {
      return false;
    }
    if (first.substring(prefix + 1).equals(second.substring(prefix + 1))) {
      return true;
    }
    return prefix + 1 < first.length()
        && first.charAt(prefix) == second.charAt(prefix + 1)
        && first.charAt(prefix + 1) == second.charAt(prefix)
        && first.substring(prefix + 2).equals(second.substring(prefix + 2));
  }

  private static List<String> stripTitlesAndLegalForms(List<String> tokens) {
    int start = 0;
    int end = tokens.size();
    // Legal forms at the end, with their joining words ("sa de cv"), then at the start ("ooo").
    while (end - start > 1
        && (LEGAL_FORMS.contains(tokens.get(end - 1))
            || isMisspeltLegalForm(tokens.get(end - 1))
            || isMistypedLegalForm(tokens.get(end - 1))
            || (LEGAL_FORM_JOINERS.contains(tokens.get(end - 1)) && end < tokens.size())
            || isMistypedFormAfterJoiner(tokens, start, end))) {
      end--;
    }
    while (end - start > 1
        && (LEGAL_FORMS.contains(tokens.get(start))
            || TITLES.contains(tokens.get(start))
            || RESPELT_TITLES.contains(titleKey(tokens.get(start))))) {
      start++;
    }
    List<String> kept = new ArrayList<>(end - start);
    for (int i = start; i < end; i++) {
      String token = tokens.get(i);
      if (!TITLES.contains(token)
          && !UNAMBIGUOUS_LEGAL_FORMS.contains(token)
          && !isMisspeltLegalForm(token)) {
        kept.add(token);
      }
    }
    return kept.isEmpty() ? List.copyOf(tokens.subList(start, end)) : kept;
  }
}
