package org.oretrace.core.screening;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Screens names against a {@link WatchList}: normalises the screened name, retrieves candidate
 * names from the list's index, scores each by name (see NameScorer), adjusts the score by the
 * query's qualifiers, and returns the entries at or above the threshold, best first, each with its
 * explanation.
 *
 * <p>Qualifiers move a name score only by a little, since lists are incomplete and often wrong on
 * facts: a birth year equal to a listed one adds {@value #BIRTH_YEAR_AGREES}, within two years
 * {@value #BIRTH_YEAR_CLOSE}, five or more years off subtracts {@value #BIRTH_YEAR_DIFFERS}; a
 * country among the entry's nationalities and address countries adds {@value #COUNTRY_AGREES}, none
 * of them subtracts {@value #COUNTRY_DIFFERS}; the same entity type adds {@value #TYPE_AGREES},
 * another type (a vessel for a person) subtracts {@value #TYPE_DIFFERS}. An entry without the fact
 * is left alone.
 *
 * <p>Thread-safe: the per-thread scratch space of the index and of the scorer (which remembers
 * token similarities for the length of one screening) live in thread locals.
 */
public final class Screener {

  /** The score at or above which a name is reported, chosen on the variant benchmark. */
  public static final double DEFAULT_THRESHOLD = 0.84;

  static final double BIRTH_YEAR_AGREES = 0.05;
  static final double BIRTH_YEAR_CLOSE = 0.02;
  static final double BIRTH_YEAR_DIFFERS = 0.10;
  static final double COUNTRY_AGREES = 0.04;
  static final double COUNTRY_DIFFERS = 0.04;
  static final double TYPE_AGREES = 0.02;
  static final double TYPE_DIFFERS = 0.25;

  private static final int CANDIDATES = 32;

  /**
   * Names read from Arabic or Hebrew script are searched wider: without their vowels they share few
   * keys with their romanisation, and they are rare enough among screened names to afford it. So
   * are names written in Greek, which has no h ("μουαμμαδ" for Muhammad).
   */
  private static final int UNVOCALISED_CANDIDATES = 128;

  private static final int UNVOCALISED_POSTING_BUDGET = 4 * CandidateIndex.POSTING_BUDGET;
  private static final int MAX_MATCHES = 20;

  private final WatchList watchList;
  private final double threshold;
  private final ThreadLocal<CandidateIndex.Scratch> scratch;
  private final ThreadLocal<NameScorer.Scratch> scoring =
      ThreadLocal.withInitial(NameScorer.Scratch::new);

  private Screener(WatchList watchList, double threshold) {
    this.watchList = requireNonNull(watchList, "watchList is null");
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must lie in (0, 1]: " + threshold);
    }
    this.threshold = threshold;
    int nameCount = watchList.nameCount();
    this.scratch =
        ThreadLocal.withInitial(
            () -> new CandidateIndex.Scratch(nameCount, UNVOCALISED_CANDIDATES));
  }

  public static Screener of(WatchList watchList) {
    return new Screener(watchList, DEFAULT_THRESHOLD);
  }

  public static Screener of(WatchList watchList, double threshold) {
    return new Screener(watchList, threshold);
  }

  public double threshold() {
    return threshold;
  }

  /** The entries the query matches at or above the threshold, best first (at most 20). */
  public List<Match> screen(Query query) {
    requireNonNull(query, "query is null");
    List<String> tokens = watchList.normaliser().tokens(query.name());
    if (tokens.isEmpty()) {
      return List.of();
    }
    PreparedName screened = watchList.prepare(query.name(), tokens, query.type());
    int[] candidates =
        screened.unvocalised() || PreparedName.isHLessScript(query.name())
            ? watchList
                .index()
                .candidates(
                    screened, UNVOCALISED_CANDIDATES, UNVOCALISED_POSTING_BUDGET, scratch.get())
            : watchList.index().candidates(screened, CANDIDATES, scratch.get());
    String queryCountry = query.country() == null ? null : CountryNames.code(query.country());
    // Best name per entry, then qualifiers.
    List<Scored> scored = new ArrayList<>();
    NameScorer.Scratch scoring = this.scoring.get();
    scoring.begin();
    for (int candidate : candidates) {
      PreparedName listed = watchList.name(candidate);
      double nameScore = NameScorer.fastScore(screened, listed, scoring);
      if (nameScore + maximumRaise() < threshold) {
        continue;
      }
      WatchListEntry entry = watchList.entries().get(listed.entryIndex());
      List<Match.Qualifier> qualifiers =
          qualifiers(query, queryCountry, entry, listed.entryIndex());
      double score = nameScore;
      for (Match.Qualifier qualifier : qualifiers) {
        score += qualifier.adjustment();
      }
      double unclamped = score;
      score = Math.max(0, Math.min(1, score));
      if (score >= threshold) {
        scored.add(new Scored(listed, nameScore, score, unclamped, qualifiers));
      }
    }
    // Best first; among scores clamped to 1, the one more facts agree with.
    scored.sort(
        Comparator.comparingDouble(Scored::score)
            .thenComparingDouble(Scored::unclamped)
            .reversed());
    List<Match> matches = new ArrayList<>();
    List<Integer> reportedEntries = new ArrayList<>();
    for (Scored each : scored) {
      int entryIndex = each.name().entryIndex();
      if (reportedEntries.contains(entryIndex) || matches.size() >= MAX_MATCHES) {
        continue;
      }
      reportedEntries.add(entryIndex);
      matches.add(
          new Match(
              watchList.entries().get(entryIndex),
              each.name().original(),
              each.score(),
              each.nameScore(),
              NameScorer.agreements(screened, each.name()),
              each.qualifiers()));
    }
    return List.copyOf(matches);
  }

  private static double maximumRaise() {
    return BIRTH_YEAR_AGREES + COUNTRY_AGREES + TYPE_AGREES;
  }

  private List<Match.Qualifier> qualifiers(
      Query query, String queryCountry, WatchListEntry entry, int entryIndex) {
    List<Match.Qualifier> qualifiers = new ArrayList<>(3);
    if (query.birthYear() != null) {
      List<Integer> years = entry.birthYears();
      if (!years.isEmpty()) {
        int distance = Integer.MAX_VALUE;
        for (int year : years) {
          distance = Math.min(distance, Math.abs(year - query.birthYear()));
        }
        if (distance == 0) {
          qualifiers.add(
              new Match.Qualifier(
                  "birth year " + query.birthYear() + " agrees", BIRTH_YEAR_AGREES));
        } else if (distance <= 2) {
          qualifiers.add(
              new Match.Qualifier("birth year close to listed " + years, BIRTH_YEAR_CLOSE));
        } else if (distance >= 5) {
          qualifiers.add(
              new Match.Qualifier("birth year differs from listed " + years, -BIRTH_YEAR_DIFFERS));
        }
      }
    }
    if (queryCountry != null) {
      Set<String> codes = watchList.countryCodes(entryIndex);
      if (codes.contains(queryCountry)) {
        qualifiers.add(new Match.Qualifier("country " + queryCountry + " agrees", COUNTRY_AGREES));
      } else if (!codes.isEmpty()) {
        qualifiers.add(
            new Match.Qualifier(
                "country " + queryCountry + " not among listed " + codes, -COUNTRY_DIFFERS));
      }
    }
    if (query.type() != null) {
      if (query.type() == entry.type()) {
        qualifiers.add(new Match.Qualifier("type " + entry.type() + " agrees", TYPE_AGREES));
      } else if (query.type().conflictsWith(entry.type())) {
        qualifiers.add(new Match.Qualifier("type differs: listed " + entry.type(), -TYPE_DIFFERS));
      }
    }
    return qualifiers;
  }

  private record Scored(
      PreparedName name,
      double nameScore,
      double score,
      double unclamped,
      List<Match.Qualifier> qualifiers) {}
}
