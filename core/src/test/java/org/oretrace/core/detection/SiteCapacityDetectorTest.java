package org.oretrace.core.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteCapacityDetectorTest {

  /** Tags bags of 50 kg at Luwowo (20 t a month), one every two hours from 3 March. */
  private static List<Alert> tagBags(TestWorld world, int bags) {
    List<Alert> alerts = new ArrayList<>();
    for (int bag = 0; bag < bags; bag++) {
      world.after(Duration.ofMinutes(30));
      alerts.addAll(world.record(world.tag("lot-" + bag, "T-" + bag, 50_000, "30")));
    }
    return alerts.stream().filter(alert -> alert.detector() == DetectorId.D2).toList();
  }

  @Test
  void theBagThatTakesAGreenSiteBeyondItsMonthlyCapacityRaisesOneAlert() {
    TestWorld world = new TestWorld();

    List<Alert> alerts = tagBags(world, 450);

    assertThat(alerts).hasSize(1);
    Alert alert = alerts.getFirst();
    assertThat(alert.lotIds()).containsExactly("lot-400");
    assertThat(alert.siteIds()).containsExactly(TestWorld.LUWOWO);
    assertThat(alert.explanation())
        .isEqualTo(
            "Site Luwowo (green) has tagged 20.1 t of coltan in March 2025, more than its assessed"
                + " capacity of 20.0 t a month: 50 kg (0 %) over, which may be ore from another"
                + " site tagged here.");
  }

  @Test
  void aSiteAtItsCapacityRaisesNothing() {
    assertThat(tagBags(new TestWorld(), 400)).isEmpty();
  }

  /** Tags 500 g parcels of gold at Creporizao (25 kg a month), one every half hour from 3 March. */
  private static List<Alert> tagGoldParcels(int parcels) {
    TestWorld world = new TestWorld();
    List<Alert> alerts = new ArrayList<>();
    for (int parcel = 0; parcel < parcels; parcel++) {
      alerts.addAll(world.record(world.tagGold("lot-" + parcel, "AU-" + parcel, 500)));
    }
    return alerts.stream().filter(alert -> alert.detector() == DetectorId.D2).toList();
  }

  @Test
  void aGoldWorkingAFewPercentOverItsRoughCapacityRaisesNothing() {
    // 26.5 kg in a month at a 25 kg working: 6 % over, within an alluvial month's swing.
    assertThat(tagGoldParcels(53)).isEmpty();
  }

  @Test
  void aGoldWorkingTenPercentOverItsCapacityIsFlagged() {
    List<Alert> alerts = tagGoldParcels(55);

    assertThat(alerts).hasSize(1);
    assertThat(alerts.getFirst().lotIds()).containsExactly("lot-54");
    assertThat(alerts.getFirst().siteIds()).containsExactly(TestWorld.CREPORIZAO);
  }
}
