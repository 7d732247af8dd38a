package org.oretrace.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The screener scores candidates with {@link NameScorer#fastScore}; explanations use {@link
 * NameScorer#score}, the plain reference. On the benchmark's kinds of variants and decoys, against
 * a list grown as the speed run grows it, the two must give the same double for every candidate the
 * index retrieves, and for every listed name on a sample of screened names; so must the fast score
 * that remembers token similarities across the candidates of one screened name, as the screener
 * uses it.
 */
class FastScoringTest {

  private static final long SEED = 42;

  @Test
  void fastScoreEqualsTheReferenceOnTheBenchmarksVariantsAndDecoys() {
    List<WatchListEntry> base = new ArrayList<>(ScreeningBenchmarkTest.generatedList(400, 1));
    // Names in Arabic and Cyrillic script and organisations: unvocalised tokens, second skeletons,
    // the joined comparison.
    base.add(WatchListEntry.named("generated", "A1", EntityType.PERSON, "محمد حسن الذهبي"));
    base.add(WatchListEntry.named("generated", "A2", EntityType.PERSON, "عبد الله ثابت"));
    base.add(
        WatchListEntry.named("generated", "C1", EntityType.PERSON, "Ваккас Владимир Сергеевич"));
    base.add(
        WatchListEntry.named(
            "generated", "O1", EntityType.ORGANISATION, "Shamsuddin Global Trading Company"));
    base.add(
        WatchListEntry.named("generated", "O2", EntityType.ORGANISATION, "Abd al-Rahman Holdings"));
    List<WatchListEntry> grown = ScreeningBenchmark.grow(base, 5_000, SEED);
    WatchList list = WatchList.of(grown);
    VariantGenerator generator = new VariantGenerator(SEED);
    CandidateIndex.Scratch scratch = new CandidateIndex.Scratch(list.nameCount(), 128);
    NameScorer.Scratch scoring = new NameScorer.Scratch();

    long compared = 0;
    long hDropped = 0;
    long joinedOrPaired = 0;
    int screenedNames = 0;
    for (int n = 0; n < 4_000; n++) {
      WatchListEntry entry = grown.get(generator.nextInt(grown.size()));
      String name =
          n % 2 == 0
              ? generator.describedVariant(entry.primaryName(), entry.type()).name()
              : generator.describedDecoy(entry.type(), entry.primaryName()).name();
      List<String> tokens = list.normaliser().tokens(name);
      if (tokens.isEmpty()) {
        continue;
      }
      screenedNames++;
      PreparedName screened = list.prepare(name, tokens, null);
      scoring.begin();
      int[] candidates =
          n % 5 == 0
              ? list.index().candidates(screened, 128, 4 * CandidateIndex.POSTING_BUDGET, scratch)
              : list.index().candidates(screened, 32, scratch);
      List<Integer> numbers = new ArrayList<>();
      for (int candidate : candidates) {
        numbers.add(candidate);
      }
      if (n % 40 == 0) {
        for (int all = 0; all < list.nameCount(); all++) {
          numbers.add(all);
        }
      }
      for (int number : numbers) {
        PreparedName listed = list.name(number);
        List<Match.TokenAgreement> agreements = new ArrayList<>();
        double reference = NameScorer.score(screened, listed, agreements);
        double fast = NameScorer.fastScore(screened, listed);
        assertThat(Double.doubleToLongBits(fast))
            .as("%s against %s", name, listed.original())
            .isEqualTo(Double.doubleToLongBits(reference));
        double remembered = NameScorer.fastScore(screened, listed, scoring);
        assertThat(Double.doubleToLongBits(remembered))
            .as("%s against %s, similarities remembered", name, listed.original())
            .isEqualTo(Double.doubleToLongBits(reference));
        compared++;
        if (reference > 0) {
          joinedOrPaired++;
        }
        for (Match.TokenAgreement agreement : agreements) {
          if (agreement.similarity() == NameScorer.H_DROPPED_SIMILARITY) {
            hDropped++;
          }
        }
      }
    }
    assertThat(screenedNames).isGreaterThan(3_900);
    assertThat(compared).isGreaterThan(500_000);
    assertThat(joinedOrPaired).isGreaterThan(50_000);
    assertThat(hDropped).isPositive();
  }
}
