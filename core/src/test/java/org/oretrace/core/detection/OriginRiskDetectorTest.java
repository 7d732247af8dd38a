package org.oretrace.core.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginRiskDetectorTest {

  @Test
  void oreTaggedAtARedArmedGroupSiteIsFlagged() {
    TestWorld world = new TestWorld();

    List<Alert> alerts =
        world.record(
            world.tagAt(
                TestWorld.RUBAYA, TestWorld.RUBAYA_COOPERATIVE, "lot-1", "T-1", 40_000, "32"));

    assertThat(alerts)
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.detector()).isEqualTo(DetectorId.D8);
              assertThat(alert.severity()).isEqualTo(Severity.HIGH);
              assertThat(alert.explanation())
                  .contains("tagged at Rubaya, a red site under armed-group control");
            });
  }

  @Test
  void oreFromAGreenSiteWithArmedGroupsNearbyRaisesNothing() {
    TestWorld world = new TestWorld();

    assertThat(world.record(world.tag("lot-1", "T-1", 40_000, "30"))).isEmpty();
  }
}
