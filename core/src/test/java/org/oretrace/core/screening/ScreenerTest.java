package org.oretrace.core.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScreenerTest {

  private static final WatchListEntry MAKENGA =
      new WatchListEntry(
          "UN",
          "CDi.008",
          EntityType.PERSON,
          List.of("SULTANI MAKENGA", "Colonel Sultani Makenga", "Emmanuel Sultani Makenga"),
          List.of("1973-12-25"),
          List.of("Democratic Republic of the Congo"),
          List.of("Kampala, Uganda"),
          List.of("DRC"));

  private static final WatchListEntry VESSEL =
      new WatchListEntry(
          "OFAC-SDN",
          "4234",
          EntityType.VESSEL,
          List.of("HERMANN"),
          List.of(),
          List.of("Cuba"),
          List.of(),
          List.of("CUBA"));

  private final WatchList list =
      WatchList.of(
          List.of(
              MAKENGA,
              VESSEL,
              WatchListEntry.named(
                  "UN", "CDe.001", EntityType.ORGANISATION, "ADF", "Allied Democratic Forces"),
              WatchListEntry.named("OFAC-SDN", "1", EntityType.PERSON, "Eric BADEGE")));
  private final Screener screener = Screener.of(list);

  @Test
  void findsAVariantAndExplainsTheMatch() {
    List<Match> matches = screener.screen(Query.of("Gen. Makenga, Sultany"));

    assertThat(matches).hasSize(1);
    Match match = matches.get(0);
    assertThat(match.entry().reference()).isEqualTo("CDi.008");
    assertThat(match.matchedName()).isEqualTo("SULTANI MAKENGA");
    assertThat(match.agreements())
        .extracting(Match.TokenAgreement::listedToken)
        .containsExactlyInAnyOrder("sultani", "makenga");
    assertThat(match.explanation())
        .contains("UN CDi.008")
        .contains("makenga")
        .contains("sultany~sultani");
  }

  @Test
  void findsNamesWrittenInAnotherScriptOrWithAnotherWordOrder() {
    assertThat(screener.screen(Query.of("Макенга Султани")))
        .extracting(m -> m.entry().reference())
        .containsExactly("CDi.008");
    assertThat(screener.screen(Query.of("Democratic Forces Allied Ltd")))
        .extracting(m -> m.entry().reference())
        .containsExactly("CDe.001");
  }

  @Test
  void letsDifferentPeoplePass() {
    assertThat(screener.screen(Query.of("Sultani Mwamba"))).isEmpty();
    assertThat(screener.screen(Query.of("Jean-Pierre Habimana"))).isEmpty();
  }

  @Test
  void birthYearCountryAndTypeMoveTheScoreTheRightWay() {
    double plain = score(new Query("Sultani Makenga", null, null, null));
    assertThat(score(new Query("Sultani Makengaa", null, null, 1973)))
        .isGreaterThan(score(new Query("Sultani Makengaa", null, null, null)));
    assertThat(score(new Query("Sultani Makengaa", null, null, 1950)))
        .isLessThan(score(new Query("Sultani Makengaa", null, null, null)));
    assertThat(score(new Query("Sultani Makengaa", "CD", null, null)))
        .isGreaterThan(score(new Query("Sultani Makengaa", null, null, null)));
    assertThat(score(new Query("Sultani Makengaa", "Uganda", null, null)))
        .isGreaterThan(score(new Query("Sultani Makengaa", null, null, null)));
    assertThat(score(new Query("Sultani Makengaa", "NO", null, null)))
        .isLessThan(score(new Query("Sultani Makengaa", null, null, null)));
    assertThat(plain).isEqualTo(1.0);

    Match asPerson =
        screener.screen(new Query("Hermann", null, EntityType.PERSON, null)).stream()
            .findFirst()
            .orElse(null);
    Match asVessel = screener.screen(new Query("Hermann", null, EntityType.VESSEL, null)).get(0);
    assertThat(asPerson).isNull();
    assertThat(asVessel.qualifiers())
        .extracting(Match.Qualifier::reason)
        .containsExactly("type VESSEL agrees");
  }

  @Test
  void findsHanAndBurmeseNamesUnderTheirRomanisedEntries() {
    Screener asia =
        Screener.of(
            WatchList.of(
                List.of(
                    WatchListEntry.named("t", "CN1", EntityType.PERSON, "XI Jinping"),
                    WatchListEntry.named("t", "MM1", EntityType.PERSON, "MIN AUNG HLAING"),
                    WatchListEntry.named("t", "MM2", EntityType.PERSON, "THAN SHWE"))));

    assertThat(asia.screen(Query.of("习近平")))
        .extracting(match -> match.entry().reference())
        .containsExactly("CN1");
    assertThat(asia.screen(Query.of("မင်းအောင်လှိုင်")))
        .extracting(match -> match.entry().reference())
        .containsExactly("MM1");
    assertThat(asia.screen(Query.of("သန်းရွှေ")).get(0).score()).isEqualTo(1.0);
    assertThat(asia.screen(Query.of("王毅"))).isEmpty();
  }

  @Test
  void greekWithoutItsHFindsTheNameAndAMissingGivenNameCountsMoreThanAMiddleName() {
    WatchList peopleList =
        WatchList.of(
            List.of(
                WatchListEntry.named("t", "1", EntityType.PERSON, "Tahir HASAN"),
                WatchListEntry.named("t", "2", EntityType.PERSON, "Olga Lucia MARIN")));
    Screener people = Screener.of(peopleList);

    assertThat(people.screen(Query.of("ταιρ ασαν")))
        .extracting(match -> match.entry().reference())
        .containsExactly("1");
    List<Match> middleDropped = people.screen(Query.of("Olga MARIN"));
    assertThat(middleDropped).extracting(match -> match.entry().reference()).containsExactly("2");
    // A given name missing counts more against a match than a middle name missing.
    double givenNameDropped =
        Screener.of(peopleList, 0.5).screen(Query.of("Lucia MARIN")).get(0).score();
    assertThat(givenNameDropped).isLessThan(middleDropped.get(0).score() - 0.04);
  }

  @Test
  void refusesBadQueriesAndThresholds() {
    assertThatThrownBy(() -> Query.of(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Query("x", null, null, 1200))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Screener.of(list, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(screener.screen(Query.of("!!!"))).isEmpty();
  }

  private double score(Query query) {
    return Screener.of(list, 0.5).screen(query).stream()
        .filter(match -> match.entry().equals(MAKENGA))
        .findFirst()
        .orElseThrow()
        .score();
  }
}
