package org.oretrace.core.ledger;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Verification of RFC 9162 inclusion and consistency proofs, without any store: what an offline
 * verifier needs beside the proof itself is the leaf hash and the roots it trusts.
 *
 * <p>The algorithms are the RFC's own (sections 2.1.3.2 and 2.1.4.2), which walk the proof with the
 * binary representations of the index and sizes. They reject a proof with any node too many or too
 * few, a flipped bit, a wrong index or size, and, before starting, an index at or beyond the tree
 * size, a first size above the second, and a consistency proof from the empty tree (which says
 * nothing). Each failure throws {@link VerificationException} naming the reason.
 */
public final class MerkleProofs {

  private MerkleProofs() {}

  /**
   * Checks that {@code proof} leads from {@code leafHash} to {@code root}.
   *
   * @throws VerificationException if it does not
   */
  public static void verifyInclusion(MerkleHash leafHash, InclusionProof proof, MerkleHash root) {
    requireNonNull(leafHash, "leafHash is null");
    requireNonNull(proof, "proof is null");
    requireNonNull(root, "root is null");
    if (proof.leafIndex() >= proof.treeSize()) {
      throw new VerificationException(
          "leaf index " + proof.leafIndex() + " is not below tree size " + proof.treeSize());
    }
    long fn = proof.leafIndex();
    long sn = proof.treeSize() - 1;
    MerkleHash computed = leafHash;
    for (MerkleHash sibling : proof.hashes()) {
      if (sn == 0) {
        throw tooLong("inclusion", proof.hashes().size());
      }
      if ((fn & 1) == 1 || fn == sn) {
        computed = MerkleHash.ofChildren(sibling, computed);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        computed = MerkleHash.ofChildren(computed, sibling);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw new VerificationException(
          "inclusion proof has too few hashes (" + proof.hashes().size() + ") for its tree size");
    }
    if (!computed.equals(root)) {
      throw new VerificationException(
          "inclusion proof leads to root " + computed + ", not the expected " + root);
    }
  }

  /**
   * Checks that {@code proof} shows the tree with root {@code fromRoot} is a prefix of the tree
   * with root {@code toRoot}.
   *
   * @throws VerificationException if it does not
   */
  public static void verifyConsistency(
      ConsistencyProof proof, MerkleHash fromRoot, MerkleHash toRoot) {
    requireNonNull(proof, "proof is null");
    requireNonNull(fromRoot, "fromRoot is null");
    requireNonNull(toRoot, "toRoot is null");
    long first = proof.fromSize();
    long second = proof.toSize();
    List<MerkleHash> hashes = proof.hashes();
    if (first > second) {
      throw new VerificationException("from size " + first + " is larger than to size " + second);
    }
    if (first == second) {
      if (!hashes.isEmpty()) {
        throw new VerificationException("a proof between equal sizes must be empty");
      }
      if (!fromRoot.equals(toRoot)) {
        throw new VerificationException("two roots of the same size " + first + " differ");
      }
      if (first == 0 && !fromRoot.equals(MerkleHash.emptyTree())) {
        throw new VerificationException("root of the empty tree is " + MerkleHash.emptyTree());
      }
      return;
    }
    if (first == 0) {
      throw new VerificationException("a consistency proof from the empty tree proves nothing");
    }
    if (hashes.isEmpty()) {
      throw new VerificationException("consistency proof is empty");
    }
    // RFC 9162 section 2.1.4.2. When the old tree is a perfect subtree its root starts the path.
    boolean startsWithOldRoot = Long.bitCount(first) == 1;
    int position = 0;
    MerkleHash seed = startsWithOldRoot ? fromRoot : hashes.get(position++);
    long fn = first - 1;
    long sn = second - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    MerkleHash firstComputed = seed;
    MerkleHash secondComputed = seed;
    for (; position < hashes.size(); position++) {
      MerkleHash node = hashes.get(position);
      if (sn == 0) {
        throw tooLong("consistency", hashes.size());
      }
      if ((fn & 1) == 1 || fn == sn) {
        firstComputed = MerkleHash.ofChildren(node, firstComputed);
        secondComputed = MerkleHash.ofChildren(node, secondComputed);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        secondComputed = MerkleHash.ofChildren(secondComputed, node);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw new VerificationException(
          "consistency proof has too few hashes (" + hashes.size() + ") for its sizes");
    }
    if (!firstComputed.equals(fromRoot)) {
      throw new VerificationException(
          "consistency proof leads to old root " + firstComputed + ", not " + fromRoot);
    }
    if (!secondComputed.equals(toRoot)) {
      throw new VerificationException(
          "consistency proof leads to new root " + secondComputed + ", not " + toRoot);
    }
  }

  private static VerificationException tooLong(String kind, int hashCount) {
    return new VerificationException(
        kind + " proof has too many hashes (" + hashCount + ") for its sizes");
  }
}
