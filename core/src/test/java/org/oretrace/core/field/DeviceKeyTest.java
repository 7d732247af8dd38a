package org.oretrace.core.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DeviceKeyTest {

  // RFC 8032 section 7.1, test 1: the empty message.
  private static final byte[] SEED =
      HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  private static final byte[] PUBLIC =
      HexFormat.of().parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  private static final String SIGNATURE =
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9"
          + "b46bd25bf5f0595bbe24655141438e7a100b";

  @Test
  void signsTheRfc8032TestVector() {
    DeviceKey key = DeviceKey.parse(Base64.getEncoder().encodeToString(SEED));
    assertThat(key.publicKey()).hasToString(Base64.getEncoder().encodeToString(PUBLIC));
    assertThat(HexFormat.of().formatHex(key.sign(new byte[0]))).isEqualTo(SIGNATURE);
    assertThat(key.publicKey().verifies(new byte[0], HexFormat.of().parseHex(SIGNATURE))).isTrue();
  }

  @Test
  void generatedKeysSurviveSavingAndLoading() {
    DeviceKey key = DeviceKey.generate();
    DeviceKey loaded = DeviceKey.parse(key.seedBase64());
    assertThat(loaded.publicKey()).isEqualTo(key.publicKey());
    byte[] message = "batch".getBytes(StandardCharsets.UTF_8);
    assertThat(key.publicKey().verifies(message, loaded.sign(message))).isTrue();
  }

  @Test
  void aSignatureDoesNotVerifyAnotherMessageOrUnderAnotherKey() {
    DeviceKey key = DeviceKey.generate();
    byte[] signature = key.sign("40000 g".getBytes(StandardCharsets.UTF_8));
    assertThat(key.publicKey().verifies("40001 g".getBytes(StandardCharsets.UTF_8), signature))
        .isFalse();
    assertThat(
            DeviceKey.generate()
                .publicKey()
                .verifies("40000 g".getBytes(StandardCharsets.UTF_8), signature))
        .isFalse();
    assertThat(key.publicKey().verifies(new byte[0], new byte[12])).isFalse();
  }

  @Test
  void neverShowsItsSeed() {
    DeviceKey key = DeviceKey.generate();
    assertThat(key.toString())
        .doesNotContain(key.seedBase64())
        .contains(key.publicKey().toString());
  }

  @Test
  void refusesMalformedKeys() {
    assertThatThrownBy(() -> DeviceKey.parse("AAAA")).hasMessageContaining("32-byte seed");
    assertThatThrownBy(() -> DevicePublicKey.parse("not base64!")).hasMessageContaining("base64");
    assertThatThrownBy(
            () -> DevicePublicKey.parse(Base64.getEncoder().encodeToString(new byte[31])))
        .hasMessageContaining("32 bytes");
  }
}
