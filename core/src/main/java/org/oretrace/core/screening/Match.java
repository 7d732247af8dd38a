package org.oretrace.core.screening;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A list entry the screened name matched, and why.
 *
 * @param matchedName the entry's name or alias that scored best, as published
 * @param score the final score in [0, 1]: {@code nameScore} plus the qualifier adjustments, clamped
 * @param nameScore how alike the names are, in [0, 1], before qualifiers
 * @param agreements the token pairs that agreed (screened token, listed token, similarity)
 * @param qualifiers what birth year, country and type did to the score
 */
public record Match(
    WatchListEntry entry,
    String matchedName,
    double score,
    double nameScore,
    List<TokenAgreement> agreements,
    List<Qualifier> qualifiers) {

  public Match {
    requireNonNull(entry, "entry is null");
    requireNonNull(matchedName, "matchedName is null");
    agreements = List.copyOf(agreements);
    qualifiers = List.copyOf(qualifiers);
    if (!(score >= 0 && score <= 1) || !(nameScore >= 0 && nameScore <= 1)) {
      throw new IllegalArgumentException("scores must lie in [0, 1]: " + score + ", " + nameScore);
    }
  }

  /** Two tokens, one from each name, that the scorer paired. */
  public record TokenAgreement(String screenedToken, String listedToken, double similarity) {
    public TokenAgreement {
      requireNonNull(screenedToken, "screenedToken is null");
      requireNonNull(listedToken, "listedToken is null");
    }

    @Override
    public String toString() {
      return screenedToken.equals(listedToken)
          ? screenedToken
          : screenedToken + "~" + listedToken + String.format(" %.2f", similarity);
    }
  }

  /** A fact beyond the name that moved the score: "birth year 1971 agrees", +0.05. */
  public record Qualifier(String reason, double adjustment) {
    public Qualifier {
      requireNonNull(reason, "reason is null");
    }

    @Override
    public String toString() {
      return String.format("%s %+.2f", reason, adjustment);
    }
  }

  /** One line a person reads: what matched, how well, and why. */
  public String explanation() {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format("%.2f %s %s \"%s\"", score, entry.source(), entry.reference(), matchedName));
    text.append(String.format(" (name %.2f; tokens %s", nameScore, agreements));
    for (Qualifier qualifier : qualifiers) {
      text.append("; ").append(qualifier);
    }
    return text.append(')').toString();
  }
}
