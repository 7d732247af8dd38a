package org.oretrace.core.ledger;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A witness's Ed25519 key for C2SP tlog-cosignature ({@code cosignature/v1}, signature type 0x04),
 * in the signed-note key texts: the verifier key {@code <name>+<key hash, 8 hex>+<base64(0x04 ||
 * 32-byte public key)>} to publish, and the private key {@code PRIVATE+KEY+<name>+<key
 * hash>+<base64(0x04 || seed)>} the witness keeps. The key hash is the first four bytes of
 * SHA-256(name || "\n" || 0x04 || public key), so a cosignature can never pass for a log's
 * signature (type 0x01) made with the same key bytes.
 *
 * <p>A key parsed from its verifier text has no private half: {@link #canSign()} is false.
 */
public final class WitnessKey {

  /** The signature type of cosignature/v1. */
  static final byte COSIGNATURE_ALGORITHM = 0x04;

  private static final String PRIVATE_PREFIX = "PRIVATE+KEY+";

  private final String name;
  private final byte[] rawPublicKey;
  private final PublicKey publicKey;
  private final PrivateKey privateKey;
  private final int keyHash;

  private WitnessKey(String name, byte[] rawPublicKey, PrivateKey privateKey) {
    this.name = NoteText.checkKeyName(name);
    this.rawPublicKey = rawPublicKey.clone();
    this.publicKey = Ed25519.publicKeyFromRaw(rawPublicKey);
    this.privateKey = privateKey;
    this.keyHash = keyHash(name, rawPublicKey);
  }

  /** A new key named {@code name} (by convention the witness's host name). */
  public static WitnessKey generate(String name) {
    KeyPair pair = Ed25519.generateKeyPair();
    return new WitnessKey(
        name, Ed25519.rawPublicKey(pair.getPublic()), requireNonNull(pair.getPrivate()));
  }

  /** Parses a private key text written by {@link #toPrivateKeyText()}. */
  public static WitnessKey parsePrivate(String text) {
    requireNonNull(text, "text is null");
    if (!text.startsWith(PRIVATE_PREFIX)) {
      throw new IllegalArgumentException("a witness private key starts with " + PRIVATE_PREFIX);
    }
    String[] parts = text.substring(PRIVATE_PREFIX.length()).split("\\+", 3);
    if (parts.length != 3) {
      throw new IllegalArgumentException("a witness private key has a name, a hash and a key");
    }
    byte[] seed = typed(parts[2], "witness private key");
    KeyPair pair = Ed25519.keyPairFromSeed(seed);
    WitnessKey key =
        new WitnessKey(parts[0], Ed25519.rawPublicKey(pair.getPublic()), pair.getPrivate());
    key.checkHash(parts[1]);
    return key;
  }

  /** Parses a verifier key text, as {@link #toString()} writes it. */
  public static WitnessKey parse(String text) {
    requireNonNull(text, "text is null");
    String[] parts = text.strip().split("\\+", 3);
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "a witness key is <name>+<hash>+<key>, got " + parts.length + " parts");
    }
    WitnessKey key = new WitnessKey(parts[0], typed(parts[2], "witness key"), null);
    key.checkHash(parts[1]);
    return key;
  }

  private static byte[] typed(String base64, String what) {
    byte[] typed = VerifierKey.decodeBase64(base64, what);
    if (typed.length != 1 + Ed25519.RAW_KEY_LENGTH || typed[0] != COSIGNATURE_ALGORITHM) {
      throw new IllegalArgumentException(what + " is not a 33-byte cosignature/v1 (0x04) key");
    }
    return Arrays.copyOfRange(typed, 1, typed.length);
  }

  private void checkHash(String hashHex) {
    if (!hashHex.matches("[0-9a-f]{8}") || HexFormat.fromHexDigits(hashHex) != keyHash) {
      throw new IllegalArgumentException(
          "witness key hash " + hashHex + " does not match its name and key");
    }
  }

  static int keyHash(String name, byte[] rawPublicKey) {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    byte[] input = new byte[nameBytes.length + 2 + rawPublicKey.length];
    System.arraycopy(nameBytes, 0, input, 0, nameBytes.length);
    input[nameBytes.length] = '\n';
    input[nameBytes.length + 1] = COSIGNATURE_ALGORITHM;
    System.arraycopy(rawPublicKey, 0, input, nameBytes.length + 2, rawPublicKey.length);
    byte[] digest = Sha256.digest(input);
    return ((digest[0] & 0xff) << 24)
        | ((digest[1] & 0xff) << 16)
        | ((digest[2] & 0xff) << 8)
        | (digest[3] & 0xff);
  }

  public String name() {
    return name;
  }

  public int keyHash() {
    return keyHash;
  }

  /** Whether this key holds its private half. */
  public boolean canSign() {
    return privateKey != null;
  }

  /** This key without its private half. */
  public WitnessKey publicOnly() {
    return new WitnessKey(name, rawPublicKey, null);
  }

  byte[] sign(byte[] message) {
    if (privateKey == null) {
      throw new IllegalStateException("witness key " + name + " has no private key");
    }
    return Ed25519.sign(privateKey, message);
  }

  boolean verifies(byte[] message, byte[] signature) {
    return Ed25519.verify(publicKey, message, signature);
  }

  /** The private key text, to keep secret. */
  public String toPrivateKeyText() {
    if (privateKey == null) {
      throw new IllegalStateException("witness key " + name + " has no private key");
    }
    return PRIVATE_PREFIX
        + name
        + "+"
        + HexFormat.of().toHexDigits(keyHash)
        + "+"
        + typedBase64(Ed25519.seed(privateKey));
  }

  private static String typedBase64(byte[] raw) {
    byte[] typed = new byte[1 + raw.length];
    typed[0] = COSIGNATURE_ALGORITHM;
    System.arraycopy(raw, 0, typed, 1, raw.length);
    return Base64.getEncoder().encodeToString(typed);
  }

  /** The verifier key text, to publish. */
  @Override
  public String toString() {
    return name + "+" + HexFormat.of().toHexDigits(keyHash) + "+" + typedBase64(rawPublicKey);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WitnessKey that
        && name.equals(that.name)
        && Arrays.equals(rawPublicKey, that.rawPublicKey);
  }

  @Override
  public int hashCode() {
    return keyHash;
  }
}
