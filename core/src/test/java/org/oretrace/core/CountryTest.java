package org.oretrace.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CountryTest {

  @ParameterizedTest
  @ValueSource(strings = {"CD", "RW", "UG", "BI", "CO", "BR", "MM", "CN", "ML"})
  void acceptsAssignedCodes(String code) {
    assertThat(Country.of(code).code()).isEqualTo(code);
    assertThat(Country.of(code)).hasToString(code);
  }

  @ParameterizedTest
  @ValueSource(strings = {"XX", "cd", "Cd", "COD", "C", "", " CD", "UK"})
  void refusesUnassignedOrMalformedCodes(String code) {
    assertThatThrownBy(() -> Country.of(code))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an ISO 3166-1 alpha-2 country code: '" + code + "'")
        .hasMessageContaining("upper case");
  }

  @Test
  void refusesNull() {
    assertThatThrownBy(() -> Country.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("code is null");
  }

  @Test
  void hasAnEnglishDisplayName() {
    assertThat(Country.of("RW").displayName()).isEqualTo("Rwanda");
    assertThat(Country.of("CD").displayName()).contains("Congo");
  }

  @Test
  void equalsByCode() {
    assertThat(Country.of("CD")).isEqualTo(new Country("CD")).isNotEqualTo(Country.of("CG"));
  }
}
