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
  void theBagThatTakesAGreenSiteBeyondItsMonthlyCapacityAndItsChanceRaisesOneAlert() {
    TestWorld world = new TestWorld();

    List<Alert> alerts = tagBags(world, 450);

    // 413 bags of 50 kg: 20.650 t, 650 kg over 20 t; the month is known to sqrt(413) x 50 kg =
    // 1,016 kg, and 650 kg is 0.64 of that (412 bags: 600 kg over, 0.59 of 1,015 kg: not yet).
    assertThat(alerts).hasSize(1);
    Alert alert = alerts.getFirst();
    assertThat(alert.lotIds()).containsExactly("lot-412");
    assertThat(alert.siteIds()).containsExactly(TestWorld.LUWOWO);
    assertThat(alert.explanation())
        .isEqualTo(
            "Site Luwowo (green) has tagged 20.650 t of coltan in 413 bags in March 2025, more than"
                + " its assessed capacity of 20.000 t a month: 0.650 t (3.3 %) over. How many bags"
                + " an honest month fills varies by chance, by about 1.016 t here (the square root"
                + " of the sum of their squared masses); this excess is 0.64 times that, where 0.60"
                + " is allowed. The three months before: December 2024 nothing tagged, January"
                + " 2025 nothing tagged, February 2025 nothing tagged. This may be ore from another"
                + " site tagged here.");
    assertThat(alert.figures().get("tagged").intValue()).isEqualTo(413);
    assertThat(alert.figures().get("overDeviations").doubleValue()).isEqualTo(0.64);
  }

  @Test
  void aSiteAtItsCapacityRaisesNothing() {
    assertThat(tagBags(new TestWorld(), 400)).isEmpty();
  }

  @Test
  void aPitAFewBagsOverItsCapacityWithinChanceRaisesNothing() {
    // 412 bags: 3 % over 20 t, less than 0.6 of the month's chance deviation.
    assertThat(tagBags(new TestWorld(), 412)).isEmpty();
  }

  /** Tags 500 g parcels of gold at Creporizao (25 kg a month), one every half hour. */
  private static List<Alert> tagGoldParcels(TestWorld world, String prefix, int parcels) {
    List<Alert> alerts = new ArrayList<>();
    for (int parcel = 0; parcel < parcels; parcel++) {
      alerts.addAll(world.record(world.tagGold(prefix + parcel, "AU-" + prefix + parcel, 500)));
    }
    return alerts.stream().filter(alert -> alert.detector() == DetectorId.D2).toList();
  }

  private static List<Alert> tagGoldParcels(int parcels) {
    return tagGoldParcels(new TestWorld(), "lot-", parcels);
  }

  @Test
  void aGoldWorkingAFewPercentOverItsRoughCapacityRaisesNothing() {
    // 26.5 kg in a month at a 25 kg working: 6 % over, within what the count of 53 parcels allows.
    assertThat(tagGoldParcels(53)).isEmpty();
  }

  @Test
  void aGoldWorkingTenPercentOverItsCapacityIsFlagged() {
    List<Alert> alerts = tagGoldParcels(55);

    assertThat(alerts).hasSize(1);
    assertThat(alerts.getFirst().lotIds()).containsExactly("lot-54");
    assertThat(alerts.getFirst().siteIds()).containsExactly(TestWorld.CREPORIZAO);
  }

  @Test
  void theGoldSentenceNamesFiguresThatAddUpByHandAndTheMonthsBefore() {
    TestWorld world = new TestWorld();
    assertThat(tagGoldParcels(world, "march-", 10)).isEmpty();
    world.after(Duration.ofDays(31));

    List<Alert> alerts = tagGoldParcels(world, "april-", 60);

    // 55 parcels of 500 g: 27.5 kg = 25.0 kg + 2.5 kg; sqrt(55) x 500 g = 3.7 kg; 2.5 / 3.708 =
    // 0.67.
    assertThat(alerts).hasSize(1);
    assertThat(alerts.getFirst().explanation())
        .isEqualTo(
            "Site Creporizao (green) has tagged 27.5 kg of gold in 55 parcels in April 2025, more"
                + " than its assessed capacity of 25.0 kg a month: 2.5 kg (10.0 %) over. How many"
                + " parcels an honest month fills varies by chance, by about 3.7 kg here (the"
                + " square root of the sum of their squared masses); this excess is 0.67 times"
                + " that, where 0.60 is allowed. The three months before: January 2025 nothing"
                + " tagged, February 2025 nothing tagged, March 2025 5.0 kg. This may be gold from"
                + " another site tagged here.");
  }

  @Test
  void theAllowanceIsASmallerShareOfCapacityForAPitOfManyBagsThanForAGarimpoOfFewParcels() {
    // A pit filling some 400 bags a month knows its month to 5 % of capacity, a garimpo selling
    // some 50 parcels to 15 %: the allowance follows the count, with no factor set per mineral.
    Alert pit = tagBags(new TestWorld(), 440).getFirst();
    Alert garimpo = tagGoldParcels(55).getFirst();

    double pitShare =
        pit.figures().get("countUncertaintyTonnes").doubleValue()
            / pit.figures().get("capacityTonnes").doubleValue();
    double garimpoShare =
        garimpo.figures().get("countUncertaintyTonnes").doubleValue()
            / garimpo.figures().get("capacityTonnes").doubleValue();
    assertThat(pitShare).isBetween(0.04, 0.06);
    assertThat(garimpoShare).isBetween(0.13, 0.16);
  }
}
