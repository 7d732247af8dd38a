package org.oretrace.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScreeningBenchmarkTest {

  private static final String[] GIVEN = {
    "Sultani",
    "Innocent",
    "Bosco",
    "Laurent",
    "Ntabo",
    "Gedeon",
    "Jamil",
    "Seka",
    "Baudoin",
    "Callixte",
    "Ignace",
    "Sylvestre",
    "Straton",
    "Leodomir",
    "Kakolele",
    "Ferdinand",
    "Ayman",
    "Khalid",
    "Yusuf",
    "Ibrahim",
    "Viktor",
    "Dmitri",
    "Olena",
    "Svetlana"
  };
  private static final String[] FAMILY = {
    "Makenga",
    "Kaina",
    "Ntaganda",
    "Nkunda",
    "Ntaberi",
    "Kyungu",
    "Mukulu",
    "Baluku",
    "Ngaruye",
    "Mbarushimana",
    "Murwanashyaka",
    "Mudacumura",
    "Nsengiyumva",
    "Habyarimana",
    "Mugaragu",
    "Zubayri",
    "Haddad",
    "Qasimi",
    "Tikriti",
    "Kuznetsov",
    "Sokolov",
    "Tkachenko",
    "Lebedev"
  };

  /** A small list generated from Great Lakes, Arabic and Slavic name parts. */
  static List<WatchListEntry> generatedList(int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<WatchListEntry> entries = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String name =
          GIVEN[random.nextInt(GIVEN.length)]
              + " "
              + GIVEN[random.nextInt(GIVEN.length)]
              + " "
              + FAMILY[random.nextInt(FAMILY.length)]
              + (i % 3 == 0 ? " " + FAMILY[random.nextInt(FAMILY.length)] : "");
      entries.add(WatchListEntry.named("generated", "G" + i, EntityType.PERSON, name));
    }
    return entries;
  }

  @Test
  void meetsTheQualityGoalsOnAGeneratedSetAndBeatsTheBaseline() {
    ScreeningBenchmark.Figures figures =
        ScreeningBenchmark.run(
            generatedList(300, 1), new ScreeningBenchmark.Settings(1_000, 200, 0, 0, 11));

    assertThat(figures.positives()).isEqualTo(500);
    assertThat(figures.negatives()).isEqualTo(500);
    assertThat(figures.recall()).isGreaterThanOrEqualTo(0.98);
    assertThat(figures.precision()).isGreaterThanOrEqualTo(0.95);
    assertThat(figures.recall()).isGreaterThan(figures.baselineRecall());
    assertThat(figures.summary()).startsWith("screening: recall").doesNotContain("names/s");
    assertThat(figures.variantKinds())
        .extracting(ScreeningBenchmark.KindCount::kind)
        .contains("typo", "reordered", "Cyrillic", "Greek");
    assertThat(figures.variantKinds().stream().mapToInt(ScreeningBenchmark.KindCount::cases).sum())
        .isGreaterThanOrEqualTo(figures.positives());
    assertThat(figures.decoyKinds().stream().mapToInt(ScreeningBenchmark.KindCount::cases).sum())
        .isEqualTo(figures.negatives());
    assertThat(figures.decoyKinds().stream().mapToInt(ScreeningBenchmark.KindCount::hits).sum())
        .isEqualTo(figures.passedDecoys().size());
    assertThat(figures.breakdown(3))
        .contains("variant kind", "decoy kind", "missed (" + figures.misses().size() + ")");
  }

  @Test
  void growsAListByRecombiningItsWordsAndMeasuresSpeed() {
    List<WatchListEntry> grown = ScreeningBenchmark.grow(generatedList(50, 2), 500, 3);
    assertThat(grown).hasSize(500);
    assertThat(grown.get(499).source()).isEqualTo("synthetic");

    ScreeningBenchmark.Figures figures =
        ScreeningBenchmark.run(
            generatedList(50, 2), new ScreeningBenchmark.Settings(100, 0, 500, 200, 5));
    assertThat(figures.speedListEntries()).isEqualTo(500);
    assertThat(figures.speedNames()).isEqualTo(200);
    assertThat(figures.namesPerSecond()).isPositive();
    assertThat(figures.summary()).contains("names/s");
  }
}
