package org.oretrace.core.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImpossibleTravelDetectorTest {

  private static List<Alert> tripFromTraderToComptoir(Duration onTheRoad) {
    TestWorld world = new TestWorld();
    world.record(world.tag("lot-1", "T-1", 40_000, "30"));
    world.record(world.transfer(TestWorld.COOPERATIVE, "lot-1", TestWorld.TRADER));
    world.record(world.ship(TestWorld.TRADER, "lot-1", TestWorld.COMPTOIR));
    world.after(onTheRoad.minusMinutes(30));
    return world.record(world.receive(TestWorld.COMPTOIR, "lot-1", 39_900)).stream()
        .filter(alert -> alert.detector() == DetectorId.D3)
        .toList();
  }

  @Test
  void aReceiptFortyKilometresAwayTwentyMinutesAfterDispatchIsFlagged() {
    List<Alert> alerts = tripFromTraderToComptoir(Duration.ofMinutes(20));

    assertThat(alerts).hasSize(1);
    assertThat(alerts.getFirst().figures().get("distanceKilometres").doubleValue())
        .isBetween(40.0, 42.0);
    assertThat(alerts.getFirst().explanation()).contains("km/h in a straight line");
  }

  @Test
  void honestTripsAtRoadSpeedsRaiseNothing() {
    // 41 km in a straight line at any honest road speed (at most 41 km/h as the crow flies).
    SplittableRandom random = new SplittableRandom(1);
    for (int trip = 0; trip < 50; trip++) {
      long minutes = 61 + random.nextLong(600);
      assertThat(tripFromTraderToComptoir(Duration.ofMinutes(minutes))).isEmpty();
    }
  }
}
