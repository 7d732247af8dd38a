package org.oretrace.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LogKeyTest {

  // The signer key of golang.org/x/mod/sumdb/note's documentation.
  static final String PETER_PRIVATE_KEY =
      "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";

  @Test
  void loadsTheGoReferenceKeyAndDerivesItsVerifierKey() {
    LogKey key = LogKey.parse(PETER_PRIVATE_KEY);
    assertThat(key.name()).isEqualTo("PeterNeumann");
    assertThat(key.verifierKey()).hasToString(VerifierKeyTest.PETER_KEY);
    assertThat(key.toPrivateKeyText()).isEqualTo(PETER_PRIVATE_KEY);
  }

  @Test
  void generatedKeysSurviveSavingAndLoading() {
    LogKey key = LogKey.generate("oretrace.example/ledger");
    LogKey loaded = LogKey.parse(key.toPrivateKeyText());
    assertThat(loaded.verifierKey()).isEqualTo(key.verifierKey());
    assertThat(VerifierKey.parse(key.verifierKey().toString())).isEqualTo(key.verifierKey());
    SignedNote note = SignedNote.sign("hello\n", loaded);
    assertThat(note.verify(java.util.List.of(key.verifierKey())))
        .containsExactly(key.verifierKey());
  }

  @Test
  void neverShowsThePrivateKey() {
    LogKey key = LogKey.parse(PETER_PRIVATE_KEY);
    assertThat(key.toString()).doesNotContain("AYEKFALVFGyNhPJEMzD1QIDr").contains("PeterNeumann");
  }

  @Test
  void rejectsEveryMangling() {
    for (int i = 0; i < PETER_PRIVATE_KEY.length(); i++) {
      char[] chars = PETER_PRIVATE_KEY.toCharArray();
      chars[i]++;
      String mangled = new String(chars);
      assertThatThrownBy(() -> LogKey.parse(mangled))
          .as(mangled)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> LogKey.parse(PETER_PRIVATE_KEY.substring(0, 40)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LogKey.generate("two words"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LogKey.generate("a+b")).isInstanceOf(IllegalArgumentException.class);
  }
}
