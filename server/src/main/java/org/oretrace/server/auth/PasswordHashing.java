package org.oretrace.server.auth;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hashes users' passwords with scrypt (RFC 7914) and checks them.
 *
 * <p>Why scrypt, and why our own: a memory-hard function makes each guess at a stolen hash cost
 * memory as well as time, which is what defeats GPU and ASIC guessing; scrypt and Argon2id both
 * are. scrypt is one short, fully specified algorithm (Salsa20/8, BlockMix, ROMix over
 * PBKDF2-HMAC-SHA256, all with test vectors in the RFC) that the Java runtime's own HMAC-SHA256
 * carries, so it costs no new dependency (Argon2id would add Bouncy Castle's 8 MB provider to the
 * server); {@link Scrypt} is tested against the RFC's vectors.
 *
 * <p>Parameters: N = 2^15, r = 8, p = 1, i.e. 32 MiB and about a tenth of a second per hash on the
 * development machine: within the range OWASP accepts for scrypt, and affordable for a server that
 * throttles logins anyway. They are written into each stored hash, in the PHC string format {@code
 * $scrypt$ln=15,r=8,p=1$<salt>$<hash>}, so they can be raised later without invalidating older
 * hashes. Passwords are normalised to Unicode NFC before hashing so that the same password typed on
 * two keyboards matches.
 */
public final class PasswordHashing {

  /** The shortest password accepted. */
  public static final int MINIMUM_LENGTH = 10;

  static final int LOG_COST = 15;
  static final int BLOCK_SIZE = 8;
  static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Pattern ENCODED =
      Pattern.compile(
          "\\$scrypt\\$ln=(\\d{1,2}),r=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHashing() {}

  /**
   * The encoded hash of a new password, with a fresh salt.
   *
   * @throws IllegalArgumentException when the password is shorter than {@link #MINIMUM_LENGTH}
   */
  public static String hash(String password) {
    requireNonNull(password, "password is null");
    if (password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
      throw new IllegalArgumentException(
          "a password must have at least " + MINIMUM_LENGTH + " characters");
    }
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash =
        Scrypt.derive(bytes(password), salt, 1 << LOG_COST, BLOCK_SIZE, PARALLELISM, HASH_BYTES);
    Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
    return "$scrypt$ln="
        + LOG_COST
        + ",r="
        + BLOCK_SIZE
        + ",p="
        + PARALLELISM
        + "$"
        + base64.encodeToString(salt)
        + "$"
        + base64.encodeToString(hash);
  }

  /**
   * Whether the password is the one the encoded hash was made from; compared in constant time. An
   * encoded hash this class cannot read matches nothing.
   */
  public static boolean matches(String password, String encoded) {
    requireNonNull(password, "password is null");
    requireNonNull(encoded, "encoded is null");
    Matcher parts = ENCODED.matcher(encoded);
    if (!parts.matches()) {
      return false;
    }
    int logCost = Integer.parseInt(parts.group(1));
    int blockSize = Integer.parseInt(parts.group(2));
    int parallelism = Integer.parseInt(parts.group(3));
    if (logCost < 1 || logCost > 20 || blockSize < 1 || parallelism < 1) {
      return false;
    }
    byte[] salt = Base64.getDecoder().decode(parts.group(4));
    byte[] expected = Base64.getDecoder().decode(parts.group(5));
    byte[] actual =
        Scrypt.derive(bytes(password), salt, 1 << logCost, blockSize, parallelism, expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] bytes(String password) {
    return Normalizer.normalize(password, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
  }
}
