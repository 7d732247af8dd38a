package org.oretrace.core.ledger;

import static java.util.Objects.checkFromIndexSize;
import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A 32-byte SHA-256 hash of a Merkle tree node: a leaf, an interior node or a whole tree.
 *
 * <p>Immutable: the bytes are copied in and out, so a hash handed to a proof or a checkpoint can
 * never change behind its holder's back. Equality compares the bytes in constant time, since roots
 * and proof nodes are compared against values an attacker may choose.
 *
 * <p>Leaf and node hashing follow RFC 9162 section 2.1.1 (domain-separated with a 0x00 or 0x01
 * prefix, so a leaf can never be passed off as an interior node).
 */
public final class MerkleHash {

  /** Length of every hash, in bytes. */
  public static final int LENGTH_BYTES = 32;

  private static final MerkleHash EMPTY_TREE = new MerkleHash(Sha256.emptyTreeHash());

  private final byte[] bytes;

  private MerkleHash(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Wraps a copy of {@code bytes}, which must be exactly {@value #LENGTH_BYTES} long. */
  public static MerkleHash of(byte[] bytes) {
    requireNonNull(bytes, "bytes is null");
    if (bytes.length != LENGTH_BYTES) {
      throw new IllegalArgumentException(
          "a Merkle hash is " + LENGTH_BYTES + " bytes, got " + bytes.length);
    }
    return new MerkleHash(bytes.clone());
  }

  /** Parses standard padded base64, the form used in checkpoints and proof files. */
  public static MerkleHash fromBase64(String base64) {
    requireNonNull(base64, "base64 is null");
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not valid base64: " + e.getMessage(), e);
    }
    if (decoded.length != LENGTH_BYTES
        || !Base64.getEncoder().encodeToString(decoded).equals(base64)) {
      throw new IllegalArgumentException(
          "not the canonical base64 of a " + LENGTH_BYTES + "-byte hash: \"" + base64 + "\"");
    }
    return new MerkleHash(decoded);
  }

  /** The leaf hash of a log entry: SHA-256(0x00 || entry). */
  public static MerkleHash ofLeaf(byte[] entry) {
    requireNonNull(entry, "entry is null");
    return new MerkleHash(Sha256.leafHash(entry));
  }

  /**
   * The leaf hash of the entry held in {@code entry[offset, offset + length)}: for a writer that
   * hashes its buffer rather than a copy of what it wrote.
   */
  public static MerkleHash ofLeaf(byte[] entry, int offset, int length) {
    requireNonNull(entry, "entry is null");
    checkFromIndexSize(offset, length, entry.length);
    return new MerkleHash(Sha256.leafHash(entry, offset, length));
  }

  /** The interior node hash of two children: SHA-256(0x01 || left || right). */
  public static MerkleHash ofChildren(MerkleHash left, MerkleHash right) {
    requireNonNull(left, "left is null");
    requireNonNull(right, "right is null");
    return new MerkleHash(Sha256.nodeHash(left.bytes, right.bytes));
  }

  /** The root of the empty tree: SHA-256 of the empty string. */
  public static MerkleHash emptyTree() {
    return EMPTY_TREE;
  }

  /** Takes ownership of {@code bytes} without copying; for hashes this package computed. */
  static MerkleHash wrap(byte[] bytes) {
    return new MerkleHash(bytes);
  }

  /** The bytes themselves, not a copy; callers in this package must not modify them. */
  byte[] internalBytes() {
    return bytes;
  }

  /** A copy of the 32 bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** Standard padded base64. */
  public String toBase64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Lower-case hexadecimal. */
  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MerkleHash that && MessageDigest.isEqual(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return ByteBuffer.wrap(bytes).getInt(); // the bytes are uniformly distributed already
  }

  @Override
  public String toString() {
    return toHex();
  }
}
