package org.oretrace.core.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GradeDriftDetectorTest {

  private static List<Alert> assayAfterMerge(String assayed) {
    TestWorld world = new TestWorld();
    world.record(world.tag("lot-1", "T-1", 40_000, "30"));
    world.record(world.tag("lot-2", "T-2", 60_000, "32"));
    world.record(world.merge(TestWorld.COOPERATIVE, "lot-3", "EXP-1", 99_900, "lot-1", "lot-2"));
    return world.record(world.assay(TestWorld.COOPERATIVE, "lot-3", assayed)).stream()
        .filter(alert -> alert.detector() == DetectorId.D6)
        .toList();
  }

  @Test
  void anAssayTwelvePointsBelowTheRecordedGradeIsFlagged() {
    List<Alert> alerts = assayAfterMerge("19.2");

    assertThat(alerts).hasSize(1);
    assertThat(alerts.getFirst().figures().get("expectedPercent").doubleValue()).isEqualTo(31.2);
    assertThat(alerts.getFirst().explanation())
        .contains("assayed 19.2 % Ta2O5")
        .contains("its record carries 31.2 %");
  }

  private static List<Alert> assayGold(String tagged, String assayed) {
    TestWorld world = new TestWorld();
    world.record(world.tagGoldOfGrade("lot-1", "AU-1", 400, tagged));
    return world.record(world.assay(TestWorld.COOPERATIVE, "lot-1", assayed)).stream()
        .filter(alert -> alert.detector() == DetectorId.D6)
        .toList();
  }

  @Test
  void goldIsDescribedByItsFinenessNotAsAnOreGrade() {
    List<Alert> alerts = assayGold("90", "86");

    assertThat(alerts).hasSize(1);
    assertThat(alerts.getFirst().explanation())
        .contains("(gold from Creporizao) assayed 860.0 fine")
        .contains("its record carries 900.0 fine: 40.0 parts per thousand apart")
        .contains("where fire assays agree within 5.0 parts per thousand")
        .contains("the gold may have been substituted")
        .doesNotContain("%")
        .doesNotContain("ore");
  }

  @Test
  void goldAssaysWithinFireAssayErrorRaiseNothing() {
    for (String assayed : List.of("89.6", "90", "90.45")) {
      assertThat(assayGold("90", assayed)).as(assayed).isEmpty();
    }
  }

  @Test
  void anOreGradeKeepsItsPercentAndConstituent() {
    assertThat(assayAfterMerge("19.2").getFirst().explanation())
        .contains("12.0 points apart, where laboratories agree within 3.0 points")
        .contains("the ore may have been substituted");
  }

  @Test
  void assaysWithinLaboratoryErrorRaiseNothing() {
    for (String assayed : List.of("28.3", "30.1", "31.2", "32.5", "34.1")) {
      assertThat(assayAfterMerge(assayed)).isEmpty();
    }
  }
}
