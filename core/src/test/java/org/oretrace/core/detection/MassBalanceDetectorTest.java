package org.oretrace.core.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oretrace.core.custody.CustodyEvent;

class MassBalanceDetectorTest {

  private static List<Alert> ofDetector(List<Alert> alerts) {
    return alerts.stream().filter(alert -> alert.detector() == DetectorId.D1).toList();
  }

  private static List<Alert> threeBagsMergedInto(TestWorld world, long outputGrams) {
    List<CustodyEvent> events = new ArrayList<>();
    for (int bag = 1; bag <= 3; bag++) {
      events.addAll(world.honestBagToComptoir("lot-" + bag, "T-" + bag, 1_000_000));
    }
    List<Alert> alerts = new ArrayList<>(world.recordEach(events));
    world.after(Duration.ofDays(1));
    alerts.addAll(
        world.record(
            world.merge(
                TestWorld.COMPTOIR, "lot-exp", "EXP-1", outputGrams, "lot-1", "lot-2", "lot-3")));
    return ofDetector(alerts);
  }

  @Test
  void aComptoirWhoseMergedLotOutweighsWhatItReceivedIsFlagged() {
    TestWorld world = new TestWorld();

    List<Alert> alerts = threeBagsMergedInto(world, 3_900_000);

    assertThat(alerts).hasSize(1);
    Alert alert = alerts.getFirst();
    assertThat(alert.actorIds()).containsExactly(TestWorld.COMPTOIR);
    assertThat(alert.lotIds()).contains("lot-exp");
    assertThat(alert.figures().get("unaccountedTonnes").doubleValue()).isBetween(0.9, 1.0);
    assertThat(alert.explanation())
        .startsWith("Comptoir Actor comptoir-goma shipped out 0 kg of coltan in March 2025")
        .contains("more than it can account for");
  }

  @Test
  void anExportDeclaredHeavierThanItsLotIsFlaggedEvenInABusyMonth() {
    // 4,000 t received this month: the month's tolerance (0.5 % of receipts, 20 t) would hide
    // 400 kg of outside ore; the declaration shows it at once.
    TestWorld world = new TestWorld();
    List<CustodyEvent> events = new ArrayList<>();
    for (int bag = 1; bag <= 4; bag++) {
      events.addAll(world.honestBagToComptoir("big-" + bag, "B-" + bag, 1_000_000_000));
    }
    events.addAll(world.honestBagToComptoir("lot-exp", "EXP-1", 4_000_000));
    world.recordEach(events);
    world.record(world.ship(TestWorld.COMPTOIR, "lot-exp", TestWorld.SMELTER));

    List<Alert> alerts =
        ofDetector(world.record(world.export(TestWorld.CUSTOMS, "lot-exp", "MY", 4_400_000)));

    assertThat(alerts).hasSize(1);
    assertThat(alerts.getFirst().actorIds()).containsExactly(TestWorld.COMPTOIR);
    assertThat(alerts.getFirst().lotIds()).containsExactly("lot-exp");
    assertThat(alerts.getFirst().explanation())
        .contains("declared at 4.4 t")
        .contains("but the lot weighs 4.0 t on record");
  }

  @Test
  void anExportDeclaredAtItsWeightOnAnotherScaleRaisesNothing() {
    TestWorld world = new TestWorld();
    world.recordEach(world.honestBagToComptoir("lot-exp", "EXP-1", 4_000_000));
    world.record(world.ship(TestWorld.COMPTOIR, "lot-exp", TestWorld.SMELTER));

    // The record has 3,976 kg after two road trips; customs weighs 0.6 % more.
    assertThat(
            ofDetector(world.record(world.export(TestWorld.CUSTOMS, "lot-exp", "MY", 4_000_000))))
        .isEmpty();
  }

  @Test
  void anExportDeclaredHeavierThanItsLotIsFlagged() {
    TestWorld world = new TestWorld();
    threeBagsMergedInto(world, 2_980_000);
    world.after(Duration.ofDays(1));
    world.record(world.ship(TestWorld.COMPTOIR, "lot-exp", TestWorld.SMELTER));

    List<Alert> alerts =
        ofDetector(world.record(world.export(TestWorld.CUSTOMS, "lot-exp", "MY", 3_600_000)));

    assertThat(alerts).hasSize(1);
    assertThat(alerts.getFirst().actorIds()).containsExactly(TestWorld.COMPTOIR);
  }

  @Test
  void mergesThatLoseDustOrGainWithinTheScalesErrorRaiseNothing() {
    for (long output : new long[] {2_980_000, 2_985_000, 2_990_000, 2_995_000, 3_000_000}) {
      TestWorld world = new TestWorld();

      assertThat(threeBagsMergedInto(world, output)).isEmpty();
    }
  }

  @Test
  void aCooperativeTaggingIsNotJudgedButATraderTaggingIsFlagged() {
    TestWorld world = new TestWorld();
    List<CustodyEvent> tags = new ArrayList<>();
    for (int bag = 1; bag <= 3; bag++) {
      tags.add(world.tag("lot-" + bag, "T-" + bag, 2_000_000, "30"));
    }
    assertThat(ofDetector(world.recordEach(tags))).isEmpty();

    List<Alert> alerts =
        ofDetector(
            world.record(
                world.tagAt(TestWorld.LUWOWO, TestWorld.TRADER, "lot-4", "T-4", 2_000_000, "30")));

    assertThat(alerts)
        .singleElement()
        .satisfies(alert -> assertThat(alert.actorIds()).containsExactly(TestWorld.TRADER));
  }
}
