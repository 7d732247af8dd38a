package org.oretrace.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CheckpointTest {

  private static final MerkleHash ROOT = MerkleHash.ofLeaf(new byte[] {7});

  @Test
  void writesTheTlogCheckpointBody() {
    Checkpoint checkpoint = new Checkpoint("oretrace.example/cd", 9944, ROOT);
    assertThat(checkpoint.toNoteBody())
        .isEqualTo("oretrace.example/cd\n9944\n" + ROOT.toBase64() + "\n");
    assertThat(Checkpoint.fromNoteBody(checkpoint.toNoteBody())).isEqualTo(checkpoint);
    assertThat(Checkpoint.fromNoteBody("o\n0\n" + MerkleHash.emptyTree().toBase64() + "\n").size())
        .isZero();
  }

  @Test
  void validatesItsParts() {
    assertThatThrownBy(() -> new Checkpoint("", 1, ROOT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Checkpoint("two\nlines", 1, ROOT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Checkpoint("origin", -1, ROOT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Checkpoint(null, 1, ROOT))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("origin is null");
    assertThatThrownBy(() -> new Checkpoint("origin", 1, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("rootHash is null");
  }

  @Test
  void rejectsMalformedBodies() {
    String root = ROOT.toBase64();
    for (String body :
        new String[] {
          "origin\n12\n" + root,
          "origin\n12\n",
          "origin\n012\n" + root + "\n",
          "origin\n-1\n" + root + "\n",
          "origin\n+1\n" + root + "\n",
          "origin\n 1\n" + root + "\n",
          "origin\n99999999999999999999\n" + root + "\n",
          "origin\n9223372036854775808\n" + root + "\n",
          "origin\n12\n" + root.substring(1) + "\n",
          "origin\n12\n" + root + "\nextension\n",
          "\n12\n" + root + "\n",
          "origin\n12\n" + root + "\n\n",
        }) {
      assertThatThrownBy(() -> Checkpoint.fromNoteBody(body))
          .as(body)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
