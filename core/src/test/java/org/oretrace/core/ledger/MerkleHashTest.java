package org.oretrace.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MerkleHashTest {

  @Test
  void hashesFollowRfc9162() {
    assertThat(MerkleHash.emptyTree().toHex())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(MerkleHash.ofLeaf(new byte[0]).toHex())
        .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    MerkleHash left = MerkleHash.ofLeaf(new byte[0]);
    MerkleHash right = MerkleHash.ofLeaf(new byte[] {0});
    assertThat(MerkleHash.ofChildren(left, right).toHex())
        .isEqualTo("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
  }

  @Test
  void roundTripsThroughBase64AndBytes() {
    MerkleHash hash = MerkleHash.ofLeaf(new byte[] {1, 2, 3});
    assertThat(MerkleHash.fromBase64(hash.toBase64())).isEqualTo(hash);
    assertThat(MerkleHash.of(hash.toByteArray())).isEqualTo(hash).hasSameHashCodeAs(hash);
    assertThat(hash.toString()).isEqualTo(hash.toHex()).hasSize(64);
  }

  @Test
  void isImmutable() {
    byte[] bytes = new byte[32];
    MerkleHash hash = MerkleHash.of(bytes);
    bytes[0] = 1;
    hash.toByteArray()[1] = 1;
    assertThat(hash).isEqualTo(MerkleHash.of(new byte[32]));
  }

  @Test
  void rejectsMalformedHashes() {
    assertThatThrownBy(() -> MerkleHash.of(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> MerkleHash.fromBase64("ZG9uJ3QgY2FyZSAy"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerkleHash.fromBase64("not base64!"))
        .isInstanceOf(IllegalArgumentException.class);
    String valid = MerkleHash.emptyTree().toBase64();
    assertThatThrownBy(() -> MerkleHash.fromBase64(valid.replace("=", "")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerkleHash.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("bytes is null");
  }
}
