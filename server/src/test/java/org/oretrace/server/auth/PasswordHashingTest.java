package org.oretrace.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHashingTest {

  @Test
  void aHashMatchesItsPasswordAndNoOther() {
    String hash = PasswordHashing.hash("correct horse battery");
    assertThat(hash).startsWith("$scrypt$ln=15,r=8,p=1$");
    assertThat(PasswordHashing.matches("correct horse battery", hash)).isTrue();
    assertThat(PasswordHashing.matches("correct horse batterY", hash)).isFalse();
    assertThat(PasswordHashing.matches("", hash)).isFalse();
  }

  @Test
  void theSamePasswordGetsAFreshSaltEachTime() {
    assertThat(PasswordHashing.hash("the same password"))
        .isNotEqualTo(PasswordHashing.hash("the same password"));
  }

  @Test
  void composedAndDecomposedAccentsAreTheSamePassword() {
    String hash = PasswordHashing.hash("Kinshasa-r\u00e9publique");
    assertThat(PasswordHashing.matches("Kinshasa-re\u0301publique", hash)).isTrue();
  }

  @Test
  void refusesShortPasswordsAndMatchesNoMalformedHash() {
    assertThatThrownBy(() -> PasswordHashing.hash("short"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 10");
    assertThat(PasswordHashing.matches("anything at all", "plain-text")).isFalse();
    assertThat(PasswordHashing.matches("anything at all", "$scrypt$ln=99,r=8,p=1$AAAA$AAAA"))
        .isFalse();
  }
}
