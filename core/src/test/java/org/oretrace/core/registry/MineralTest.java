package org.oretrace.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MineralTest {

  @Test
  void everyMineralHasASixDigitHarmonizedSystemCodeAndAConstituent() {
    for (Mineral mineral : Mineral.values()) {
      assertThat(mineral.harmonizedSystemCode()).matches("\\d{6}");
      assertThat(mineral.gradeConstituent()).isNotBlank();
    }
    assertThat(Mineral.COLTAN.harmonizedSystemCode()).isEqualTo("261590");
    assertThat(Mineral.GOLD.gradeConstituent()).isEqualTo("Au");
  }

  @Test
  void oresAreMinedAndMetalsAreNot() {
    assertThat(Arrays.stream(Mineral.values()).filter(Mineral::mined))
        .containsExactly(
            Mineral.COLTAN,
            Mineral.CASSITERITE,
            Mineral.WOLFRAMITE,
            Mineral.GOLD,
            Mineral.RARE_EARTH_CONCENTRATE);
  }
}
