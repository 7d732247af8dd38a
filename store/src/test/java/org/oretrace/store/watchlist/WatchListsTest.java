package org.oretrace.store.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.screening.EntityType;
import org.oretrace.core.screening.Match;
import org.oretrace.core.screening.Query;
import org.oretrace.core.screening.Screener;
import org.oretrace.core.screening.ScreeningBenchmark;
import org.oretrace.core.screening.WatchList;
import org.oretrace.core.screening.WatchListEntry;

class WatchListsTest {

  private static InputStream resource(String name) {
    return Objects.requireNonNull(
        WatchListsTest.class.getResourceAsStream("/watchlist/" + name), name);
  }

  private static Reader text(String name) {
    return new InputStreamReader(resource(name), StandardCharsets.UTF_8);
  }

  static List<WatchListEntry> unList() {
    return WatchLists.readUnConsolidated(resource("UN_consolidated.xml"), "UN_consolidated.xml");
  }

  static List<WatchListEntry> sdnList() {
    return WatchLists.readOfacSdn(text("sdn.csv"), text("alt.csv"), text("add.csv"));
  }

  @Test
  void readsTheWholeUnConsolidatedList() {
    List<WatchListEntry> entries = unList();

    assertThat(entries).hasSize(1003);
    assertThat(entries.stream().filter(entry -> entry.type() == EntityType.PERSON)).hasSize(730);
    WatchListEntry makenga =
        entries.stream()
            .filter(entry -> entry.reference().equals("CDi.008"))
            .findFirst()
            .orElseThrow();
    assertThat(makenga.primaryName()).isEqualTo("SULTANI MAKENGA");
    assertThat(makenga.names()).contains("MAKENGA, Colonel SULTANI", "MAKENGA, EMMANUEL SULTANI");
    assertThat(makenga.datesOfBirth()).contains("1973-12-25");
    assertThat(makenga.birthYears()).containsExactly(1973);
    assertThat(makenga.nationalities()).contains("Democratic Republic of the Congo");
    assertThat(makenga.programmes()).containsExactly("DRC");
    WatchListEntry adf =
        entries.stream()
            .filter(entry -> entry.reference().equals("CDe.001"))
            .findFirst()
            .orElseThrow();
    assertThat(adf.type()).isEqualTo(EntityType.ORGANISATION);
    assertThat(adf.names()).contains("ADF", "Allied Democratic Forces", "NALU");
    assertThat(adf.addresses()).contains("North Kivu, Democratic Republic of the Congo");
  }

  @Test
  void readsOriginalScriptNamesAsAliases() {
    assertThat(unList())
        .anySatisfy(entry -> assertThat(entry.names()).contains("صدام حسين التكريتي"));
  }

  @Test
  void readsTheWholeSdnListWithAliasesAndAddresses() {
    List<WatchListEntry> entries = sdnList();

    assertThat(entries).hasSize(7379);
    assertThat(entries.stream().mapToInt(entry -> entry.names().size()).sum())
        .isEqualTo(7379 + 9682); // alt.csv: 9,681 line breaks, the last row has none
    WatchListEntry bank =
        entries.stream().filter(entry -> entry.reference().equals("306")).findFirst().orElseThrow();
    assertThat(bank.names()).containsExactly("BANCO NACIONAL DE CUBA", "NATIONAL BANK OF CUBA");
    assertThat(bank.addresses()).contains("Zweierstrasse 35, Zurich CH-8022, Switzerland");
    WatchListEntry noriega =
        entries.stream()
            .filter(entry -> entry.reference().equals("1572"))
            .findFirst()
            .orElseThrow();
    assertThat(noriega.type()).isEqualTo(EntityType.PERSON);
    assertThat(noriega.primaryName()).isEqualTo("Manuel Antonio NORIEGA");
    assertThat(entries.stream().filter(entry -> entry.type() == EntityType.VESSEL)).hasSize(323);
    assertThat(entries).anySatisfy(entry -> assertThat(entry.birthYears()).isNotEmpty());
  }

  @Test
  void readsFollowTheMoneyEntitiesAndSkipsOtherSchemas() {
    String lines =
        """
        {"id":"NK-1","schema":"Person","properties":{"name":["Sultani Makenga"],"alias":["Colonel Makenga"],"birthDate":["1973-12-25"],"nationality":["cd"],"program":["DRC"]}}
        {"id":"NK-2","schema":"Company","properties":{"name":["Kivu Minerals SARL"],"country":["cd"],"address":["Goma, North Kivu"]}}
        {"id":"NK-3","schema":"Sanction","properties":{"entity":["NK-1"]}}

        {"id":"NK-4","schema":"Vessel","properties":{"name":["Hermann"],"flag":["cu"]}}
        """;
    List<WatchListEntry> entries =
        WatchLists.readFollowTheMoney(new StringReader(lines), "export.json");

    assertThat(entries)
        .extracting(WatchListEntry::reference)
        .containsExactly("NK-1", "NK-2", "NK-4");
    assertThat(entries.get(0).names()).containsExactly("Sultani Makenga", "Colonel Makenga");
    assertThat(entries.get(0).birthYears()).containsExactly(1973);
    assertThat(entries.get(1).type()).isEqualTo(EntityType.ORGANISATION);
    assertThat(entries.get(2).type()).isEqualTo(EntityType.VESSEL);
  }

  @Test
  void malformedInputNamesTheFileAndLine() {
    assertThatThrownBy(
            () ->
                WatchLists.readFollowTheMoney(
                    new StringReader(
                        "{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":[\"x\"]}}\n{oops"),
                    "export.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("export.json")
        .hasMessageContaining("line 2");
    assertThatThrownBy(
            () ->
                WatchLists.readFollowTheMoney(
                    new StringReader("{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{}}"),
                    "x.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("line 1: entity a has no name");
    assertThatThrownBy(
            () ->
                WatchLists.readOfacSdn(
                    new StringReader(
                        "36,\"AERO\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n37,\"BROKEN\n"),
                    new StringReader(""),
                    new StringReader("")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("sdn.csv")
        .hasMessageContaining("line 2");
    assertThatThrownBy(
            () ->
                WatchLists.readOfacSdn(
                    new StringReader(
                        "36,\"AERO\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"),
                    new StringReader("99,1,\"aka\",\"GHOST\",-0- \n"),
                    new StringReader("")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("alt.csv")
        .hasMessageContaining("line 1: entity number '99' is not in sdn.csv");
    assertThatThrownBy(
            () ->
                WatchLists.readUnConsolidated(
                    new java.io.ByteArrayInputStream(
                        "<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL><FIRST_NAME>X</FIRST_NAME>\n</INDIVIDUALS>"
                            .getBytes(StandardCharsets.UTF_8)),
                    "un.xml"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("un.xml")
        .hasMessageContaining("line 4");
    assertThatThrownBy(
            () ->
                WatchLists.readUnConsolidated(
                    new java.io.ByteArrayInputStream(
                        "<L>\n<ENTITY>\n<FIRST_NAME>X</FIRST_NAME>\n</ENTITY></L>"
                            .getBytes(StandardCharsets.UTF_8)),
                    "un.xml"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("line 2: entry has no REFERENCE_NUMBER");
  }

  @Test
  void screensTheRealListsAndMeetsTheQualityGoalsOnTheirVariants() {
    List<WatchListEntry> entries = new ArrayList<>(unList());
    entries.addAll(sdnList());
    Screener screener = Screener.of(WatchList.of(entries));
    List<Match> matches =
        screener.screen(new Query("Col. Makenga Sultani", "CD", EntityType.PERSON, 1973));
    assertThat(matches).isNotEmpty();
    assertThat(matches.get(0).entry().reference()).isEqualTo("CDi.008");
    assertThat(matches.get(0).qualifiers()).hasSize(3);

    ScreeningBenchmark.Figures figures =
        ScreeningBenchmark.run(entries, new ScreeningBenchmark.Settings(20_000, 200, 0, 0, 42));
    assertThat(figures.recall()).isGreaterThan(figures.baselineRecall());
    assertThat(figures.precision()).isGreaterThan(figures.baselinePrecision());
    // The standard quality set of `oretrace bench screen` (10,000 variants, 10,000 decoys, seed
    // 42): recall 0.982, precision 0.957. Smaller sets hold a larger share of names in Arabic
    // script (a tenth of the variants, recall 0.82) and sample the decoys too coarsely for a floor.
    assertThat(figures.recall()).isGreaterThanOrEqualTo(0.98);
    assertThat(figures.precision()).isGreaterThanOrEqualTo(0.95);
    // Exactly the figures of the README: speed work on the screener must not move them.
    assertThat(figures.recall()).isEqualTo(0.9817);
    assertThat(figures.precision()).isCloseTo(0.957, org.assertj.core.data.Offset.offset(0.0005));
  }
}
