package org.oretrace.core.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oretrace.core.Country;
import org.oretrace.core.registry.Mineral;

class MirrorTradeTest {

  /** One country-year of wolframite with every source agreeing on exports and imports. */
  private static MirrorTrade.CountryYear year(long capacity, long exported, long imported) {
    return new MirrorTrade.CountryYear(
        Country.of("BI"),
        Mineral.WOLFRAMITE,
        2024,
        capacity,
        exported,
        imported,
        exported,
        imported,
        exported,
        imported,
        0,
        true,
        Map.of());
  }

  @Test
  void aCountryWithoutMinesReExportingWhatItImportedRaisesNothing() {
    // 266 kg out, 265 kg in: the kilogram between them is weighing, not ore of its own.
    assertThat(MirrorTrade.defaults().alerts(List.of(year(0, 266_000, 265_000)))).isEmpty();
  }

  @Test
  void exportsBeyondWhatTheMinesProduceAlert() {
    List<Alert> alerts =
        MirrorTrade.defaults().alerts(List.of(year(1_000_000, 1_400_000, 100_000)));

    assertThat(alerts).hasSize(1);
    assertThat(alerts.getFirst().detector()).isEqualTo(DetectorId.D10);
    assertThat(alerts.getFirst().explanation())
        .startsWith("Burundi exported 1.3 t of wolframite in 2024 net of imports");
  }

  @Test
  void aCountryWithoutMinesExportingWhatItNeverImportedAlerts() {
    assertThat(MirrorTrade.defaults().alerts(List.of(year(0, 266_000, 200_000)))).hasSize(1);
  }
}
