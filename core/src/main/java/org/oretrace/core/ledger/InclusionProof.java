package org.oretrace.core.ledger;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A claimed RFC 9162 inclusion proof (section 2.1.3): the audit path from the leaf at {@code
 * leafIndex} to the root of the tree of {@code treeSize} leaves, lowest node first.
 *
 * <p>The record checks only its own shape; whether the path really leads from a leaf to a root, and
 * whether {@code leafIndex < treeSize}, is for {@link MerkleProofs#verifyInclusion} to decide,
 * since proofs arrive from untrusted sources.
 *
 * @param leafIndex zero-based index of the leaf
 * @param treeSize number of leaves in the tree the proof is for
 * @param hashes the audit path, from the leaf's sibling up
 */
public record InclusionProof(long leafIndex, long treeSize, List<MerkleHash> hashes) {

  public InclusionProof {
    if (leafIndex < 0) {
      throw new IllegalArgumentException("leafIndex must not be negative, got " + leafIndex);
    }
    if (treeSize < 0) {
      throw new IllegalArgumentException("treeSize must not be negative, got " + treeSize);
    }
    hashes = List.copyOf(requireNonNull(hashes, "hashes is null"));
  }
}
