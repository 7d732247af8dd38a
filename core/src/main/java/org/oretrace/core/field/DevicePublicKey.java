package org.oretrace.core.field;

import static java.util.Objects.requireNonNull;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import org.oretrace.core.ledger.Ed25519;

/**
 * A field device's Ed25519 public key, written as the standard padded base64 of its 32 raw bytes
 * (the form {@code oretrace field keygen} prints and {@code POST /api/v1/devices} takes). Parsing
 * is strict: canonical base64, exactly 32 bytes, a point the JDK accepts as an Ed25519 key.
 */
public final class DevicePublicKey {

  private final byte[] raw;
  private final PublicKey key;

  private DevicePublicKey(byte[] raw) {
    this.raw = raw.clone();
    this.key = Ed25519.publicKeyFromRaw(this.raw);
  }

  static DevicePublicKey ofRaw(byte[] raw) {
    return new DevicePublicKey(raw);
  }

  /** Parses the base64 text of a raw 32-byte Ed25519 public key. */
  public static DevicePublicKey parse(String base64) {
    requireNonNull(base64, "base64 is null");
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a device public key must be base64", e);
    }
    if (!Base64.getEncoder().encodeToString(decoded).equals(base64)) {
      throw new IllegalArgumentException("a device public key must be canonical padded base64");
    }
    if (decoded.length != Ed25519.RAW_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "a device public key is 32 bytes (44 base64 characters), got " + decoded.length);
    }
    return new DevicePublicKey(decoded);
  }

  /** Whether {@code signature} is this key's Ed25519 signature of {@code message}. */
  public boolean verifies(byte[] message, byte[] signature) {
    requireNonNull(message, "message is null");
    requireNonNull(signature, "signature is null");
    return Ed25519.verify(key, message, signature);
  }

  /** The base64 text of the raw key. */
  @Override
  public String toString() {
    return Base64.getEncoder().encodeToString(raw);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DevicePublicKey that && Arrays.equals(raw, that.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }
}
