package org.oretrace.core.ledger;

import static java.util.Objects.requireNonNull;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A log's Ed25519 signing key with its signed-note name.
 *
 * <p>Saved as text in the signer-key form of Go's {@code golang.org/x/mod/sumdb/note}, {@code
 * PRIVATE+KEY+<name>+<key hash>+<base64(0x01 || 32-byte seed)>}, so other signed-note tools can
 * read it. Loading re-derives the public key from the seed and checks it against the key hash, so a
 * damaged key file fails loudly instead of signing with a key nobody trusts. {@link #toString()}
 * never shows the private key.
 */
public final class LogKey {

  private static final String PREFIX = "PRIVATE+KEY+";

  private final PrivateKey privateKey;
  private final VerifierKey verifierKey;

  private LogKey(String name, KeyPair pair) {
    this.privateKey = pair.getPrivate();
    this.verifierKey = new VerifierKey(name, Ed25519.rawPublicKey(pair.getPublic()));
  }

  /** A new random key named {@code name} (by convention the log's origin). */
  public static LogKey generate(String name) {
    NoteText.checkKeyName(name);
    return new LogKey(name, Ed25519.generateKeyPair());
  }

  /** Loads a key saved by {@link #toPrivateKeyText()}. */
  public static LogKey parse(String privateKeyText) {
    requireNonNull(privateKeyText, "privateKeyText is null");
    if (!privateKeyText.startsWith(PREFIX)) {
      throw new IllegalArgumentException("a log key text starts with " + PREFIX);
    }
    String[] parts = privateKeyText.substring(PREFIX.length()).split("\\+", 3);
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "a log key text is PRIVATE+KEY+<name>+<hash>+<key>, got " + parts.length + " parts");
    }
    String name = NoteText.checkKeyName(parts[0]);
    if (!parts[1].matches("[0-9a-f]{8}")) {
      throw new IllegalArgumentException("key hash must be 8 lower-case hex digits");
    }
    byte[] typedSeed = VerifierKey.decodeBase64(parts[2], "private key");
    if (typedSeed.length != 1 + Ed25519.RAW_KEY_LENGTH || typedSeed[0] != Ed25519.NOTE_ALGORITHM) {
      throw new IllegalArgumentException("private key is not a type 0x01 Ed25519 seed");
    }
    byte[] seed = Arrays.copyOfRange(typedSeed, 1, typedSeed.length);
    Arrays.fill(typedSeed, (byte) 0);
    LogKey key = new LogKey(name, Ed25519.keyPairFromSeed(seed));
    Arrays.fill(seed, (byte) 0);
    if (key.verifierKey.keyHash() != HexFormat.fromHexDigits(parts[1])) {
      throw new IllegalArgumentException("key hash " + parts[1] + " does not match the key");
    }
    return key;
  }

  /** The key as text; keep it secret. */
  public String toPrivateKeyText() {
    byte[] typedSeed = new byte[1 + Ed25519.RAW_KEY_LENGTH];
    typedSeed[0] = Ed25519.NOTE_ALGORITHM;
    byte[] seed = Ed25519.seed(privateKey);
    System.arraycopy(seed, 0, typedSeed, 1, seed.length);
    String text =
        PREFIX
            + name()
            + "+"
            + HexFormat.of().toHexDigits(verifierKey.keyHash())
            + "+"
            + Base64.getEncoder().encodeToString(typedSeed);
    Arrays.fill(seed, (byte) 0);
    Arrays.fill(typedSeed, (byte) 0);
    return text;
  }

  /** The key name. */
  public String name() {
    return verifierKey.name();
  }

  /** The public key that verifies this key's signatures, to publish. */
  public VerifierKey verifierKey() {
    return verifierKey;
  }

  byte[] sign(byte[] message) {
    return Ed25519.sign(privateKey, message);
  }

  @Override
  public String toString() {
    return "LogKey[" + verifierKey + "]";
  }
}
