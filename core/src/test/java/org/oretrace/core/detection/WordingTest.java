package org.oretrace.core.detection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.oretrace.core.registry.Mineral;

class WordingTest {

  @Test
  void exactMassesInOneSentenceAddUpByHand() {
    // 27,640 g against 25 kg: 27.6 = 25.0 + 2.6; 20,650,400 g against 20 t: 20.650 = 20.000 +
    // 0.650.
    assertThat(Wording.exactMass(27_640, 25_000)).isEqualTo("27.6 kg");
    assertThat(Wording.exactMass(25_000, 25_000)).isEqualTo("25.0 kg");
    assertThat(Wording.exactMass(2_640, 25_000)).isEqualTo("2.6 kg");
    assertThat(Wording.exactMass(20_650_400, 20_000_000)).isEqualTo("20.650 t");
    assertThat(Wording.exactMass(650_400, 20_000_000)).isEqualTo("0.650 t");
  }

  @Test
  void goldIsStatedByFinenessAndTheOthersByPercentOfTheirConstituent() {
    assertThat(Wording.grade(Mineral.GOLD, 860_000)).isEqualTo("860.0 fine");
    assertThat(Wording.gradeDifference(Mineral.GOLD, 5_000)).isEqualTo("5.0 parts per thousand");
    assertThat(Wording.grade(Mineral.COLTAN, 312_000)).isEqualTo("31.2 % Ta2O5");
    assertThat(Wording.gradeDifference(Mineral.COLTAN, 30_000)).isEqualTo("3.0 points");
  }

  @Test
  void eachMineralIsCalledWhatItIs() {
    assertThat(Wording.material(Mineral.GOLD)).isEqualTo("gold");
    assertThat(Wording.material(Mineral.CASSITERITE)).isEqualTo("ore");
    assertThat(Wording.material(Mineral.TIN)).isEqualTo("metal");
    assertThat(Wording.units(Mineral.GOLD, 1)).isEqualTo("parcel");
    assertThat(Wording.units(Mineral.COLTAN, 2)).isEqualTo("bags");
  }

  @Test
  void aFigureJustPastItsLimitDoesNotReadAsTheLimit() {
    assertThat(Wording.distinct(0.6004, 0.6)).isEqualTo("0.6004");
    assertThat(Wording.distinct(0.68, 0.6)).isEqualTo("0.68");
  }
}
