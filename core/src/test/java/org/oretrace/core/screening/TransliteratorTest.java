package org.oretrace.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransliteratorTest {

  private final Transliterator transliterator = Transliterator.basic();

  @Test
  void stripsLatinDiacriticsAndFoldsLettersThatDoNotDecompose() {
    assertThat(transliterator.toLatin("Badège Müller Łukasz Straße Øster"))
        .isEqualToIgnoringCase("Badege Muller Lukasz Strasse Oster");
    assertThat(transliterator.toLatin("plain ascii")).isEqualTo("plain ascii");
  }

  @Test
  void romanisesCyrillicGreekArabicHebrewAndHangul() {
    assertThat(transliterator.toLatin("Владимир Путин")).isEqualToIgnoringCase("Vladimir Putin");
    assertThat(transliterator.toLatin("Джулио")).isEqualToIgnoringCase("Julio");
    assertThat(transliterator.toLatin("Νικόλαος")).isEqualToIgnoringCase("Nikolaos");
    assertThat(transliterator.toLatin("محمد علي")).isEqualTo("mhmd ali");
    assertThat(transliterator.toLatin("משה")).isEqualTo("mshe");
    assertThat(transliterator.toLatin("김정은").strip()).isEqualTo("gim jeong eun");
  }

  @Test
  void readsUrduAndPashtoLettersAndArabicPresentationForms() {
    assertThat(transliterator.toLatin("طارق گیدڑ")).isEqualTo("tarq gidr");
    assertThat(transliterator.toLatin("ثناء اللہ")).isEqualTo("thna allah");
    // the contextual shapes of old encodings read as the letters they shape
    assertThat(transliterator.toLatin("ﻤﺤﻤﺪ ﻛﺮﻴﻡ")).isEqualTo(transliterator.toLatin("محمد كريم"));
    // ض is dh: d as Arabic sounds it, z (the Persian reading of dh) as Persian does
    assertThat(transliterator.toLatin("فضل")).isEqualTo("fdhl");
  }

  @Test
  void dropsScriptsThatNeedADictionary() {
    assertThat(transliterator.toLatin("习近平").strip()).isEmpty();
  }

  @Test
  void standardReadsHanAsPinyinThroughIcu() {
    Transliterator standard = Transliterator.standard();
    assertThat(standard.toLatin("习近平").strip()).isEqualTo("xi jin ping");
    assertThat(standard.toLatin("王毅").strip()).isEqualTo("wang yi");
    assertThat(standard.toLatin("Владимир")).isEqualTo(transliterator.toLatin("Владимир"));
  }

  @Test
  void romanisesBurmeseBySyllableAsNamesArePublished() {
    assertThat(transliterator.toLatin("မင်းအောင်လှိုင်").strip()).isEqualTo("min aung hlaing");
    assertThat(transliterator.toLatin("အောင်ဆန်းစုကြည်").strip()).isEqualTo("aung san su kyi");
    assertThat(transliterator.toLatin("သန်းရွှေ").strip()).isEqualTo("than shwe");
    assertThat(transliterator.toLatin("စိုးဝင်း").strip()).isEqualTo("so win");
  }

  /**
   * The shared cross-script pairs: every pair in a script the table covers must match at the
   * default threshold. Han and Kana need a dictionary (an ICU-backed transliterator), and a few
   * Korean and Thai romanisations differ too much from the table's; they are listed here.
   */
  @Test
  void matchesTheCrossScriptPairsOfCoveredScripts() throws IOException {
    Set<String> knownGaps =
        Set.of("金正恩", "李明", "习近平", "王伟", "山田太郎", "田中花子", "박지성", "이민호", "สมชาย", "Αλέξανδρος");
    List<String[]> pairs = pairs();
    assertThat(pairs).hasSizeGreaterThanOrEqualTo(20);
    List<String> missed = new ArrayList<>();
    for (String[] pair : pairs) {
      if (knownGaps.contains(pair[0])) {
        continue;
      }
      WatchList list =
          WatchList.of(List.of(WatchListEntry.named("test", "1", EntityType.PERSON, pair[1])));
      if (Screener.of(list).screen(Query.of(pair[0])).isEmpty()) {
        missed.add(pair[0] + " / " + pair[1]);
      }
    }
    assertThat(missed).isEmpty();
  }

  private static List<String[]> pairs() throws IOException {
    List<String[]> pairs = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(
                    TransliteratorTest.class.getResourceAsStream(
                        "/screening/cross_script_pairs.csv")),
                StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        pairs.add(line.split(","));
      }
    }
    return pairs;
  }
}
