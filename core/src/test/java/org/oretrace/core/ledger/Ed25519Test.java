package org.oretrace.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ed25519Test {

  // RFC 8032 section 7.1, TEST 1.
  private static final String SEED =
      "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
  private static final String PUBLIC_KEY =
      "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
  private static final String SIGNATURE_OF_EMPTY_MESSAGE =
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

  @Test
  void derivesTheRfc8032KeyPairFromItsSeedAndSignsLikeIt() {
    KeyPair pair = Ed25519.keyPairFromSeed(HexFormat.of().parseHex(SEED));
    byte[] raw = Ed25519.rawPublicKey(pair.getPublic());
    assertThat(HexFormat.of().formatHex(raw)).isEqualTo(PUBLIC_KEY);
    assertThat(HexFormat.of().formatHex(Ed25519.seed(pair.getPrivate()))).isEqualTo(SEED);
    byte[] signature = Ed25519.sign(pair.getPrivate(), new byte[0]);
    assertThat(HexFormat.of().formatHex(signature)).isEqualTo(SIGNATURE_OF_EMPTY_MESSAGE);
    assertThat(Ed25519.verify(Ed25519.publicKeyFromRaw(raw), new byte[0], signature)).isTrue();
    signature[10] ^= 1;
    assertThat(Ed25519.verify(Ed25519.publicKeyFromRaw(raw), new byte[0], signature)).isFalse();
    assertThat(Ed25519.verify(Ed25519.publicKeyFromRaw(raw), new byte[0], new byte[63])).isFalse();
  }

  @Test
  void rebuildsPublicKeysFromRawBytes() {
    KeyPair pair = Ed25519.generateKeyPair();
    byte[] raw = Ed25519.rawPublicKey(pair.getPublic());
    assertThat(Ed25519.publicKeyFromRaw(raw)).isEqualTo(pair.getPublic());
    assertThatThrownBy(() -> Ed25519.publicKeyFromRaw(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ed25519.keyPairFromSeed(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
