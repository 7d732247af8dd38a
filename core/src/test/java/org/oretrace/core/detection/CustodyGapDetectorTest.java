package org.oretrace.core.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustodyGapDetectorTest {

  private static List<Alert> ofDetector(List<Alert> alerts) {
    return alerts.stream().filter(alert -> alert.detector() == DetectorId.D7).toList();
  }

  @Test
  void aLotReceivedByAComptoirItWasNotShippedToIsFlagged() {
    TestWorld world = new TestWorld();
    world.record(world.tag("lot-1", "T-1", 40_000, "30"));
    world.record(world.ship(TestWorld.COOPERATIVE, "lot-1", TestWorld.COMPTOIR));
    world.after(Duration.ofHours(4));

    List<Alert> alerts =
        ofDetector(world.record(world.receive(TestWorld.COMPTOIR_NEXT_DOOR, "lot-1", 39_900)));

    assertThat(alerts).hasSize(1);
    assertThat(alerts.getFirst().actorIds())
        .containsExactly(TestWorld.COOPERATIVE, TestWorld.COMPTOIR, TestWorld.COMPTOIR_NEXT_DOOR);
  }

  @Test
  void aLotSilentForMonthsIsFlagged() {
    TestWorld world = new TestWorld();
    world.record(world.tag("lot-1", "T-1", 40_000, "30"));
    world.after(Duration.ofDays(200));

    List<Alert> alerts =
        ofDetector(world.record(world.ship(TestWorld.COOPERATIVE, "lot-1", TestWorld.TRADER)));

    assertThat(alerts).singleElement().satisfies(a -> assertThat(a.id()).endsWith("-silence"));
  }

  @Test
  void receiptByTheConsigneeAfterAQuietQuarterRaisesNothing() {
    TestWorld world = new TestWorld();
    world.record(world.tag("lot-1", "T-1", 40_000, "30"));
    world.after(Duration.ofDays(170));
    world.record(world.ship(TestWorld.COOPERATIVE, "lot-1", TestWorld.COMPTOIR));
    world.after(Duration.ofHours(4));

    assertThat(ofDetector(world.record(world.receive(TestWorld.COMPTOIR, "lot-1", 39_900))))
        .isEmpty();
  }
}
