package org.oretrace.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oretrace.server.auth.TokenSecrets.MintedToken;

class TokenSecretsTest {

  @Test
  void mintsPrefixedUrlSafeSecretsWithTheirHash() {
    MintedToken token = TokenSecrets.mint();

    assertThat(token.secret()).startsWith("ot_").matches("ot_[A-Za-z0-9_-]{43}");
    assertThat(token.secretHash())
        .matches("[0-9a-f]{64}")
        .isEqualTo(TokenSecrets.hash(token.secret()));
    assertThat(token.toString()).doesNotContain(token.secret());
  }

  @Test
  void mintsADifferentSecretEachTime() {
    Set<String> secrets = new HashSet<>();
    for (int index = 0; index < 1000; index++) {
      secrets.add(TokenSecrets.mint().secret());
    }
    assertThat(secrets).hasSize(1000);
  }

  @Test
  void hashesWithSha256Hex() {
    assertThat(TokenSecrets.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
