package org.oretrace.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CosignatureTest {

  private static final String BODY =
      new Checkpoint("oretrace.local/log", 20, MerkleHash.ofLeaf(new byte[] {1})).toNoteBody();

  @Test
  void aCosignatureVerifiesForItsCheckpointAndKeyOnly() {
    WitnessKey witness = WitnessKey.generate("witness.example.org");
    Cosignature cosignature = Cosignature.sign(BODY, witness, 1_700_000_000L);
    WitnessKey published = WitnessKey.parse(witness.toString());
    assertThat(published.canSign()).isFalse();
    assertThat(cosignature.verifies(BODY, published)).isTrue();
    String otherBody =
        new Checkpoint("oretrace.local/log", 21, MerkleHash.ofLeaf(new byte[] {1})).toNoteBody();
    assertThat(cosignature.verifies(otherBody, published)).isFalse();
    assertThat(cosignature.verifies(BODY, WitnessKey.generate("witness.example.org"))).isFalse();
    Cosignature otherTime =
        new Cosignature(
            cosignature.keyName(),
            cosignature.keyHash(),
            cosignature.timestamp() + 1,
            cosignature.signature());
    assertThat(otherTime.verifies(BODY, published)).isFalse();
  }

  @Test
  void theLineIsASignedNoteSignatureOfKeyHashTimestampAndSignature() {
    WitnessKey witness = WitnessKey.generate("w1");
    Cosignature cosignature = Cosignature.sign(BODY, witness, 1_234L);
    String line = cosignature.toLine();
    assertThat(line).startsWith("\u2014 w1 ");
    byte[] encoded = java.util.Base64.getDecoder().decode(line.substring("\u2014 w1 ".length()));
    assertThat(encoded).hasSize(4 + 8 + 64);
    assertThat(java.nio.ByteBuffer.wrap(encoded).getInt()).isEqualTo(witness.keyHash());
    assertThat(java.nio.ByteBuffer.wrap(encoded, 4, 8).getLong()).isEqualTo(1_234L);
    assertThat(Cosignature.parseLine(line)).isEqualTo(cosignature);
    // The message signed is the cosignature/v1 header, the time, then the checkpoint.
    assertThat(new String(Cosignature.message(BODY, 1_234L), StandardCharsets.UTF_8))
        .isEqualTo("cosignature/v1\ntime 1234\n" + BODY);
  }

  @Test
  void keysRoundTripAndAWitnessKeyIsNeverALogKey() {
    WitnessKey witness = WitnessKey.generate("w1");
    WitnessKey again = WitnessKey.parsePrivate(witness.toPrivateKeyText());
    assertThat(again).isEqualTo(witness);
    assertThat(again.toString()).isEqualTo(witness.toString());
    assertThatThrownBy(() -> VerifierKey.parse(witness.toString()))
        .isInstanceOf(IllegalArgumentException.class);
    LogKey log = LogKey.generate("w1");
    assertThatThrownBy(() -> WitnessKey.parse(log.verifierKey().toString()))
        .isInstanceOf(IllegalArgumentException.class);
    String tampered = witness.toString().replaceFirst("\\+[0-9a-f]{8}\\+", "+00000000+");
    assertThatThrownBy(() -> WitnessKey.parse(tampered))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
