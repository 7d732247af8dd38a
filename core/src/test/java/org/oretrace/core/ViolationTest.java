package org.oretrace.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ViolationTest {

  @Test
  void saysWhereAndWhat() {
    assertThat(Violation.of(3, "parts/1/massGrams", "must be positive"))
        .hasToString("item 3, parts/1/massGrams: must be positive");
    assertThat(Violation.of(-1, "", "the batch is empty"))
        .hasToString("request: the batch is empty");
  }

  @Test
  void refusesBadItemsAndNulls() {
    assertThatThrownBy(() -> Violation.of(-2, "", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-2");
    assertThatThrownBy(() -> Violation.of(0, null, "x"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("field is null");
    assertThatThrownBy(() -> Violation.of(0, "", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("message is null");
  }
}
