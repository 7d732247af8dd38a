package org.oretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.sim.Scenario;
import org.oretrace.sim.SchemeRates;

/**
 * The in-memory quality run over a range of seeds scores as the recorded run does, and adds the
 * seeds up per detector.
 */
class DetectionBenchmarkTest {

  private static final Scenario GOLD = Scenario.amazonGold();

  @Test
  void inMemoryScoringAgreesWithTheRunThroughTheRecorder() {
    DetectionBenchmark.Result recorded =
        DetectionBenchmark.run(GOLD, 7, 600, SchemeRates.defaults());

    DetectionBenchmark.Quality inMemory =
        DetectionBenchmark.quality(GOLD, 7, 7, 600, SchemeRates.defaults());

    assertThat(inMemory.rows()).isEqualTo(recorded.rows());
    assertThat(inMemory.events()).isEqualTo(recorded.events());
    assertThat(inMemory.rows())
        .extracting(DetectionBenchmark.Row::detector)
        .contains(DetectorId.D2);
  }

  @Test
  void aRangeOfSeedsIsTheSumOfItsSeeds() {
    DetectionBenchmark.Quality both =
        DetectionBenchmark.quality(GOLD, 8, 9, 600, SchemeRates.defaults());
    List<DetectionBenchmark.Row> first =
        DetectionBenchmark.quality(GOLD, 8, 8, 600, SchemeRates.defaults()).rows();
    List<DetectionBenchmark.Row> second =
        DetectionBenchmark.quality(GOLD, 9, 9, 600, SchemeRates.defaults()).rows();

    for (DetectionBenchmark.Row row : both.rows()) {
      assertThat(row.schemes())
          .as("%s", row.detector())
          .isEqualTo(schemes(first, row.detector()) + schemes(second, row.detector()));
      assertThat(row.alerts())
          .as("%s", row.detector())
          .isEqualTo(alerts(first, row.detector()) + alerts(second, row.detector()));
    }
    assertThat(both.lines().getFirst()).startsWith("scenario=amazon-gold seeds=8-9 lots=600");
    assertThat(both.lines().getLast()).startsWith("detection: precision=");
  }

  private static int schemes(List<DetectionBenchmark.Row> rows, DetectorId detector) {
    return rows.stream()
        .filter(row -> row.detector() == detector)
        .mapToInt(DetectionBenchmark.Row::schemes)
        .sum();
  }

  private static int alerts(List<DetectionBenchmark.Row> rows, DetectorId detector) {
    return rows.stream()
        .filter(row -> row.detector() == detector)
        .mapToInt(DetectionBenchmark.Row::alerts)
        .sum();
  }
}
