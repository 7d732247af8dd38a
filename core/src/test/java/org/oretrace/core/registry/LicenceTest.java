package org.oretrace.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LicenceTest {

  private static final LocalDate JANUARY_FIRST = LocalDate.of(2025, 1, 1);
  private static final LocalDate DECEMBER_LAST = LocalDate.of(2025, 12, 31);

  @Test
  void isValidOnBothEndsInclusive() {
    Licence licence = new Licence("CD-EXP-2025-001", JANUARY_FIRST, DECEMBER_LAST);

    assertThat(licence.validOn(JANUARY_FIRST)).isTrue();
    assertThat(licence.validOn(DECEMBER_LAST)).isTrue();
    assertThat(licence.validOn(LocalDate.of(2025, 6, 15))).isTrue();
    assertThat(licence.validOn(JANUARY_FIRST.minusDays(1))).isFalse();
    assertThat(licence.validOn(DECEMBER_LAST.plusDays(1))).isFalse();
  }

  @Test
  void aOneDayLicenceIsAllowed() {
    assertThat(new Licence("L-1", JANUARY_FIRST, JANUARY_FIRST).validOn(JANUARY_FIRST)).isTrue();
  }

  @Test
  void refusesALicenceEndingBeforeItStarts() {
    assertThatThrownBy(() -> new Licence("L-1", DECEMBER_LAST, JANUARY_FIRST))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("licence L-1 ends (2025-01-01) before it starts (2025-12-31)");
  }

  @Test
  void refusesBlankOrMissingFields() {
    assertThatThrownBy(() -> new Licence(" ", JANUARY_FIRST, DECEMBER_LAST))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("licence number is blank");
    assertThatThrownBy(() -> new Licence(null, JANUARY_FIRST, DECEMBER_LAST))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("number is null");
    assertThatThrownBy(() -> new Licence("L-1", null, DECEMBER_LAST))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("validFrom is null");
    assertThatThrownBy(() -> new Licence("L-1", JANUARY_FIRST, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("validUntil is null");
  }
}
