package org.oretrace.core.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oretrace.core.Country;
import org.oretrace.core.entities.CustodyTrades;
import org.oretrace.core.entities.EntityGraph;
import org.oretrace.core.entities.Party;
import org.oretrace.core.entities.PartyKind;
import org.oretrace.core.entities.Relation;
import org.oretrace.core.entities.RelationKind;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.ActorKind;
import org.oretrace.core.screening.EntityType;
import org.oretrace.core.screening.Match;
import org.oretrace.core.screening.Query;
import org.oretrace.core.screening.Screener;
import org.oretrace.core.screening.WatchList;
import org.oretrace.core.screening.WatchListEntry;

class ActorRiskTest {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  private final ActorRisk actorRisk =
      new ActorRisk(
          Screener.of(
              WatchList.of(
                  List.of(
                      new WatchListEntry(
                          "UN",
                          "CDe.009",
                          EntityType.ORGANISATION,
                          List.of("Kivu Ore Trading Company"),
                          List.of(),
                          List.of("Democratic Republic of the Congo"),
                          List.of(),
                          List.of("DRC")),
                      WatchListEntry.named(
                          "OFAC-SDN", "36", EntityType.PERSON, "Sultani MAKENGA")))));

  private static Actor actor(String id, String name) {
    return new Actor(id, name, ActorKind.COMPTOIR, Country.of("CD"), null, null);
  }

  @Test
  void aListedActorRaisesAnAlertWithTheEvidence() {
    List<Alert> alerts =
        actorRisk.screen(List.of(actor("act-1", "KIVU ORE TRADING CO. SARL")), NOW);

    assertThat(alerts).hasSize(1);
    Alert alert = alerts.get(0);
    assertThat(alert.id()).isEqualTo("D9-act-1-UN-CDe.009");
    assertThat(alert.detector()).isEqualTo(DetectorId.D9);
    assertThat(alert.actorIds()).containsExactly("act-1");
    assertThat(alert.eventIds()).isEmpty();
    assertThat(alert.completingEventId()).isEmpty();
    assertThat(alert.score()).isGreaterThanOrEqualTo(Screener.DEFAULT_THRESHOLD);
    assertThat(alert.explanation())
        .contains("UN entry CDe.009", "\"Kivu Ore Trading Company\"", "(DRC)", "country CD agrees");
    assertThat(alert.figures()).containsKeys("score", "nameScore");
  }

  @Test
  void anActorWithAnUnrelatedOrMerelySimilarNameRaisesNothing() {
    assertThat(
            actorRisk.screen(
                List.of(
                    actor("act-2", "Great Lakes Mining Cooperative"),
                    actor("act-3", "Kivu Gold Refinery")),
                NOW))
        .isEmpty();
  }

  @Test
  void screeningTheSameActorTwiceGivesTheSameAlertId() {
    Actor actor = actor("act-1", "Kivu Ore Trading Company");
    assertThat(actorRisk.screen(List.of(actor), NOW).get(0).id())
        .isEqualTo(actorRisk.screen(List.of(actor), NOW.plusSeconds(60)).get(0).id());
  }

  /** An exporter owned by a listed person, a trader that sold to it, a buyer two sales away. */
  private EntityGraph ownedExporter() {
    Screener screener =
        Screener.of(
            WatchList.of(
                List.of(
                    WatchListEntry.named("OFAC-SDN", "36", EntityType.PERSON, "Sultani MAKENGA"))));
    Match match = screener.screen(Query.of("Sultani Makenga")).getFirst();
    return EntityGraph.builder()
        .actor(actor("exporter", "Lake Export"))
        .actor(actor("trader", "Kivu Trading"))
        .actor(actor("far", "Far Trading"))
        .party(Party.named("makenga", PartyKind.PERSON, "Sultani Makenga"))
        .relation(
            new Relation(
                RelationKind.OWNERSHIP,
                "makenga",
                "exporter",
                new BigDecimal("60"),
                null,
                null,
                null))
        .trade(new CustodyTrades.Trade("trader", "exporter", 80_000, 2))
        .trade(new CustodyTrades.Trade("far", "trader", 80_000, 2))
        .match(EntityGraph.partyNode("makenga"), match)
        .build();
  }

  @Test
  void anActorOwnedByAListedPersonScoresAlmostAsItsOwnersMatchWithThePathAsEvidence() {
    EntityGraph graph = ownedExporter();

    List<Alert> alerts = ActorRisk.assess(List.of(actor("exporter", "Lake Export")), graph, NOW);

    assertThat(alerts)
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.id()).isEqualTo("D9-exporter-OFAC-SDN-36");
              assertThat(alert.score())
                  .isCloseTo(
                      ActorRisk.OWNERSHIP_WEIGHT, org.assertj.core.data.Offset.offset(0.001));
              assertThat(alert.severity()).isEqualTo(Severity.HIGH);
              assertThat(alert.explanation())
                  .contains(
                      "is 1 links from OFAC-SDN entry 36",
                      "person makenga \"Sultani Makenga\" owns 60% of actor exporter");
              assertThat(alert.figures().get("links")).isEqualByComparingTo("1");
            });
  }

  @Test
  void tradeProximityCountsLessAndFadesBelowTheFloor() {
    EntityGraph graph = ownedExporter();

    List<Alert> alerts =
        ActorRisk.assess(
            List.of(actor("trader", "Kivu Trading"), actor("far", "Far Trading")), graph, NOW);

    // trader: sold to the owned exporter (0.6 x 0.95); far: one more sale (x 0.6), under 0.5.
    assertThat(alerts)
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.actorIds()).containsExactly("trader", "exporter");
              assertThat(alert.score())
                  .isCloseTo(
                      ActorRisk.TRADE_WEIGHT * ActorRisk.OWNERSHIP_WEIGHT,
                      org.assertj.core.data.Offset.offset(0.001));
              assertThat(alert.severity()).isEqualTo(Severity.LOW);
              assertThat(alert.explanation()).contains("sold 80 kg to actor exporter");
            });
  }

  @Test
  void aDirectMatchInTheGraphIsTheSameAlertAsScreeningTheActorAlone() {
    Actor listed = actor("act-1", "KIVU ORE TRADING CO. SARL");
    List<Alert> screened = actorRisk.screen(List.of(listed), NOW);
    Screener screener =
        Screener.of(
            WatchList.of(
                List.of(
                    new WatchListEntry(
                        "UN",
                        "CDe.009",
                        EntityType.ORGANISATION,
                        List.of("Kivu Ore Trading Company"),
                        List.of(),
                        List.of("Democratic Republic of the Congo"),
                        List.of(),
                        List.of("DRC")))));
    EntityGraph.Builder builder = EntityGraph.builder().actor(listed);
    screener
        .screen(new Query(listed.name(), "CD", null, null))
        .forEach(match -> builder.match(EntityGraph.actorNode("act-1"), match));

    assertThat(ActorRisk.assess(List.of(listed), builder.build(), NOW)).isEqualTo(screened);
  }
}
