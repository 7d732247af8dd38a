package org.oretrace.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VerifierKeyTest {

  // From the C2SP signed-note specification and from golang.org/x/mod/sumdb/note.
  static final String SPEC_KEY =
      "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
  static final String PETER_KEY =
      "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

  @Test
  void parsesAndWritesBackPublishedKeys() {
    VerifierKey key = VerifierKey.parse(SPEC_KEY);
    assertThat(key.name()).isEqualTo("example.com/foo");
    assertThat(key.keyHash()).isEqualTo(0x530d903a);
    assertThat(key).hasToString(SPEC_KEY);
    assertThat(VerifierKey.parse(PETER_KEY)).hasToString(PETER_KEY);
    assertThat(VerifierKey.parse(PETER_KEY)).isEqualTo(VerifierKey.parse(PETER_KEY));
  }

  @Test
  void rejectsEveryMangling() {
    // As golang.org/x/mod/sumdb/note's TestNewVerifier: every proper substring and every
    // single-character change must be refused.
    for (int start = 0; start <= PETER_KEY.length(); start++) {
      for (int end = start + 1; end <= PETER_KEY.length(); end++) {
        if (start != 0 || end != PETER_KEY.length()) {
          String mangled = PETER_KEY.substring(start, end);
          assertThatThrownBy(() -> VerifierKey.parse(mangled))
              .as(mangled)
              .isInstanceOf(IllegalArgumentException.class);
        }
      }
    }
    for (int i = 0; i < PETER_KEY.length(); i++) {
      char[] chars = PETER_KEY.toCharArray();
      chars[i]++;
      String mangled = new String(chars);
      assertThatThrownBy(() -> VerifierKey.parse(mangled))
          .as(mangled)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void explainsWhatIsWrong() {
    assertThatThrownBy(
            () ->
                VerifierKey.parse(
                    "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
        .hasMessageContaining("Ed25519");
    assertThatThrownBy(
            () ->
                VerifierKey.parse(
                    "PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
        .hasMessageContaining("lower-case hex");
    assertThatThrownBy(
            () ->
                VerifierKey.parse(
                    "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
        .hasMessageContaining("does not match");
    assertThatThrownBy(
            () ->
                VerifierKey.parse(
                    "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
        .hasMessageContaining("key name");
  }
}
