package org.oretrace.core.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MassGainDetectorTest {

  private static List<Alert> shipAndWeigh(long dispatched, long received) {
    TestWorld world = new TestWorld();
    world.record(world.tag("lot-1", "T-1", dispatched, "30"));
    world.record(world.ship(TestWorld.COOPERATIVE, "lot-1", TestWorld.TRADER));
    world.after(Duration.ofHours(2));
    return world.record(world.receive(TestWorld.TRADER, "lot-1", received)).stream()
        .filter(alert -> alert.detector() == DetectorId.D5)
        .toList();
  }

  @Test
  void aBagThatArrivesTenPercentHeavierIsFlagged() {
    List<Alert> alerts = shipAndWeigh(40_000, 44_000);

    assertThat(alerts).hasSize(1);
    assertThat(alerts.getFirst().explanation())
        .contains("weighing 40 kg and was weighed at 44 kg")
        .contains("4.0 kg (10.0 %) heavier");
  }

  @Test
  void moistureLossAndScaleErrorRaiseNothing() {
    SplittableRandom random = new SplittableRandom(3);
    for (int trip = 0; trip < 200; trip++) {
      long dispatched = 25_000 + random.nextLong(35_000);
      double factor = 1 - 0.001 - random.nextDouble() * 0.004 + random.nextGaussian() * 0.0005;
      assertThat(shipAndWeigh(dispatched, Math.round(dispatched * factor))).isEmpty();
    }
    assertThat(shipAndWeigh(40_000, 40_500)).as("a 1.25 %% gain is within tolerance").isEmpty();
  }

  private static List<Alert> shipAndWeighGold(long dispatched, long received) {
    TestWorld world = new TestWorld();
    world.record(world.tagGold("lot-1", "AU-1", dispatched));
    world.record(world.ship(TestWorld.COOPERATIVE, "lot-1", TestWorld.TRADER));
    world.after(Duration.ofHours(2));
    return world.record(world.receive(TestWorld.TRADER, "lot-1", received)).stream()
        .filter(alert -> alert.detector() == DetectorId.D5)
        .toList();
  }

  @Test
  void goldWeighedOnAnotherBalanceOrRoundedToTheGramRaisesNothing() {
    // Two balances good to 0.05 % each, no moisture to lose: a 15 kg export lot 0.25 % heavier at
    // the refinery, and a 100 g parcel weighed a gram heavier, are honest.
    assertThat(shipAndWeighGold(15_000, 15_038)).isEmpty();
    assertThat(shipAndWeighGold(100, 101)).isEmpty();
  }

  @Test
  void goldToppedUpByTwoAndAHalfPercentIsFlagged() {
    assertThat(shipAndWeighGold(15_000, 15_375)).hasSize(1);
    assertThat(shipAndWeighGold(400, 410)).hasSize(1);
  }

  @Test
  void theSentenceGivesTheReasonThatHoldsForTheMineral() {
    // Gold has no moisture: saying it "dries on the road" would be wrong to a gold inspector.
    String gold = shipAndWeighGold(15_000, 15_375).getFirst().explanation();
    assertThat(gold)
        .contains("(2.5 %) heavier")
        .contains("gold has no moisture to lose or gain on the way")
        .doesNotContain("ore")
        .doesNotContain("dries");
    String coltan = shipAndWeigh(40_000, 44_000).getFirst().explanation();
    assertThat(coltan).contains("where ore only dries on the road").doesNotContain("gold");
  }
}
