package org.oretrace.core.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oretrace.core.Country;

class AlertTest {

  private static Alert alert(
      String id, double score, List<String> eventIds, List<String> lotIds, String explanation) {
    return new Alert(
        id,
        DetectorId.D3,
        score,
        Severity.forScore(score),
        Instant.parse("2025-03-01T08:00:00Z"),
        eventIds,
        lotIds,
        List.of("trader-goma"),
        List.of(),
        List.of(Country.of("CD")),
        Map.of("kilometresPerHour", new BigDecimal("140.0")),
        explanation);
  }

  @Test
  void theIdentityIsDetectorIdCompletingEventAndTheSetOfLots() {
    Alert alert =
        alert("D3-ev-9", 0.8, List.of("ev-9", "ev-4"), List.of("lot-2", "lot-1"), "Fast.");

    assertThat(alert.identity()).isEqualTo("D3 D3-ev-9 ev-9 [lot-1, lot-2]");
    // Score, wording and the order of the lots do not make another finding.
    assertThat(
            alert("D3-ev-9", 0.6, List.of("ev-9"), List.of("lot-1", "lot-2"), "Too fast.")
                .identity())
        .isEqualTo(alert.identity());
    assertThat(
            alert("D3-ev-9", 0.8, List.of("ev-8"), List.of("lot-1", "lot-2"), "Fast.").identity())
        .isNotEqualTo(alert.identity());
    assertThat(alert("D3-ev-9", 0.8, List.of("ev-9"), List.of("lot-1"), "Fast.").identity())
        .isNotEqualTo(alert.identity());
  }

  @Test
  void anAlertAboutAPartyHasNoCompletingEvent() {
    assertThat(alert("D3-trader-goma", 0.8, List.of(), List.of(), "Risky.").identity())
        .isEqualTo("D3 D3-trader-goma - []");
  }
}
