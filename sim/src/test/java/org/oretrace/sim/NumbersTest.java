package org.oretrace.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NumbersTest {

  @Test
  void padsToTheWidthAndGrowsBeyondIt() {
    assertThat(Numbers.padded(0, 3)).isEqualTo("000");
    assertThat(Numbers.padded(123, 6)).isEqualTo("000123");
    assertThat(Numbers.padded(12_345_678, 7)).isEqualTo("12345678");
    assertThatThrownBy(() -> Numbers.padded(-1, 3)).isInstanceOf(IllegalArgumentException.class);
  }
}
