package org.oretrace.core.ledger;

import static java.util.Objects.requireNonNull;

import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The public half of a {@link LogKey} in the C2SP signed-note verifier-key text {@code <name>+<key
 * hash, 8 hex digits>+<base64(0x01 || 32-byte Ed25519 public key)>}: what a verifier is given, out
 * of band, to trust a log's checkpoints.
 *
 * <p>Parsing is strict: exactly three parts, lower-case hex, canonical base64, the Ed25519 type
 * byte, and a key hash that matches the name and key, so a mangled key is refused rather than
 * silently trusting a different key.
 */
public final class VerifierKey {

  private final String name;
  private final int keyHash;
  private final byte[] rawPublicKey;
  private final PublicKey publicKey;

  VerifierKey(String name, byte[] rawPublicKey) {
    this.name = NoteText.checkKeyName(name);
    this.rawPublicKey = rawPublicKey.clone();
    this.publicKey = Ed25519.publicKeyFromRaw(rawPublicKey);
    this.keyHash = Ed25519.noteKeyHash(name, rawPublicKey);
  }

  /** Parses a verifier-key text. */
  public static VerifierKey parse(String text) {
    requireNonNull(text, "text is null");
    String[] parts = text.split("\\+", 3);
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "a verifier key is <name>+<hash>+<key>, got " + parts.length + " parts");
    }
    String hashHex = parts[1];
    if (!hashHex.matches("[0-9a-f]{8}")) {
      throw new IllegalArgumentException(
          "verifier key hash must be 8 lower-case hex digits, got \"" + hashHex + "\"");
    }
    byte[] typedKey = decodeBase64(parts[2], "verifier key");
    if (typedKey.length == 0 || typedKey[0] != Ed25519.NOTE_ALGORITHM) {
      throw new IllegalArgumentException("verifier key is not an Ed25519 (type 0x01) key");
    }
    if (typedKey.length != 1 + Ed25519.RAW_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "an Ed25519 verifier key is 33 bytes, got " + typedKey.length);
    }
    byte[] raw = new byte[Ed25519.RAW_KEY_LENGTH];
    System.arraycopy(typedKey, 1, raw, 0, raw.length);
    VerifierKey key = new VerifierKey(parts[0], raw);
    if (key.keyHash != HexFormat.fromHexDigits(hashHex)) {
      throw new IllegalArgumentException(
          "verifier key hash " + hashHex + " does not match its name and key");
    }
    return key;
  }

  static byte[] decodeBase64(String text, String what) {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is not valid base64", e);
    }
    if (!Base64.getEncoder().encodeToString(decoded).equals(text)) {
      throw new IllegalArgumentException(what + " is not canonical padded base64");
    }
    return decoded;
  }

  /** The key name; by convention the log's origin. */
  public String name() {
    return name;
  }

  /** The 32-bit key hash that tags this key's signatures. */
  public int keyHash() {
    return keyHash;
  }

  boolean verifies(byte[] message, byte[] signature) {
    return Ed25519.verify(publicKey, message, signature);
  }

  /** The verifier-key text. */
  @Override
  public String toString() {
    byte[] typedKey = new byte[1 + Ed25519.RAW_KEY_LENGTH];
    typedKey[0] = Ed25519.NOTE_ALGORITHM;
    System.arraycopy(rawPublicKey, 0, typedKey, 1, rawPublicKey.length);
    return name
        + "+"
        + HexFormat.of().toHexDigits(keyHash)
        + "+"
        + Base64.getEncoder().encodeToString(typedKey);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VerifierKey that
        && name.equals(that.name)
        && java.util.Arrays.equals(rawPublicKey, that.rawPublicKey);
  }

  @Override
  public int hashCode() {
    return keyHash;
  }
}
