package org.oretrace.server.auth;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Mints API token secrets and computes the hash they are stored under. A secret is {@value #PREFIX}
 * followed by 32 random bytes in URL-safe base64 (256 bits, so guessing is hopeless and one
 * SHA-256, without salt or stretching, is enough to keep a stolen database from revealing tokens).
 * The prefix lets secret scanners and people recognise an Oretrace token.
 */
public final class TokenSecrets {

  public static final String PREFIX = "ot_";
  private static final int SECRET_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenSecrets() {}

  /** A new random token: give the secret to its holder once, store only the hash. */
  public static MintedToken mint() {
    byte[] bytes = new byte[SECRET_BYTES];
    RANDOM.nextBytes(bytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new MintedToken(secret, hash(secret));
  }

  /** The lower-case hex SHA-256 of a secret's UTF-8 bytes, as {@code TokenStore} looks it up. */
  public static String hash(String secret) {
    requireNonNull(secret, "secret is null");
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** A freshly minted token: the secret to hand out and the hash to store. */
  public record MintedToken(String secret, String secretHash) {
    public MintedToken {
      requireNonNull(secret, "secret is null");
      requireNonNull(secretHash, "secretHash is null");
    }

    /** Never shows the secret, so that the value can be logged. */
    @Override
    public String toString() {
      return "MintedToken[secretHash=" + secretHash + "]";
    }
  }
}
