package org.oretrace.core.field;

import static java.util.Objects.requireNonNull;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import org.oretrace.core.ledger.Ed25519;

/**
 * A field device's Ed25519 signing key. It lives on the device (or in the file {@code oretrace
 * field keygen} writes) and never reaches the server, which holds only the {@link DevicePublicKey}.
 * Its text form is the standard padded base64 of the 32-byte seed (RFC 8032's private key); loading
 * derives the public key from it. {@link #toString()} never shows the seed.
 */
public final class DeviceKey {

  private final PrivateKey privateKey;
  private final DevicePublicKey publicKey;

  private DeviceKey(KeyPair pair) {
    this.privateKey = pair.getPrivate();
    this.publicKey = DevicePublicKey.ofRaw(Ed25519.rawPublicKey(pair.getPublic()));
  }

  /** A new random key. */
  public static DeviceKey generate() {
    return new DeviceKey(Ed25519.generateKeyPair());
  }

  /** Loads a key from the base64 text of its seed ({@link #seedBase64()}). */
  public static DeviceKey parse(String seedBase64) {
    requireNonNull(seedBase64, "seedBase64 is null");
    byte[] seed;
    try {
      seed = Base64.getDecoder().decode(seedBase64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a device private key must be base64", e);
    }
    if (seed.length != Ed25519.RAW_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "a device private key is a 32-byte seed, got " + seed.length + " bytes");
    }
    DeviceKey key = new DeviceKey(Ed25519.keyPairFromSeed(seed));
    Arrays.fill(seed, (byte) 0);
    return key;
  }

  /** The seed as base64; keep it secret. */
  public String seedBase64() {
    byte[] seed = Ed25519.seed(privateKey);
    String text = Base64.getEncoder().encodeToString(seed);
    Arrays.fill(seed, (byte) 0);
    return text;
  }

  public DevicePublicKey publicKey() {
    return publicKey;
  }

  /** The Ed25519 signature (64 bytes) of {@code message}. */
  public byte[] sign(byte[] message) {
    return Ed25519.sign(privateKey, requireNonNull(message, "message is null"));
  }

  @Override
  public String toString() {
    return "DeviceKey[" + publicKey + "]";
  }
}
