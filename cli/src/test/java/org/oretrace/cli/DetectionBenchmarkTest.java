package org.oretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oretrace.core.Country;
import org.oretrace.core.detection.Alert;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.core.detection.Severity;
import org.oretrace.sim.GroundTruth;
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

  @Test
  void aMirrorTradeAlertFindsTheSchemeOfItsCountryAndYearOnly() {
    GroundTruth.Scheme scheme =
        new GroundTruth.Scheme(
            "scheme-0001",
            DetectorId.D10,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of("GY"),
            "ev-0000001",
            Instant.parse("2031-12-27T20:36:19Z"),
            "Guyana declared only 59 % of its gold exports of 2031");

    assertThat(DetectionBenchmark.matches(mirrorAlert("GY", 2031), scheme)).isTrue();
    assertThat(DetectionBenchmark.matches(mirrorAlert("GY", 2030), scheme)).isFalse();
    assertThat(DetectionBenchmark.matches(mirrorAlert("SR", 2031), scheme)).isFalse();
  }

  private static Alert mirrorAlert(String country, int year) {
    return new Alert(
        "D10-" + country + "-gold-" + year + "-mirror",
        DetectorId.D10,
        0.8,
        Severity.forScore(0.8),
        Instant.parse(year + "-12-31T23:59:59Z"),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(Country.of(country), Country.of("AE")),
        Map.of("year", BigDecimal.valueOf(year)),
        "Partners declared importing more than " + country + " declared exporting.");
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
