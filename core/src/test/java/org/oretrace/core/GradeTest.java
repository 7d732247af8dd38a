package org.oretrace.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GradeTest {

  @Test
  void percentRoundTripsThroughPartsPerMillion() {
    Grade grade = Grade.ofPercent("31.25");

    assertThat(grade.partsPerMillion()).isEqualTo(312_500);
    assertThat(grade.percent()).isEqualByComparingTo("31.25");
    assertThat(grade.percent().toPlainString()).isEqualTo("31.25");
    assertThat(grade).hasToString("31.25 %");
  }

  @Test
  void everyPartsPerMillionValueRoundTripsThroughPercent() {
    Random random = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      long ppm = random.nextLong(Grade.MILLION + 1);
      Grade grade = new Grade(ppm);
      assertThat(Grade.ofPercent(grade.percent())).isEqualTo(grade);
      assertThat(Grade.ofPercent(grade.percent().toPlainString())).isEqualTo(grade);
    }
  }

  @Test
  void acceptsTheBoundsAndFourDecimals() {
    assertThat(Grade.ofPercent("0").partsPerMillion()).isZero();
    assertThat(Grade.ofPercent("0").percent()).isEqualTo(BigDecimal.ZERO);
    assertThat(Grade.ofPercent("100").partsPerMillion()).isEqualTo(Grade.MILLION);
    assertThat(Grade.ofPercent("100").percent().toPlainString()).isEqualTo("100");
    assertThat(Grade.ofPercent("0.0001").partsPerMillion()).isEqualTo(1);
    assertThat(Grade.ofPercent("99.99").partsPerMillion()).isEqualTo(999_900);
    assertThat(Grade.ofPercent("31.2500000").partsPerMillion()).isEqualTo(312_500);
  }

  @Test
  void refusesMorePrecisionThanOnePartPerMillion() {
    assertThatThrownBy(() -> Grade.ofPercent("0.00001"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0.00001 %")
        .hasMessageContaining("more precision than 0.0001 %");
  }

  @ParameterizedTest
  @ValueSource(strings = {"100.0001", "150", "-0.0001", "-5"})
  void refusesGradesOutsideZeroToHundredPercent(String percent) {
    assertThatThrownBy(() -> Grade.ofPercent(percent))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 0 and 100 %");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1E+30", "-1E+30", "92233720368547758.08"})
  void refusesHugeGradesAsOutOfRangeNotAsTooPrecise(String percent) {
    assertThatThrownBy(() -> Grade.ofPercent(percent))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 0 and 100 %")
        .hasMessageNotContaining("precision");
  }

  @Test
  void refusesPartsPerMillionOutOfRange() {
    assertThatThrownBy(() -> new Grade(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("grade must be between 0 and 100 %, got -1 ppm");
    assertThatThrownBy(() -> new Grade(Grade.MILLION + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1000001 ppm");
  }

  @Test
  void refusesNullAndNonNumbers() {
    assertThatThrownBy(() -> Grade.ofPercent((BigDecimal) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("percent is null");
    assertThatThrownBy(() -> Grade.ofPercent("thirty")).isInstanceOf(NumberFormatException.class);
  }

  @Test
  void comparesByValue() {
    assertThat(Grade.ofPercent("30")).isLessThan(Grade.ofPercent("30.0001"));
    assertThat(Grade.ofPercent("30")).isEqualByComparingTo(new Grade(300_000));
  }
}
