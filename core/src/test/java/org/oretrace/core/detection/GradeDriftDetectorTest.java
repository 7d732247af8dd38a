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

  @Test
  void assaysWithinLaboratoryErrorRaiseNothing() {
    for (String assayed : List.of("28.3", "30.1", "31.2", "32.5", "34.1")) {
      assertThat(assayAfterMerge(assayed)).isEmpty();
    }
  }
}
