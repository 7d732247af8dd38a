package org.oretrace.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "L",
        "lot-000123",
        "ITSCI:CD/N/1234567",
        "urn:epc:id:sgtin:0614141.107346.2017",
        "https://id.gs1.org/01/09506000134352/10/ABC?x=1"
      })
  void acceptsPrintableIdsIncludingGs1Uris(String id) {
    assertThat(Identifiers.isValid(id)).isTrue();
    assertThat(Identifiers.requireId(id, "lot")).isEqualTo(id);
  }

  @Test
  void acceptsUpTo128Characters() {
    assertThat(Identifiers.isValid("a".repeat(128))).isTrue();
    assertThat(Identifiers.isValid("a".repeat(129))).isFalse();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "lot 1", "lot\t1", "lot\n", "lotÉ", "\u0000", "lot\u007f"})
  void refusesBlankSpacedOrNonPrintableIds(String id) {
    assertThat(Identifiers.isValid(id)).isFalse();
    assertThatThrownBy(() -> Identifiers.requireId(id, "site"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("site must be 1 to 128 printable characters without spaces, got '" + id + "'");
  }
}
