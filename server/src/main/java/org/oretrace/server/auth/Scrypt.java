package org.oretrace.server.auth;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The scrypt key derivation function of RFC 7914, written out here because the Java runtime has
 * none: PBKDF2-HMAC-SHA256 spreads the password over p blocks of 128·r bytes, each block is mixed
 * by ROMix (which fills an array of N copies and then reads it back in an order that depends on the
 * data, so that computing it needs N·128·r bytes of memory or many times the work), and PBKDF2
 * condenses the result.
 *
 * <p>Blocks are kept as little-endian 32-bit words (int arrays), the form Salsa20/8 works on, so
 * bytes are converted only at the two ends. The test checks the RFC's vectors (section 12).
 */
final class Scrypt {

  private Scrypt() {}

  /**
   * @param cost N, a power of two greater than 1
   * @param blockSize r
   * @param parallelism p
   * @param length the number of bytes to derive
   */
  static byte[] derive(
      byte[] password, byte[] salt, int cost, int blockSize, int parallelism, int length) {
    if (cost < 2 || (cost & (cost - 1)) != 0) {
      throw new IllegalArgumentException("N must be a power of two greater than 1, got " + cost);
    }
    if (blockSize < 1 || parallelism < 1 || length < 1) {
      throw new IllegalArgumentException("r, p and the length must be positive");
    }
    if ((long) cost * blockSize > (1 << 24) || (long) blockSize * parallelism >= 1 << 30) {
      throw new IllegalArgumentException("N·r or r·p is too large");
    }
    int wordsPerBlock = 32 * blockSize;
    byte[] spread = pbkdf2(password, salt, 128 * blockSize * parallelism);
    int[] block = new int[wordsPerBlock];
    int[] memory = new int[cost * wordsPerBlock];
    int[] scratch = new int[wordsPerBlock];
    for (int index = 0; index < parallelism; index++) {
      int offset = index * 128 * blockSize;
      for (int word = 0; word < wordsPerBlock; word++) {
        block[word] = littleEndian(spread, offset + 4 * word);
      }
      romix(block, memory, scratch, cost, blockSize);
      for (int word = 0; word < wordsPerBlock; word++) {
        putLittleEndian(spread, offset + 4 * word, block[word]);
      }
    }
    return pbkdf2(password, spread, length);
  }

  /** scryptROMix (RFC 7914 section 5), in place on {@code block}. */
  private static void romix(int[] block, int[] memory, int[] scratch, int cost, int blockSize) {
    int words = block.length;
    for (int index = 0; index < cost; index++) {
      System.arraycopy(block, 0, memory, index * words, words);
      blockMix(block, scratch, blockSize);
    }
    for (int index = 0; index < cost; index++) {
      // Integerify: the first word of the last 64-byte sub-block, modulo N (a power of two).
      int row = block[words - 16] & (cost - 1);
      for (int word = 0; word < words; word++) {
        block[word] ^= memory[row * words + word];
      }
      blockMix(block, scratch, blockSize);
    }
  }

  /** scryptBlockMix (RFC 7914 section 4), in place, with the even outputs first. */
  private static void blockMix(int[] block, int[] scratch, int blockSize) {
    int[] x = new int[16];
    System.arraycopy(block, (2 * blockSize - 1) * 16, x, 0, 16);
    for (int index = 0; index < 2 * blockSize; index++) {
      for (int word = 0; word < 16; word++) {
        x[word] ^= block[index * 16 + word];
      }
      salsa20Eight(x);
      int target = (index % 2 == 0 ? index / 2 : blockSize + index / 2) * 16;
      System.arraycopy(x, 0, scratch, target, 16);
    }
    System.arraycopy(scratch, 0, block, 0, block.length);
  }

  /** The Salsa20/8 core (RFC 7914 section 3), in place on 16 words. */
  private static void salsa20Eight(int[] block) {
    int[] x = block.clone();
    for (int round = 0; round < 8; round += 2) {
      x[4] ^= Integer.rotateLeft(x[0] + x[12], 7);
      x[8] ^= Integer.rotateLeft(x[4] + x[0], 9);
      x[12] ^= Integer.rotateLeft(x[8] + x[4], 13);
      x[0] ^= Integer.rotateLeft(x[12] + x[8], 18);
      x[9] ^= Integer.rotateLeft(x[5] + x[1], 7);
      x[13] ^= Integer.rotateLeft(x[9] + x[5], 9);
      x[1] ^= Integer.rotateLeft(x[13] + x[9], 13);
      x[5] ^= Integer.rotateLeft(x[1] + x[13], 18);
      x[14] ^= Integer.rotateLeft(x[10] + x[6], 7);
      x[2] ^= Integer.rotateLeft(x[14] + x[10], 9);
      x[6] ^= Integer.rotateLeft(x[2] + x[14], 13);
      x[10] ^= Integer.rotateLeft(x[6] + x[2], 18);
      x[3] ^= Integer.rotateLeft(x[15] + x[11], 7);
      x[7] ^= Integer.rotateLeft(x[3] + x[15], 9);
      x[11] ^= Integer.rotateLeft(x[7] + x[3], 13);
      x[15] ^= Integer.rotateLeft(x[11] + x[7], 18);
      x[1] ^= Integer.rotateLeft(x[0] + x[3], 7);
      x[2] ^= Integer.rotateLeft(x[1] + x[0], 9);
      x[3] ^= Integer.rotateLeft(x[2] + x[1], 13);
      x[0] ^= Integer.rotateLeft(x[3] + x[2], 18);
      x[6] ^= Integer.rotateLeft(x[5] + x[4], 7);
      x[7] ^= Integer.rotateLeft(x[6] + x[5], 9);
      x[4] ^= Integer.rotateLeft(x[7] + x[6], 13);
      x[5] ^= Integer.rotateLeft(x[4] + x[7], 18);
      x[11] ^= Integer.rotateLeft(x[10] + x[9], 7);
      x[8] ^= Integer.rotateLeft(x[11] + x[10], 9);
      x[9] ^= Integer.rotateLeft(x[8] + x[11], 13);
      x[10] ^= Integer.rotateLeft(x[9] + x[8], 18);
      x[12] ^= Integer.rotateLeft(x[15] + x[14], 7);
      x[13] ^= Integer.rotateLeft(x[12] + x[15], 9);
      x[14] ^= Integer.rotateLeft(x[13] + x[12], 13);
      x[15] ^= Integer.rotateLeft(x[14] + x[13], 18);
    }
    for (int word = 0; word < 16; word++) {
      block[word] += x[word];
    }
  }

  /** PBKDF2-HMAC-SHA256 with one iteration (RFC 8018), as scrypt uses it. */
  static byte[] pbkdf2(byte[] password, byte[] salt, int length) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      // An empty key is legal for HMAC but SecretKeySpec refuses it; HMAC pads keys with zeros,
      // so one zero byte is the same key.
      mac.init(new SecretKeySpec(password.length == 0 ? new byte[1] : password, "HmacSHA256"));
      byte[] derived = new byte[length];
      for (int block = 1, offset = 0; offset < length; block++, offset += 32) {
        mac.update(salt);
        mac.update(
            new byte[] {
              (byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block
            });
        byte[] chunk = mac.doFinal();
        System.arraycopy(chunk, 0, derived, offset, Math.min(32, length - offset));
      }
      return derived;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }

  private static int littleEndian(byte[] bytes, int offset) {
    return (bytes[offset] & 0xff)
        | (bytes[offset + 1] & 0xff) << 8
        | (bytes[offset + 2] & 0xff) << 16
        | (bytes[offset + 3] & 0xff) << 24;
  }

  private static void putLittleEndian(byte[] bytes, int offset, int value) {
    bytes[offset] = (byte) value;
    bytes[offset + 1] = (byte) (value >>> 8);
    bytes[offset + 2] = (byte) (value >>> 16);
    bytes[offset + 3] = (byte) (value >>> 24);
  }
}
