package org.oretrace.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScenarioTest {

  @Test
  void findsAScenarioByItsCommandLineName() {
    assertThat(Scenario.named("great-lakes-3t").name()).isEqualTo("great-lakes-3t");
    assertThat(Scenario.all())
        .extracting(Scenario::name)
        .containsExactly("great-lakes-3t", "amazon-gold", "myanmar-ree");
  }

  @Test
  void anUnknownNameListsTheKnownOnes() {
    assertThatThrownBy(() -> Scenario.named("atlantis"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "no scenario named 'atlantis'; known: great-lakes-3t, amazon-gold, myanmar-ree");
  }
}
