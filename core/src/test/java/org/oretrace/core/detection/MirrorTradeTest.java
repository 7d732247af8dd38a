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

  /**
   * One country-year of gold with a mine capacity of 720 kg a year, exporting what its record
   * shows, of which it declared some and its partners declared importing some.
   */
  private static MirrorTrade.CountryYear gold(int year, long declared, long mirror) {
    long recorded = Math.max(declared, mirror);
    return new MirrorTrade.CountryYear(
        Country.of("GY"),
        Mineral.GOLD,
        year,
        720_000,
        recorded,
        0,
        declared,
        0,
        mirror,
        0,
        mirror - declared,
        true,
        Map.of());
  }

  private static List<Alert> mirrorAlerts(List<MirrorTrade.CountryYear> years) {
    return MirrorTrade.defaults().alerts(years).stream()
        .filter(alert -> alert.id().endsWith("-mirror"))
        .toList();
  }

  @Test
  void aYearDeclaringTooLittleAfterAnHonestYearAlerts() {
    // 275 kg declared of 471 kg its partners took (they took 71 % more), the year after an honest
    // one whose partners' figures fell 13 kg short. Over the two years partners took only 25 %
    // more than declared: judged over both, the gap was diluted by the honest year and missed.
    List<Alert> alerts =
        mirrorAlerts(List.of(gold(2030, 457_000, 444_000), gold(2031, 275_000, 471_000)));

    assertThat(alerts).hasSize(1);
    assertThat(alerts.getFirst().id()).isEqualTo("D10-GY-gold-2031-mirror");
    assertThat(alerts.getFirst().explanation())
        .contains("Guyana declared exporting 275 kg")
        .contains("196 kg left without an export declaration");
  }

  @Test
  void aDecemberExportDeclaredImportedInJanuaryRaisesNothing() {
    // 160 kg exported in December 2030 and declared imported in January 2031: 2031's partners
    // declared 53 % more than it did, which the year before's shortfall accounts for.
    assertThat(mirrorAlerts(List.of(gold(2030, 460_000, 300_000), gold(2031, 300_000, 460_000))))
        .isEmpty();
  }

  @Test
  void aGapWithinTheToleranceRaisesNothing() {
    assertThat(mirrorAlerts(List.of(gold(2030, 460_000, 460_000), gold(2031, 400_000, 490_000))))
        .isEmpty();
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
