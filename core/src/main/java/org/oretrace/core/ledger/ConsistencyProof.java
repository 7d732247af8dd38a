package org.oretrace.core.ledger;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A claimed RFC 9162 consistency proof (section 2.1.4): the nodes showing that the tree of {@code
 * fromSize} leaves is a prefix of the tree of {@code toSize} leaves, lowest node first.
 *
 * <p>As with {@link InclusionProof}, the record checks only its shape; {@link
 * MerkleProofs#verifyConsistency} decides whether it proves anything.
 *
 * @param fromSize size of the older tree
 * @param toSize size of the newer tree
 * @param hashes the consistency path
 */
public record ConsistencyProof(long fromSize, long toSize, List<MerkleHash> hashes) {

  public ConsistencyProof {
    if (fromSize < 0) {
      throw new IllegalArgumentException("fromSize must not be negative, got " + fromSize);
    }
    if (toSize < 0) {
      throw new IllegalArgumentException("toSize must not be negative, got " + toSize);
    }
    hashes = List.copyOf(requireNonNull(hashes, "hashes is null"));
  }
}
