package org.oretrace.core.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Ed25519 through the JDK's {@code java.security}, with the raw 32-byte keys the signed-note format
 * carries.
 *
 * <p>The JDK speaks X.509 and PKCS#8. An Ed25519 SubjectPublicKeyInfo is always a fixed 12-byte
 * prefix followed by the 32 raw bytes, so the raw key is its tail and a key is rebuilt by putting
 * the prefix back. A private key is its 32-byte seed ({@link EdECPrivateKey#getBytes()}); the JDK
 * has no call that derives the public key from a seed, so {@link #keyPairFromSeed} hands the seed
 * to the key-pair generator as its only "random" bytes, which is how the generator draws a seed.
 * Callers check the derived key against the key hash written beside it, so a provider that drew its
 * randomness differently would be caught, not trusted.
 *
 * <p>Public for the field devices' keys ({@code core.field}), which use the same primitive without
 * the signed-note framing.
 */
public final class Ed25519 {

  public static final int RAW_KEY_LENGTH = 32;
  public static final int SIGNATURE_LENGTH = 64;

  /** Signature type byte of Ed25519 in the signed-note format. */
  static final byte NOTE_ALGORITHM = 0x01;

  private static final byte[] X509_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private Ed25519() {}

  public static KeyPair generateKeyPair() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is not available", e);
    }
  }

  public static KeyPair keyPairFromSeed(byte[] seed) {
    if (seed.length != RAW_KEY_LENGTH) {
      throw new IllegalArgumentException("an Ed25519 seed is 32 bytes, got " + seed.length);
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
      KeyPair pair = generator.generateKeyPair();
      if (!Arrays.equals(seed(pair.getPrivate()), seed)) {
        throw new IllegalStateException("the Ed25519 provider did not take the given seed");
      }
      return pair;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is not available", e);
    }
  }

  public static byte[] seed(PrivateKey key) {
    if (!(key instanceof EdECPrivateKey edwardsKey)) {
      throw new IllegalArgumentException("not an Ed25519 private key");
    }
    return edwardsKey
        .getBytes()
        .orElseThrow(() -> new IllegalArgumentException("private key bytes are not available"));
  }

  public static byte[] rawPublicKey(PublicKey key) {
    byte[] encoded = key.getEncoded();
    if (encoded.length != X509_PREFIX.length + RAW_KEY_LENGTH
        || !Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
      throw new IllegalArgumentException("not an Ed25519 public key");
    }
    return Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
  }

  public static PublicKey publicKeyFromRaw(byte[] raw) {
    if (raw.length != RAW_KEY_LENGTH) {
      throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, got " + raw.length);
    }
    byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + RAW_KEY_LENGTH);
    System.arraycopy(raw, 0, encoded, X509_PREFIX.length, RAW_KEY_LENGTH);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a valid Ed25519 public key", e);
    }
  }

  public static byte[] sign(PrivateKey key, byte[] message) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(key);
      signature.update(message);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  public static boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
    if (signatureBytes.length != SIGNATURE_LENGTH) {
      return false;
    }
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initVerify(key);
      signature.update(message);
      return signature.verify(signatureBytes);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /**
   * The signed-note key hash: the first four bytes of SHA-256(name || 0x0A || 0x01 || raw key),
   * big-endian.
   */
  static int noteKeyHash(String name, byte[] rawPublicKey) {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    byte[] input = new byte[nameBytes.length + 2 + rawPublicKey.length];
    System.arraycopy(nameBytes, 0, input, 0, nameBytes.length);
    input[nameBytes.length] = '\n';
    input[nameBytes.length + 1] = NOTE_ALGORITHM;
    System.arraycopy(rawPublicKey, 0, input, nameBytes.length + 2, rawPublicKey.length);
    byte[] hash = Sha256.digest(input);
    return ByteBuffer.wrap(hash).getInt();
  }

  /** A "random" source that yields the given bytes, so a key-pair generator uses them as seed. */
  private static final class FixedBytes extends SecureRandom {

    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // never serialised
    private final byte[] bytes;

    FixedBytes(byte[] bytes) {
      this.bytes = bytes.clone();
    }

    @Override
    public void nextBytes(byte[] destination) {
      if (destination.length != bytes.length) {
        throw new IllegalStateException(
            "expected a request for " + bytes.length + " bytes, got " + destination.length);
      }
      System.arraycopy(bytes, 0, destination, 0, bytes.length);
    }
  }
}
