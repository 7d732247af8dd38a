package org.oretrace.core.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 with the RFC 9162 domain separation, on one digest per thread.
 *
 * <p>Proof generation and verification hash on every step; reusing a thread's digest instead of
 * looking one up per call keeps them allocation-light (one 32-byte result per hash).
 */
final class Sha256 {

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;

  private static final ThreadLocal<MessageDigest> DIGEST =
      ThreadLocal.withInitial(Sha256::newDigest);

  private Sha256() {}

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  static byte[] digest(byte[] data) {
    MessageDigest digest = DIGEST.get();
    digest.reset();
    return digest.digest(data);
  }

  static byte[] emptyTreeHash() {
    return digest(new byte[0]);
  }

  static byte[] leafHash(byte[] entry) {
    MessageDigest digest = DIGEST.get();
    digest.reset();
    digest.update(LEAF_PREFIX);
    return digest.digest(entry);
  }

  static byte[] leafHash(byte[] entry, int offset, int length) {
    MessageDigest digest = DIGEST.get();
    digest.reset();
    digest.update(LEAF_PREFIX);
    digest.update(entry, offset, length);
    return digest.digest();
  }

  static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest digest = DIGEST.get();
    digest.reset();
    digest.update(NODE_PREFIX);
    digest.update(left);
    return digest.digest(right);
  }
}
