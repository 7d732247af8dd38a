package org.oretrace.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.oretrace.core.detection.DetectorId;

class SchemeRatesTest {

  @Test
  void parsesTheCommandLineSyntax() {
    SchemeRates rates = SchemeRates.parse("D2:5, d3:2.5");

    assertThat(rates.rate(DetectorId.D2)).isEqualTo(5.0);
    assertThat(rates.rate(DetectorId.D3)).isEqualTo(2.5);
    assertThat(rates.rate(DetectorId.D5)).isZero();
    assertThat(rates).hasToString("D2:5,D3:2.5");
  }

  @Test
  void defaultAndNoneAreNamed() {
    assertThat(SchemeRates.parse("none")).isEqualTo(SchemeRates.none());
    assertThat(SchemeRates.parse("default")).isEqualTo(SchemeRates.defaults());
    assertThat(SchemeRates.defaults().rates()).hasSize(10);
  }

  @Test
  void oneRateChangesAndTheOthersStay() {
    SchemeRates changed = SchemeRates.defaults().with(DetectorId.D10, 1);

    assertThat(changed.rate(DetectorId.D10)).isEqualTo(1.0);
    assertThat(changed.rate(DetectorId.D4)).isEqualTo(SchemeRates.defaults().rate(DetectorId.D4));
    assertThat(SchemeRates.defaults().rate(DetectorId.D10)).isEqualTo(0.3);
    assertThat(changed.toString()).contains("D10:1").startsWith("D1:2");
  }

  @Test
  void aRateAboveZeroPlantsAtLeastOne() {
    SchemeRates rates = SchemeRates.parse("D2:0.1");

    assertThat(rates.count(DetectorId.D2, 200)).isEqualTo(1);
    assertThat(rates.count(DetectorId.D2, 100_000)).isEqualTo(10);
    assertThat(rates.count(DetectorId.D3, 100_000)).isZero();
  }

  @Test
  void refusesWhatCannotBePlanted() {
    assertThatThrownBy(() -> SchemeRates.parse("D2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DETECTOR:RATE");
    assertThatThrownBy(() -> SchemeRates.parse("D2:-1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SchemeRates.parse("D9:1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
