package org.oretrace.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Checks the verifiers against every inclusion and consistency vector of transparency-dev/merkle:
 * each happy path must verify and each corrupted case must be rejected.
 *
 * <p>Our API takes typed 32-byte hashes, so a vector carrying a hash of another length (the
 * upstream generator uses strings such as "don't care 1" and empty leaves) is rejected when the
 * hash is built. That is the only way a vector may be rejected before verification, and the one
 * upstream case that expects such hashes to pass (equal sizes one and equal twelve-byte roots) is
 * listed below as a deliberate difference: a root of the wrong length is malformed input here.
 */
class MerkleProofsTest {

  private static final Set<String> VALID_UPSTREAM_BUT_MALFORMED_HERE =
      Set.of("consistency/additional/sizes-are-equal-one-and-proof-is-empty.json");

  @Test
  void inclusionVectorsVerifyOrAreRejectedAsUpstreamExpects() {
    List<TestVectors.Vector> vectors = TestVectors.all("inclusion");
    assertThat(vectors).hasSizeGreaterThan(80);
    int verified = 0;
    for (TestVectors.Vector vector : vectors) {
      Outcome outcome = verifyInclusion(vector);
      if (vector.wantError()) {
        assertThat(outcome).as(vector.path()).isNotEqualTo(Outcome.VERIFIED);
      } else {
        assertThat(outcome).as(vector.path()).isEqualTo(Outcome.VERIFIED);
        verified++;
      }
    }
    assertThat(verified).isEqualTo(6);
  }

  @Test
  void consistencyVectorsVerifyOrAreRejectedAsUpstreamExpects() {
    List<TestVectors.Vector> vectors = TestVectors.all("consistency");
    assertThat(vectors).hasSizeGreaterThan(90);
    Set<String> malformedButValidUpstream = new TreeSet<>();
    int verified = 0;
    for (TestVectors.Vector vector : vectors) {
      Outcome outcome = verifyConsistency(vector);
      if (vector.wantError()) {
        assertThat(outcome).as(vector.path()).isNotEqualTo(Outcome.VERIFIED);
      } else if (outcome == Outcome.MALFORMED) {
        malformedButValidUpstream.add(vector.path());
      } else {
        assertThat(outcome).as(vector.path()).isEqualTo(Outcome.VERIFIED);
        verified++;
      }
    }
    assertThat(malformedButValidUpstream).isEqualTo(VALID_UPSTREAM_BUT_MALFORMED_HERE);
    assertThat(verified).isEqualTo(5);
  }

  @Test
  void rejectsInclusionOfAnIndexAtOrBeyondTheTreeSize() {
    MerkleHash leaf = MerkleHash.ofLeaf(new byte[] {1});
    assertThatThrownBy(
            () -> MerkleProofs.verifyInclusion(leaf, new InclusionProof(1, 1, List.of()), leaf))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("not below tree size");
    assertThatThrownBy(
            () ->
                MerkleProofs.verifyInclusion(
                    leaf, new InclusionProof(0, 0, List.of()), MerkleHash.emptyTree()))
        .isInstanceOf(VerificationException.class);
  }

  @Test
  void acceptsTheSingleLeafTreeWithAnEmptyPath() {
    MerkleHash leaf = MerkleHash.ofLeaf("data".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThatCode(
            () -> MerkleProofs.verifyInclusion(leaf, new InclusionProof(0, 1, List.of()), leaf))
        .doesNotThrowAnyException();
  }

  @Test
  void treatsEmptyTreesStrictly() {
    MerkleHash empty = MerkleHash.emptyTree();
    MerkleHash other = MerkleHash.ofLeaf(new byte[0]);
    assertThatCode(
            () ->
                MerkleProofs.verifyConsistency(new ConsistencyProof(0, 0, List.of()), empty, empty))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                MerkleProofs.verifyConsistency(new ConsistencyProof(0, 0, List.of()), other, other))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("empty tree");
    assertThatThrownBy(
            () ->
                MerkleProofs.verifyConsistency(new ConsistencyProof(0, 3, List.of()), empty, other))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("proves nothing");
  }

  @Test
  void proofRecordsRejectNegativeNumbers() {
    assertThatThrownBy(() -> new InclusionProof(-1, 1, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ConsistencyProof(1, -1, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InclusionProof(0, 1, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("hashes is null");
  }

  private enum Outcome {
    VERIFIED,
    REJECTED,
    MALFORMED
  }

  private static Outcome verifyInclusion(TestVectors.Vector vector) {
    try {
      MerkleHash leafHash = MerkleHash.of(vector.bytes("leafHash"));
      MerkleHash root = MerkleHash.of(vector.bytes("root"));
      List<MerkleHash> path = hashes(vector.proof());
      return outcome(
          () ->
              MerkleProofs.verifyInclusion(
                  leafHash,
                  new InclusionProof(vector.number("leafIdx"), vector.number("treeSize"), path),
                  root));
    } catch (IllegalArgumentException e) {
      return Outcome.MALFORMED;
    }
  }

  private static Outcome verifyConsistency(TestVectors.Vector vector) {
    try {
      MerkleHash root1 = MerkleHash.of(vector.bytes("root1"));
      MerkleHash root2 = MerkleHash.of(vector.bytes("root2"));
      List<MerkleHash> path = hashes(vector.proof());
      return outcome(
          () ->
              MerkleProofs.verifyConsistency(
                  new ConsistencyProof(vector.number("size1"), vector.number("size2"), path),
                  root1,
                  root2));
    } catch (IllegalArgumentException e) {
      return Outcome.MALFORMED;
    }
  }

  private static Outcome outcome(Runnable verification) {
    try {
      verification.run();
      return Outcome.VERIFIED;
    } catch (VerificationException e) {
      return Outcome.REJECTED;
    }
  }

  static List<MerkleHash> hashes(List<byte[]> proof) {
    List<MerkleHash> hashes = new ArrayList<>();
    for (byte[] hash : proof) {
      hashes.add(MerkleHash.of(hash));
    }
    return hashes;
  }
}
