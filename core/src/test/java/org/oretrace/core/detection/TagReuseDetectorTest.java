package org.oretrace.core.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oretrace.core.custody.CustodyEvent.NewLot;

class TagReuseDetectorTest {

  private static List<Alert> ofDetector(List<Alert> alerts) {
    return alerts.stream().filter(alert -> alert.detector() == DetectorId.D4).toList();
  }

  @Test
  void aTagPutOnANewBagAfterItsFirstBagWasMergedIsFlagged() {
    TestWorld world = new TestWorld();
    world.record(world.tag("lot-1", "T-1", 40_000, "30"));
    world.record(world.tag("lot-2", "T-2", 40_000, "30"));
    world.record(world.merge(TestWorld.COOPERATIVE, "lot-3", "EXP-1", 80_000, "lot-1", "lot-2"));
    world.after(Duration.ofDays(20));

    List<Alert> alerts = ofDetector(world.record(world.tag("lot-4", "T-1", 45_000, "30")));

    assertThat(alerts).hasSize(1);
    assertThat(alerts.getFirst().lotIds()).containsExactly("lot-4", "lot-1");
    assertThat(alerts.getFirst().explanation()).contains("one tag, two bags");
  }

  @Test
  void passingATagOnToAPartOrAMergedLotIsNotReuse() {
    TestWorld world = new TestWorld();
    world.record(world.tag("lot-1", "T-1", 40_000, "30"));
    world.record(world.tag("lot-2", "T-2", 40_000, "30"));

    List<Alert> alerts =
        ofDetector(
            world.recordEach(
                List.of(
                    world.split(
                        TestWorld.COOPERATIVE,
                        "lot-1",
                        new NewLot("lot-1a", "T-1", 20_000),
                        new NewLot("lot-1b", "T-1-b", 20_000)),
                    world.merge(
                        TestWorld.COOPERATIVE, "lot-3", "T-2", 60_000, "lot-1a", "lot-2"))));

    assertThat(alerts).isEmpty();
  }
}
