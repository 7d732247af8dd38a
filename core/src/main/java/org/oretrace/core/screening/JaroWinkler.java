package org.oretrace.core.screening;

/**
 * The Jaro-Winkler similarity of two strings (Winkler 1990): the Jaro similarity (matching
 * characters within a window of half the longer length, and their transpositions), raised for a
 * common prefix of up to four characters by a factor of 0.1 per character.
 *
 * <p>Strings of up to 64 characters, which is every name token and nearly every whole name, use two
 * {@code long} bit sets for the "already matched" flags and so allocate nothing; longer ones fall
 * back to boolean arrays. Called tens of millions of times per benchmark run, this matters.
 */
final class JaroWinkler {

  private static final double PREFIX_SCALE = 0.1;
  private static final int MAX_PREFIX = 4;

  private JaroWinkler() {}

  static double similarity(String first, String second) {
    double jaro = jaro(first, second);
    if (jaro == 0) {
      return 0;
    }
    int limit = Math.min(MAX_PREFIX, Math.min(first.length(), second.length()));
    int prefix = 0;
    while (prefix < limit && first.charAt(prefix) == second.charAt(prefix)) {
      prefix++;
    }
    return jaro + prefix * PREFIX_SCALE * (1 - jaro);
  }

  static double jaro(String first, String second) {
    int firstLength = first.length();
    int secondLength = second.length();
    if (firstLength == 0 || secondLength == 0) {
      return firstLength == secondLength ? 1 : 0;
    }
    if (first.equals(second)) {
      return 1;
    }
    if (firstLength > 64 || secondLength > 64) {
      return jaroLong(first, second);
    }
    int window = Math.max(0, Math.max(firstLength, secondLength) / 2 - 1);
    long firstMatched = 0;
    long secondMatched = 0;
    int matches = 0;
    for (int i = 0; i < firstLength; i++) {
      char character = first.charAt(i);
      int from = Math.max(0, i - window);
      int to = Math.min(secondLength, i + window + 1);
      for (int j = from; j < to; j++) {
        if ((secondMatched & (1L << j)) == 0 && second.charAt(j) == character) {
          firstMatched |= 1L << i;
          secondMatched |= 1L << j;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0;
    }
    int transpositions = 0;
    int j = 0;
    for (int i = 0; i < firstLength; i++) {
      if ((firstMatched & (1L << i)) != 0) {
        while ((secondMatched & (1L << j)) == 0) {
          j++;
        }
        if (first.charAt(i) != second.charAt(j)) {
          transpositions++;
        }
        j++;
      }
    }
    return score(matches, transpositions / 2, firstLength, secondLength);
  }

  private static double jaroLong(String first, String second) {
    int firstLength = first.length();
    int secondLength = second.length();
    int window = Math.max(0, Math.max(firstLength, secondLength) / 2 - 1);
    boolean[] firstMatched = new boolean[firstLength];
    boolean[] secondMatched = new boolean[secondLength];
    int matches = 0;
    for (int i = 0; i < firstLength; i++) {
      int from = Math.max(0, i - window);
      int to = Math.min(secondLength, i + window + 1);
      for (int j = from; j < to; j++) {
        if (!secondMatched[j] && second.charAt(j) == first.charAt(i)) {
          firstMatched[i] = true;
          secondMatched[j] = true;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0;
    }
    int transpositions = 0;
    int j = 0;
    for (int i = 0; i < firstLength; i++) {
      if (firstMatched[i]) {
        while (!secondMatched[j]) {
          j++;
        }
        if (first.charAt(i) != second.charAt(j)) {
          transpositions++;
        }
        j++;
      }
    }
    return score(matches, transpositions / 2, firstLength, secondLength);
  }

  private static double score(
      int matches, int halfTranspositions, int firstLength, int secondLength) {
    double matched = matches;
    return (matched / firstLength
            + matched / secondLength
            + (matched - halfTranspositions) / matched)
        / 3;
  }
}
