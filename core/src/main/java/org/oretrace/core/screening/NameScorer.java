package org.oretrace.core.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How alike two prepared names are, in [0, 1], and which tokens agreed.
 *
 * <p>Tokens are paired greedily, most similar pair first, each token used once, whatever their
 * order (so "Putin Vladimir" pairs with "Vladimir Putin"). Two tokens are similar by the best of:
 * equality (1); an initial against a token that starts with it (0.85, or {@value
 * #TRANSLITERATED_INITIAL_SIMILARITY} with a letter transliteration swaps it for, C and K, Y and I,
 * W, V and U); equal but for h's ({@value #H_DROPPED_SIMILARITY}: Greek writes no h); Jaro-Winkler;
 * equal consonant skeletons, an h left out or not (0.92, or 0.88 for one-consonant skeletons of
 * short tokens, as in "aly" and "Ali", and for two-consonant skeletons when one token has no vowel,
 * as in "amr", read from the Arabic "عمر", and "Omar"; {@value #UNVOCALISED_SKELETON_SIMILARITY}
 * for any equal skeleton of two consonants or more when either name was written in Arabic or Hebrew
 * script, which leave short vowels out: "qsi" read from "قصي" and "Qusay"). Pairs under {@value
 * #MIN_TOKEN_SIMILARITY} are not paired. The name score is the weighted mean similarity of the
 * pairs, where every token left unpaired also counts in the denominator: fully for the screened
 * name's tokens (a word the list does not have is evidence against), and at {@value
 * #DROPPED_TOKEN_WEIGHT} for the middle tokens of a listed person's name once two tokens paired
 * (screened names often drop middle names), {@value #DROPPED_EDGE_TOKEN_WEIGHT} for its first and
 * last (a different given name is more often a different person), {@value #DROPPED_WORD_WEIGHT} for
 * other names, else at {@value #LONE_TOKEN_WEIGHT} (one common given name alone is weak evidence).
 *
 * <p>When the two names have different token counts, the tokens may have been split or joined ("Abd
 * al-Rahman", "Abdulrahman"): the joined strings are compared too, by Jaro (no prefix bonus)
 * discounted by {@value #JOINED_DISCOUNT}, or {@value #JOINED_SKELETON_SIMILARITY} when their
 * skeletons are equal and their Jaro similarity reaches {@value #JOINED_SKELETON_MIN_JARO} ("abd
 * allah" read from Arabic and "Abdullah"), and the better score wins; only when their lengths are
 * within {@value #MIN_JOINED_LENGTH_RATIO} of each other, since a whole word more is no spelling
 * variant.
 *
 * <p>Plain Jaro-Winkler on whole names fails both ways: word order and dropped middle names push
 * true matches under any useful threshold, and its prefix bonus lifts different people who share a
 * given name over it. Token pairing with skeletons is the usual remedy in screening engines; this
 * one stays small enough to explain each score.
 */
final class NameScorer {

  static final double MIN_TOKEN_SIMILARITY = 0.80;
  static final double DROPPED_TOKEN_WEIGHT = 0.1;
  static final double DROPPED_WORD_WEIGHT = 0.45;
  static final double DROPPED_EDGE_TOKEN_WEIGHT = 0.3;
  static final double TRANSLITERATED_INITIAL_SIMILARITY = 0.82;
  static final double H_DROPPED_SIMILARITY = 0.92;
  static final double LONE_TOKEN_WEIGHT = 0.6;
  static final double JOINED_DISCOUNT = 0.95;
  static final double JOINED_SKELETON_SIMILARITY = 0.9;
  static final double JOINED_SKELETON_MIN_JARO = 0.85;
  static final double MIN_JOINED_LENGTH_RATIO = 0.8;
  static final double SKELETON_MIN_JARO_WINKLER = 0.75;
  static final double LONG_SKELETON_MIN_JARO_WINKLER = 0.7;

  /** Two-consonant skeletons equal only without their h ("akkani", Haqqani) need less. */
  static final double H_SKELETON_MIN_JARO_WINKLER = 0.7;

  static final double UNVOCALISED_SKELETON_SIMILARITY = 0.9;
  static final int UNVOCALISED_LENGTH_ALLOWANCE = 3;
  private static final int MAX_TOKENS = 16;

  private NameScorer() {}

  /** The name score; fills {@code agreements} with the pairs when it is not null. */
  static double score(
      PreparedName screened, PreparedName listed, List<Match.TokenAgreement> agreements) {
    int screenedCount = Math.min(screened.size(), MAX_TOKENS);
    int listedCount = Math.min(listed.size(), MAX_TOKENS);
    if (screenedCount == 0 || listedCount == 0) {
      return 0;
    }
    boolean unvocalised = screened.unvocalised() || listed.unvocalised();
    double[] similarities = new double[screenedCount * listedCount];
    for (int i = 0; i < screenedCount; i++) {
      for (int j = 0; j < listedCount; j++) {
        double similarity =
            tokenSimilarity(
                screened.tokens()[i],
                screened.skeletons()[i],
                listed.tokens()[j],
                listed.skeletons()[j],
                listed.letters()[j],
                unvocalised);
        if (screened.alternativeSkeletons()[i] != null) {
          similarity =
              Math.max(
                  similarity,
                  tokenSimilarity(
                      screened.tokens()[i],
                      screened.alternativeSkeletons()[i],
                      listed.tokens()[j],
                      listed.skeletons()[j],
                      listed.letters()[j],
                      unvocalised));
        }
        if (listed.alternativeSkeletons()[j] != null) {
          similarity =
              Math.max(
                  similarity,
                  tokenSimilarity(
                      screened.tokens()[i],
                      screened.skeletons()[i],
                      listed.tokens()[j],
                      listed.alternativeSkeletons()[j],
                      listed.letters()[j],
                      unvocalised));
        }
        similarities[i * listedCount + j] = similarity;
      }
    }
    int screenedUsed = 0;
    int listedUsed = 0;
    double agreed = 0;
    double pairedWeight = 0;
    int pairs = 0;
    while (true) {
      int best = -1;
      double bestSimilarity = MIN_TOKEN_SIMILARITY;
      for (int cell = 0; cell < similarities.length; cell++) {
        int i = cell / listedCount;
        int j = cell % listedCount;
        if (similarities[cell] >= bestSimilarity
            && (screenedUsed & (1 << i)) == 0
            && (listedUsed & (1 << j)) == 0) {
          if (similarities[cell] > bestSimilarity || best < 0) {
            best = cell;
            bestSimilarity = similarities[cell];
          }
        }
      }
      if (best < 0) {
        break;
      }
      int i = best / listedCount;
      int j = best % listedCount;
      screenedUsed |= 1 << i;
      listedUsed |= 1 << j;
      double weight = (screened.weights()[i] + listed.weights()[j]) / 2;
      agreed += bestSimilarity * weight;
      pairedWeight += weight;
      pairs++;
      if (agreements != null) {
        agreements.add(
            new Match.TokenAgreement(screened.tokens()[i], listed.tokens()[j], bestSimilarity));
      }
    }
    return finish(
        screened,
        listed,
        agreements,
        screenedCount,
        listedCount,
        screenedUsed,
        listedUsed,
        agreed,
        pairedWeight,
        pairs);
  }

  /**
   * The same score as {@link #score} without explanations, for the many candidates of a screening:
   * token pairs whose letters rule out an h-only difference skip that comparison (their letter
   * sets, h aside, differ, or neither has an h), and the pairing walks the matrix row by row
   * without a division per cell. Every step is exact, so the result is the same double;
   * FastScoringTest holds the two equal on the benchmark's variants.
   */
  static double fastScore(PreparedName screened, PreparedName listed) {
    return fastScore(screened, listed, new Scratch());
  }

  /**
   * As {@link #fastScore(PreparedName, PreparedName)}, with the matrix in {@code scratch} and the
   * similarities of numbered listed tokens remembered there for the rest of the screening: call
   * {@link Scratch#begin} before the first candidate of each screened name.
   */
  static double fastScore(PreparedName screened, PreparedName listed, Scratch scratch) {
    int screenedCount = Math.min(screened.size(), MAX_TOKENS);
    int listedCount = Math.min(listed.size(), MAX_TOKENS);
    if (screenedCount == 0 || listedCount == 0) {
      return 0;
    }
    boolean unvocalised = screened.unvocalised() || listed.unvocalised();
    String[] screenedTokens = screened.tokens();
    String[] listedTokens = listed.tokens();
    String[] listedSkeletons = listed.skeletons();
    String[] listedAlternatives = listed.alternativeSkeletons();
    long[] listedLetters = listed.letters();
    int[] listedIds = listed.tokenIds();
    double[] similarities = scratch.similarities;
    for (int i = 0; i < screenedCount; i++) {
      String token = screenedTokens[i];
      String skeleton = screened.skeletons()[i];
      String alternative = screened.alternativeSkeletons()[i];
      long letters = screened.letters()[i];
      for (int j = 0; j < listedCount; j++) {
        int slot = -1;
        if (listedIds != null && listedIds[j] < Scratch.MAX_TOKEN_ID) {
          int key = listedIds[j] << 4 | i;
          slot = scratch.slot(key);
          if (scratch.holds(slot)) {
            similarities[i * listedCount + j] = scratch.values[slot];
            continue;
          }
        }
        boolean mayDifferByH = mayDifferOnlyByH(letters, listedLetters[j]);
        double similarity =
            tokenSimilarity(
                token,
                skeleton,
                listedTokens[j],
                listedSkeletons[j],
                listedLetters[j],
                unvocalised,
                mayDifferByH);
        if (alternative != null) {
          similarity =
              Math.max(
                  similarity,
                  tokenSimilarity(
                      token,
                      alternative,
                      listedTokens[j],
                      listedSkeletons[j],
                      listedLetters[j],
                      unvocalised,
                      mayDifferByH));
        }
        if (listedAlternatives[j] != null) {
          similarity =
              Math.max(
                  similarity,
                  tokenSimilarity(
                      token,
                      skeleton,
                      listedTokens[j],
                      listedAlternatives[j],
                      listedLetters[j],
                      unvocalised,
                      mayDifferByH));
        }
        similarities[i * listedCount + j] = similarity;
        if (slot >= 0) {
          scratch.remember(slot, listedIds[j] << 4 | i, similarity);
        }
      }
    }
    int screenedUsed = 0;
    int listedUsed = 0;
    double agreed = 0;
    double pairedWeight = 0;
    int pairs = 0;
    while (true) {
      int bestI = -1;
      int bestJ = -1;
      double bestSimilarity = MIN_TOKEN_SIMILARITY;
      // Row-major like the reference, so ties go to the same pair.
      for (int i = 0; i < screenedCount; i++) {
        if ((screenedUsed & (1 << i)) != 0) {
          continue;
        }
        int row = i * listedCount;
        for (int j = 0; j < listedCount; j++) {
          double similarity = similarities[row + j];
          if (similarity >= bestSimilarity
              && (listedUsed & (1 << j)) == 0
              && (similarity > bestSimilarity || bestI < 0)) {
            bestI = i;
            bestJ = j;
            bestSimilarity = similarity;
          }
        }
      }
      if (bestI < 0) {
        break;
      }
      screenedUsed |= 1 << bestI;
      listedUsed |= 1 << bestJ;
      double weight = (screened.weights()[bestI] + listed.weights()[bestJ]) / 2;
      agreed += bestSimilarity * weight;
      pairedWeight += weight;
      pairs++;
    }
    return finish(
        screened,
        listed,
        null,
        screenedCount,
        listedCount,
        screenedUsed,
        listedUsed,
        agreed,
        pairedWeight,
        pairs);
  }

  /**
   * Space for {@link #fastScore(PreparedName, PreparedName, Scratch)}, one per thread: the
   * similarity matrix of one pair of names, and the similarities of the screened name's tokens to
   * the listed tokens met so far in the screening, keyed by the listed token's number and the
   * screened token's position. The candidates of one screening share many tokens (on the speed run,
   * two token pairs in three repeat one already computed); a similarity depends only on the two
   * tokens as the scorer reads them, which is what the numbers stand for, so a remembered one is
   * the same double. Open addressing in a fixed table, emptied by a new stamp; once three quarters
   * full it remembers no more until the next screened name.
   */
  static final class Scratch {

    /** Token numbers from here up are not remembered: four bits of the key are the position. */
    static final int MAX_TOKEN_ID = 1 << 27;

    private static final int BITS = 12;
    private static final int CAPACITY = 1 << BITS;
    private static final int MAX_REMEMBERED = CAPACITY / 4 * 3;

    private final int[] keys = new int[CAPACITY];
    private final int[] stamps = new int[CAPACITY];
    private final double[] values = new double[CAPACITY];
    private final double[] similarities = new double[MAX_TOKENS * MAX_TOKENS];
    private int stamp = 1;
    private int remembered;

    /** Forgets the similarities remembered: a new screened name follows. */
    void begin() {
      remembered = 0;
      stamp++;
      if (stamp == 0) {
        Arrays.fill(stamps, 0);
        stamp = 1;
      }
    }

    /** The slot holding the key, or the empty one where it would go. */
    private int slot(int key) {
      int slot = (key * 0x9E3779B9) >>> (Integer.SIZE - BITS);
      while (stamps[slot] == stamp && keys[slot] != key) {
        slot = (slot + 1) & (CAPACITY - 1);
      }
      return slot;
    }

    private boolean holds(int slot) {
      return stamps[slot] == stamp;
    }

    private void remember(int slot, int key, double similarity) {
      if (remembered < MAX_REMEMBERED) {
        keys[slot] = key;
        values[slot] = similarity;
        stamps[slot] = stamp;
        remembered++;
      }
    }
  }

  /**
   * Whether two tokens with these letter sets can be equal but for h's: only when one has an h and
   * their sets differ at most in the bit of h (the sets are of characters mod 64, so that bit may
   * stand for another character too; the test stays on the safe side).
   */
  private static boolean mayDifferOnlyByH(long screenedLetters, long listedLetters) {
    long h = 1L << 'h';
    return ((screenedLetters | listedLetters) & h) != 0
        && ((screenedLetters ^ listedLetters) & ~h) == 0;
  }

  /** The unpaired tokens' weights, then the joined comparison when the token counts differ. */
  private static double finish(
      PreparedName screened,
      PreparedName listed,
      List<Match.TokenAgreement> agreements,
      int screenedCount,
      int listedCount,
      int screenedUsed,
      int listedUsed,
      double agreed,
      double pairedWeight,
      int pairs) {
    double unpairedScreened = 0;
    for (int i = 0; i < screenedCount; i++) {
      if ((screenedUsed & (1 << i)) == 0) {
        unpairedScreened += screened.weights()[i];
      }
    }
    boolean twoPaired = pairs >= 2 || (pairs == 1 && screenedCount == 1 && listedCount == 1);
    double unpairedListed = 0;
    for (int j = 0; j < listedCount; j++) {
      if ((listedUsed & (1 << j)) == 0) {
        unpairedListed += listed.weights()[j] * droppedWeight(listed, j, listedCount, twoPaired);
      }
    }
    double denominator = pairedWeight + unpairedScreened + unpairedListed;
    double tokenScore = denominator == 0 ? 0 : agreed / denominator;
    if (screenedCount == listedCount) {
      return tokenScore;
    }
    double joinedScore = joinedScore(screened, listed);
    if (joinedScore > tokenScore) {
      if (agreements != null) {
        agreements.clear();
        agreements.add(new Match.TokenAgreement(screened.joined(), listed.joined(), joinedScore));
      }
      return joinedScore;
    }
    return tokenScore;
  }

  /**
   * How much a listed token the screened name lacks counts against it: a person's middle name
   * little (screened names often drop middle names and patronymics), the first or last name of a
   * person more (a different given name is a different person, "Lucia Marin" is not "Olga Lucia
   * Marin" for sure), a word of another name more, and any token when fewer than two paired.
   */
  private static double droppedWeight(
      PreparedName listed, int token, int listedCount, boolean twoPaired) {
    if (!twoPaired) {
      return LONE_TOKEN_WEIGHT;
    }
    if (!listed.isPerson()) {
      return DROPPED_WORD_WEIGHT;
    }
    boolean edge = token == 0 || token == listedCount - 1;
    return edge && !listed.isParticle(token) ? DROPPED_EDGE_TOKEN_WEIGHT : DROPPED_TOKEN_WEIGHT;
  }

  static List<Match.TokenAgreement> agreements(PreparedName screened, PreparedName listed) {
    List<Match.TokenAgreement> agreements = new ArrayList<>();
    score(screened, listed, agreements);
    return agreements;
  }

  private static double joinedScore(PreparedName screened, PreparedName listed) {
    int shorter = Math.min(screened.joinedLength(), listed.joinedLength());
    int longer = Math.max(screened.joinedLength(), listed.joinedLength());
    boolean unvocalised = screened.unvocalised() || listed.unvocalised();
    if (unvocalised
        && shorter >= MIN_JOINED_LENGTH_RATIO * longer - UNVOCALISED_LENGTH_ALLOWANCE
        && (consonantsIgnoringH(screened.joinedSkeleton(), listed.joinedSkeleton()) >= 3
            || consonantsIgnoringH(assimilated(screened), assimilated(listed)) >= 3)) {
      return JOINED_SKELETON_SIMILARITY; // "hdayt allah" and "Hidayatullah", vowels unwritten
    }
    if (shorter < MIN_JOINED_LENGTH_RATIO * longer) {
      return 0; // a whole word more or less: not a split or joined token
    }
    double jaro = JaroWinkler.jaro(screened.joined(), listed.joined());
    if (jaro >= JOINED_SKELETON_MIN_JARO
        && consonantsIgnoringH(screened.joinedSkeleton(), listed.joinedSkeleton()) > 0) {
      return Math.max(JOINED_DISCOUNT * jaro, JOINED_SKELETON_SIMILARITY);
    }
    return JOINED_DISCOUNT * jaro;
  }

  /**
   * The joined skeleton of a name read from Arabic script with the article's l left out before a
   * sun letter, as it is spoken and romanised: "شمس الدين", read "shms al din", is Shamsuddin.
   * Other names keep their joined skeleton.
   */
  private static String assimilated(PreparedName name) {
    if (!name.unvocalised()) {
      return name.joinedSkeleton();
    }
    StringBuilder joined = new StringBuilder(name.joined().length());
    for (int t = 0; t < name.size(); t++) {
      String token = name.tokens()[t];
      boolean beforeSunLetter =
          t + 1 < name.size() && "tdrzsnl".indexOf(name.tokens()[t + 1].charAt(0)) >= 0;
      if (!(token.equals("al") && beforeSunLetter)) {
        joined.append(token);
      }
    }
    return PreparedName.skeleton(joined.toString(), true);
  }

  /**
   * At least the Jaro-Winkler similarity: Jaro matches at most the screened characters whose letter
   * the listed token has, and the prefix bonus is that of the actual common prefix.
   */
  private static double jaroWinklerBound(String screened, String listed, long listedLetters) {
    int shared = 0;
    for (int i = 0; i < screened.length(); i++) {
      if ((listedLetters & (1L << screened.charAt(i))) != 0) {
        shared++;
      }
    }
    int matches = Math.min(shared, listed.length());
    if (matches == 0) {
      return 0;
    }
    double jaro =
        ((double) matches / screened.length() + (double) matches / listed.length() + 1) / 3;
    int limit = Math.min(4, Math.min(screened.length(), listed.length()));
    int prefix = 0;
    while (prefix < limit && screened.charAt(prefix) == listed.charAt(prefix)) {
      prefix++;
    }
    return jaro + prefix * 0.1 * (1 - jaro);
  }

  /**
   * Initials that transliteration turns into one another: C and K (Greek and Cyrillic have one
   * letter for both), Y and I, W, V and U (Greek "ου", Cyrillic "в"), F and P.
   */
  private static char initialClass(char letter) {
    return switch (letter) {
      case 'c', 'k', 'q' -> 'k';
      case 'y', 'i' -> 'i';
      case 'w', 'v', 'u' -> 'u';
      case 'f', 'p' -> 'p';
      default -> letter;
    };
  }

  /**
   * Whether two tokens differ only by h's one of them has, none replaced: Greek has no h and drops
   * it ("ακ" for Hak, "ταιρ" for Tahir); Spanish and French do not sound it.
   */
  static boolean equalWithoutH(String first, String second) {
    int i = 0;
    int j = 0;
    boolean dropped = false;
    while (i < first.length() || j < second.length()) {
      char a = i < first.length() ? first.charAt(i) : 0;
      char b = j < second.length() ? second.charAt(j) : 0;
      if (a == b) {
        i++;
        j++;
      } else if (a == 'h') {
        i++;
        dropped = true;
      } else if (b == 'h') {
        j++;
        dropped = true;
      } else {
        return false;
      }
    }
    return dropped;
  }

  /** No vowel after the first letter: "amr", "hsn", as read from Arabic or Hebrew script. */
  private static boolean isUnvocalised(String token) {
    for (int i = 1; i < token.length(); i++) {
      if ("aeiouy".indexOf(token.charAt(i)) >= 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The consonants of two skeletons that are equal once their h's are left out ("sn" for "assan"
   * and "hsn" for Hassan: Greek, Spanish and French drop the h, Arabic ends words in an unwritten
   * one), or 0 when they still differ. Walks both without allocating: it runs on scored pairs.
   */
  static int consonantsIgnoringH(String first, String second) {
    int i = 0;
    int j = 0;
    int count = 0;
    char previous = 0;
    while (true) {
      while (i < first.length() && (first.charAt(i) == 'h' || first.charAt(i) == previous)) {
        i++;
      }
      while (j < second.length() && (second.charAt(j) == 'h' || second.charAt(j) == previous)) {
        j++;
      }
      if (i == first.length() || j == second.length()) {
        return i == first.length() && j == second.length() ? count : 0;
      }
      if (first.charAt(i) != second.charAt(j)) {
        return 0;
      }
      previous = first.charAt(i);
      count++;
      i++;
      j++;
    }
  }

  static double tokenSimilarity(
      String screened, String screenedSkeleton, String listed, String listedSkeleton) {
    return tokenSimilarity(
        screened, screenedSkeleton, listed, listedSkeleton, PreparedName.letters(listed), false);
  }

  /**
   * The similarity of two tokens, or 0 when it is sure to fall under {@value
   * #MIN_TOKEN_SIMILARITY}: an upper bound of Jaro-Winkler from the letters the two share rules out
   * most unrelated pairs for the cost of one pass over the screened token.
   */
  static double tokenSimilarity(
      String screened,
      String screenedSkeleton,
      String listed,
      String listedSkeleton,
      long listedLetters,
      boolean unvocalised) {
    return tokenSimilarity(
        screened, screenedSkeleton, listed, listedSkeleton, listedLetters, unvocalised, true);
  }

  /** As above; {@code mayDifferByH} false skips the h-only comparison, known to fail. */
  private static double tokenSimilarity(
      String screened,
      String screenedSkeleton,
      String listed,
      String listedSkeleton,
      long listedLetters,
      boolean unvocalised,
      boolean mayDifferByH) {
    if (screened.equals(listed)) {
      return 1;
    }
    if (screened.length() == 1 || listed.length() == 1) {
      if (screened.charAt(0) == listed.charAt(0)) {
        return 0.85;
      }
      return initialClass(screened.charAt(0)) == initialClass(listed.charAt(0))
          ? TRANSLITERATED_INITIAL_SIMILARITY
          : 0;
    }
    if (mayDifferByH && equalWithoutH(screened, listed)) {
      return H_DROPPED_SIMILARITY; // "umam" read from the Greek "ουμαμ" and Humam
    }
    boolean sameSkeleton = screenedSkeleton.equals(listedSkeleton);
    int consonants =
        sameSkeleton
            ? screenedSkeleton.length()
            : consonantsIgnoringH(screenedSkeleton, listedSkeleton);
    if (!sameSkeleton
        && consonants < 2
        && jaroWinklerBound(screened, listed, listedLetters) < MIN_TOKEN_SIMILARITY) {
      return 0;
    }
    double similarity = JaroWinkler.similarity(screened, listed);
    if (!sameSkeleton) {
      if (consonants < 2) {
        return similarity;
      }
    }
    if (consonants >= 3
        && (similarity >= LONG_SKELETON_MIN_JARO_WINKLER
            || unvocalised
            || isUnvocalised(screened)
            || isUnvocalised(listed))) {
      return Math.max(similarity, 0.92);
    }
    if (consonants == 2
        && similarity >= (sameSkeleton ? SKELETON_MIN_JARO_WINKLER : H_SKELETON_MIN_JARO_WINKLER)) {
      return Math.max(similarity, 0.92);
    }
    if (consonants == 1 && screened.length() <= 4 && listed.length() <= 4) {
      return Math.max(similarity, 0.88);
    }
    if (unvocalised && consonants >= 2) {
      return Math.max(similarity, UNVOCALISED_SKELETON_SIMILARITY); // "qsi" and "Qusay"
    }
    if (consonants == 2
        && ((screened.length() <= 3 && isUnvocalised(screened))
            || (listed.length() <= 3 && isUnvocalised(listed)))) {
      return Math.max(
          similarity, 0.88); // "amr" from "عمر" and "Omar": Arabic writes no short vowels
    }
    return similarity;
  }
}
