package org.oretrace.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidInputExceptionTest {

  @Test
  void carriesEveryViolationAndSummarisesTheFirstThree() {
    List<Violation> violations = new ArrayList<>();
    for (int item = 0; item < 5; item++) {
      violations.add(Violation.of(item, "lot", "unknown lot L" + item));
    }

    InvalidInputException exception = new InvalidInputException(violations);
    violations.clear();

    assertThat(exception.violations()).hasSize(5);
    assertThat(exception)
        .hasMessage(
            "item 0, lot: unknown lot L0; item 1, lot: unknown lot L1; "
                + "item 2, lot: unknown lot L2; and 2 more");
  }

  @Test
  void aSingleViolationIsTheMessage() {
    assertThat(InvalidInputException.of("tagNumber", "is blank"))
        .hasMessage("request, tagNumber: is blank");
  }

  @Test
  void needsAtLeastOneViolation() {
    assertThatThrownBy(() -> new InvalidInputException(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
