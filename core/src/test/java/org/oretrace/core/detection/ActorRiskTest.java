package org.oretrace.core.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oretrace.core.Country;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.ActorKind;
import org.oretrace.core.screening.EntityType;
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
}
