package org.oretrace.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SimulationOptionsTest {

  @Test
  void theDefaultsAreTheDemosWorld() {
    assertThat(SimulationOptions.defaults())
        .isEqualTo(new SimulationOptions(42, 2_000, LocalDate.of(2024, 1, 1)));
    assertThat(SimulationOptions.of(7, 10).start()).isEqualTo(SimulationOptions.DEFAULT_START);
  }

  @Test
  void refusesAnEmptyWorldAndAMissingStart() {
    assertThatThrownBy(() -> SimulationOptions.of(1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lots must be at least 1, got 0");
    assertThatThrownBy(() -> new SimulationOptions(1, 10, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("start is null");
  }
}
