package org.oretrace.core.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundTripDetectorTest {

  /** A Goma lot exported to Kigali, imported there, re-exported to Penang. */
  private static List<Alert> roundTrip(String declaredOriginAtPenang) {
    TestWorld world = new TestWorld();
    world.record(world.tag("lot-1", "T-1", 2_000_000, "30"));
    world.record(world.transfer(TestWorld.COOPERATIVE, "lot-1", TestWorld.COMPTOIR));
    world.record(world.ship(TestWorld.COMPTOIR, "lot-1", TestWorld.KIGALI_COMPTOIR));
    world.record(world.export(TestWorld.CUSTOMS, "lot-1", "RW", 0));
    world.after(Duration.ofHours(8));
    world.record(world.importLot(TestWorld.KIGALI_COMPTOIR, "lot-1", "CD", 0));
    world.after(Duration.ofDays(3));
    world.record(world.ship(TestWorld.KIGALI_COMPTOIR, "lot-1", TestWorld.SMELTER));
    world.record(world.export(TestWorld.KIGALI_CUSTOMS, "lot-1", "MY", 0));
    world.after(Duration.ofDays(30));
    return world.record(world.importLot(TestWorld.SMELTER, "lot-1", declaredOriginAtPenang, 0));
  }

  @Test
  void congoleseOreReExportedAsRwandanIsFlagged() {
    List<Alert> alerts = roundTrip("RW");

    assertThat(alerts)
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.detector()).isEqualTo(DetectorId.D11);
              assertThat(alert.countries()).extracting(Object::toString).contains("CD", "RW");
              assertThat(alert.explanation()).contains("transit disguised as origin");
            });
  }

  @Test
  void transitUnderItsTrueOriginRaisesNothing() {
    assertThat(roundTrip("CD")).isEmpty();
  }
}
