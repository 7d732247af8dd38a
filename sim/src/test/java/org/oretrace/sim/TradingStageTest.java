package org.oretrace.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Receive;
import org.oretrace.core.custody.CustodyEvent.Ship;
import org.oretrace.core.custody.CustodyEvent.Split;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.registry.ActorKind;

class TradingStageTest {

  private final World world = Worlds.standard();
  private final Map<String, List<CustodyEvent>> histories = Worlds.historiesByLot(world);

  @Test
  void eachBagIsShippedByItsCooperativeToATraderAndReceivedThere() {
    assertThat(Worlds.eventsOf(world, Tag.class))
        .allSatisfy(
            tag -> {
              List<CustodyEvent> history = histories.get(tag.lotId());
              Ship ship = (Ship) history.get(1);
              Receive receive = (Receive) history.get(2);
              assertThat(ship.context().actorId()).isEqualTo(tag.context().actorId());
              assertThat(Worlds.actor(world, ship.consigneeId()).kind())
                  .isEqualTo(ActorKind.TRADER);
              assertThat(receive.context().actorId()).isEqualTo(ship.consigneeId());
              assertThat(ship.context().instant()).isAfter(tag.context().instant());
            });
  }

  @Test
  void transitTimesFitTheRoadsAndReceiptsLoseAFewTenthsOfAPercent() {
    int checked = 0;
    for (Tag tag : Worlds.eventsOf(world, Tag.class)) {
      List<CustodyEvent> history = histories.get(tag.lotId());
      Ship ship = (Ship) history.get(1);
      Receive receive = (Receive) history.get(2);
      double kilometres = ship.context().place().distanceMetres(receive.context().place()) / 1000;
      double hours =
          Duration.between(ship.context().instant(), receive.context().instant()).toSeconds()
              / 3600.0;
      assertThat(kilometres / hours).as("straight-line km/h of %s", tag.lotId()).isLessThan(40);
      double loss = 1 - receive.massGrams() / (double) tag.massGrams();
      assertThat(loss).as("loss on receipt of %s", tag.lotId()).isBetween(-0.002, 0.0075);
      checked++;
    }
    assertThat(checked).isEqualTo(2_000);
  }

  @Test
  void someTradersSplitABagInTwo() {
    List<Split> splits =
        Worlds.eventsOf(world, Split.class).stream()
            .filter(
                split -> Worlds.actor(world, split.context().actorId()).kind() == ActorKind.TRADER)
            .toList();

    assertThat(splits)
        .isNotEmpty()
        .allSatisfy(
            split -> {
              assertThat(split.parts()).hasSize(2);
              Receive received =
                  (Receive)
                      histories.get(split.lotId()).stream()
                          .filter(Receive.class::isInstance)
                          .reduce((first, second) -> second)
                          .orElseThrow();
              long parts = split.parts().stream().mapToLong(part -> part.massGrams()).sum();
              assertThat(parts).isBetween(received.massGrams() - 60, received.massGrams());
            });
  }
}
