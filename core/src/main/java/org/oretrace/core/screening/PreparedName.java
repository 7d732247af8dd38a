package org.oretrace.core.screening;

import java.util.List;

/**
 * A name made ready for comparison once, so that scoring it against many others allocates nothing:
 * its tokens, each token's consonant skeleton and weight, and the tokens joined.
 *
 * <p>The skeleton of a token is its sound with the vowels taken out, after folding the spellings
 * that transliterations disagree on: "kh" to h, "gh" to k, "sh", "ch", "zh" and "ts" to s, "th" and
 * "dh" to t, "ph" to p, voiced and voiceless pairs (d/t, g/k/q/c, z/s) together, the labials b, p,
 * v, f (Greek and Spanish write b as v, Arabic has no p), x to ks, doubled letters to one; vowels
 * and the semivowels y and w are dropped. "Mohamed", "Muhammad" and the Arabic "محمد" (read "mhmd")
 * all become "mhmt"; "Aleksandr" and "Alexander" become "lksntr".
 *
 * <p>The weight of a token is its length, cut to a third for particles ("al", "bin", "de"), times
 * its rarity on the list (inverse to the log of the number of listed names holding it), so a long
 * rare surname counts more than "Mohamed", "Trading" or "Global". The letters of a token, as a bit
 * set, let the scorer rule out most pairs of unrelated tokens before computing their similarity.
 *
 * <p>The Arabic letters ذ and ث, read "dh" and "th" (skeleton t) as Arabic sounds them, are "z" and
 * "s" in Persian, Pashto and Urdu names ("ذاکر" is Zakir, "واثق" Wasiq): a token read from Arabic
 * script with either keeps that second, Persian skeleton too; so does a token written in Cyrillic
 * with a v, read as w ("Ваккас" is Waqqas): Cyrillic has no w and writes it в; and a token written
 * in Greek with a χ, read "ch" (Chang, Choe) and as kh: Greek writes the kh of Khalil χ too. Null
 * when there is no second skeleton. (The Arabic ض is read "dh" for the same reason: d in Arabic, z
 * in Persian names, "فضل" Fadl and Fazl.)
 *
 * <p>A name written in Arabic or Hebrew script is marked unvocalised: those scripts do not write
 * short vowels, so its Latin tokens ("qsi" for Qusay, "mhi" for Muhyi) differ from a romanised
 * spelling mostly in vowels, and the scorer trusts equal skeletons more for it.
 *
 * <p>A listed name's tokens are also numbered by the list: two tokens get the same number when
 * everything the scorer reads of them is the same (the token, its skeletons, whether it was read
 * from Arabic or Hebrew script), so a screening can compute the similarity of a screened token to
 * such a token once and reuse it for every candidate that holds it (see NameScorer.Scratch).
 *
 * @param entryIndex the list entry this name belongs to, or -1 for a screened name
 *     <p>The joined length and which tokens are particles are kept beside the rest, so that scoring
 *     a candidate reads them from the name itself, not from its strings (every string is another
 *     cache line, and most candidates are scored once in a screening and never again).
 * @param tokenIds the list's numbers of the tokens, or null for a screened name
 * @param joinedLength the length of {@code joined}
 * @param particles bit t set when token t (of the first 64) is a particle
 */
record PreparedName(
    int entryIndex,
    String original,
    String[] tokens,
    String[] skeletons,
    String[] alternativeSkeletons,
    double[] weights,
    long[] letters,
    String joined,
    String joinedSkeleton,
    boolean isPerson,
    boolean unvocalised,
    int[] tokenIds,
    int joinedLength,
    long particles) {

  /** How many listed names hold a token: frequent tokens weigh less. */
  interface TokenFrequency {
    int of(String token);
  }

  /** The number a list gives a token as the scorer reads it, from 0 up, the same for equal ones. */
  interface TokenNumbering {
    int of(String token, String skeleton, String alternativeSkeleton, boolean unvocalised);
  }

  /** A screened name: its tokens are not numbered. */
  static PreparedName of(
      int entryIndex,
      String original,
      List<String> tokens,
      boolean isPerson,
      TokenFrequency frequency) {
    return of(entryIndex, original, tokens, isPerson, frequency, null);
  }

  static PreparedName of(
      int entryIndex,
      String original,
      List<String> tokens,
      boolean isPerson,
      TokenFrequency frequency,
      TokenNumbering numbering) {
    int count = tokens.size();
    String[] tokenArray = tokens.toArray(new String[0]);
    String[] skeletons = new String[count];
    String[] alternativeSkeletons = new String[count];
    double[] weights = new double[count];
    long[] letters = new long[count];
    StringBuilder joined = new StringBuilder();
    boolean unvocalised = isUnvocalisedScript(original);
    boolean cyrillic = isCyrillicScript(original);
    boolean greek = !unvocalised && !cyrillic && isHLessScript(original);
    long particles = 0;
    for (int i = 0; i < count; i++) {
      String token = tokenArray[i];
      boolean particle = NameNormaliser.PARTICLES.contains(token);
      if (particle && i < Long.SIZE) {
        particles |= 1L << i;
      }
      skeletons[i] = skeleton(token, unvocalised);
      String alternative = null;
      if (unvocalised && (token.contains("dh") || token.contains("th"))) {
        alternative = skeleton(token.replace("dh", "z").replace("th", "s"), true);
      } else if (cyrillic && token.indexOf('v') >= 0) {
        alternative = skeleton(token.replace('v', 'w'), false);
      } else if (greek && token.contains("ch")) {
        alternative = skeleton(token.replace("ch", "kh"), false);
      }
      alternativeSkeletons[i] = skeletons[i].equals(alternative) ? null : alternative;
      double length = particle ? token.length() / 3.0 : token.length();
      weights[i] = length * rarity(frequency.of(token));
      letters[i] = letters(token);
      joined.append(token);
    }
    int[] tokenIds = null;
    if (numbering != null) {
      tokenIds = new int[count];
      for (int i = 0; i < count; i++) {
        tokenIds[i] =
            numbering.of(tokenArray[i], skeletons[i], alternativeSkeletons[i], unvocalised);
      }
    }
    String joinedText = joined.toString();
    return new PreparedName(
        entryIndex,
        original,
        tokenArray,
        skeletons,
        alternativeSkeletons,
        weights,
        letters,
        joinedText,
        skeleton(joinedText, unvocalised),
        isPerson,
        unvocalised,
        tokenIds,
        joinedText.length(),
        particles);
  }

  /** Whether the text has a letter of the Arabic or Hebrew script. */
  static boolean isUnvocalisedScript(String text) {
    for (int i = 0; i < text.length(); i++) {
      char character = text.charAt(i);
      if ((character >= 0x0590 && character <= 0x06FF)
          || (character >= 0x0750 && character <= 0x077F)
          || (character >= 0xFB1D && character <= 0xFDFF)
          || (character >= 0xFE70 && character <= 0xFEFF)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the text has a letter of the Cyrillic script, which writes w as в (v). */
  static boolean isCyrillicScript(String text) {
    for (int i = 0; i < text.length(); i++) {
      char character = text.charAt(i);
      if (character >= 0x0400 && character <= 0x04FF) {
        return true;
      }
    }
    return false;
  }

  /** Whether the text has a letter of the Greek script, which writes no h. */
  static boolean isHLessScript(String text) {
    for (int i = 0; i < text.length(); i++) {
      char character = text.charAt(i);
      if ((character >= 0x0370 && character <= 0x03FF)
          || (character >= 0x1F00 && character <= 0x1FFF)) {
        return true;
      }
    }
    return false;
  }

  /** The set of a token's characters, each as bit (character mod 64): a filter, not an alphabet. */
  static long letters(String token) {
    long letters = 0;
    for (int i = 0; i < token.length(); i++) {
      letters |= 1L << token.charAt(i);
    }
    return letters;
  }

  /** 1 for a token no listed name has, about 0.75 at 8 names, 0.45 at 100, 0.3 at 1,000. */
  static double rarity(int namesWithToken) {
    return 1 / (1 + 0.5 * Math.log1p(namesWithToken / 8.0));
  }

  int size() {
    return tokens.length;
  }

  boolean isParticle(int token) {
    return token < Long.SIZE
        ? (particles & (1L << token)) != 0
        : NameNormaliser.PARTICLES.contains(tokens[token]);
  }

  static String skeleton(String token) {
    return skeleton(token, false);
  }

  /**
   * The skeleton; a token read from Arabic script keeps "ts" as two consonants (ت then ص, as in
   * "mtsdq" for Motassadeq), since that script has no letter the digraph would stand for.
   */
  static String skeleton(String token, boolean unvocalised) {
    StringBuilder skeleton = new StringBuilder(token.length());
    int length = token.length();
    for (int i = 0; i < length; i++) {
      char character = token.charAt(i);
      char next = i + 1 < length ? token.charAt(i + 1) : 0;
      char folded;
      if (next == 'h' && "kgscztdp".indexOf(character) >= 0) {
        folded = foldDigraph(character);
        i++;
      } else if (character == 't' && next == 's' && !unvocalised) {
        folded = 's';
        i++;
      } else if (character == 'd' && next == 'j') {
        continue; // French "Dj" writes j: "Djamel" is Jamel

      } else {
        folded = fold(character);
      }
      if (folded == 0) {
        continue;
      }
      if (folded == 'x') {
        appendDistinct(skeleton, 'k');
        appendDistinct(skeleton, 's');
      } else {
        appendDistinct(skeleton, folded);
      }
    }
    return skeleton.toString();
  }

  private static char foldDigraph(char first) {
    return switch (first) {
      case 'k' -> 'h';
      case 'g' -> 'k';
      case 's', 'c', 'z' -> 's';
      case 't', 'd' -> 't';
      case 'p' -> 'p';
      default -> first;
    };
  }

  private static char fold(char character) {
    return switch (character) {
      case 'a', 'e', 'i', 'o', 'u', 'y', 'w' -> 0;
      case 'b', 'v', 'f' -> 'p';
      case 'd' -> 't';
      case 'g', 'q', 'c' -> 'k';
      case 'z' -> 's';
      case 'j' -> 'j';
      default -> character;
    };
  }

  private static void appendDistinct(StringBuilder skeleton, char character) {
    int length = skeleton.length();
    if (length == 0 || skeleton.charAt(length - 1) != character) {
      skeleton.append(character);
    }
  }
}
