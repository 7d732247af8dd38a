package org.oretrace.server.auth;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.oretrace.core.InvalidInputException;
import org.oretrace.store.json.Json;

/**
 * Verifies an OpenID Connect ID token (a JWS in compact form) with the JDK's own cryptography: the
 * signature by a key of the provider's JWKS, RS256 (RSA PKCS #1 v1.5 with SHA-256) or ES256 (ECDSA
 * on P-256 with SHA-256, its signature the 64 bytes r || s of RFC 7518 section 3.4, which the JDK
 * reads as {@code SHA256withECDSAinP1363Format}); then the claims of OpenID Connect Core section
 * 3.1.3.7: the issuer, the audience (and the authorised party when there are several), the expiry
 * and issue time with a minute's leeway, and the nonce of the login.
 *
 * <p>Every other algorithm is refused, {@code none} and the HMAC ones first among them: a token's
 * header must not choose how it is checked. A key is chosen by the header's {@code kid}; when the
 * JWKS has no key of that id, it is fetched once more (the provider may have rotated its keys).
 */
final class IdTokens {

  /** How far clocks may disagree. */
  static final Duration LEEWAY = Duration.ofMinutes(1);

  private final String issuer;
  private final String clientId;
  private final Supplier<JsonNode> fetchKeys;
  private volatile JsonNode keys;

  /**
   * @param fetchKeys reads the provider's JWKS document ({@code {"keys": [...]}}) anew
   */
  IdTokens(String issuer, String clientId, Supplier<JsonNode> fetchKeys) {
    this.issuer = requireNonNull(issuer, "issuer is null");
    this.clientId = requireNonNull(clientId, "clientId is null");
    this.fetchKeys = requireNonNull(fetchKeys, "fetchKeys is null");
  }

  /** A token refused, with why (for the log; the user is told only that the login failed). */
  static final class InvalidTokenException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidTokenException(String message) {
      super(message);
    }
  }

  /**
   * The verified token's claims.
   *
   * @throws InvalidTokenException when the token is malformed, its signature does not verify with a
   *     key of the provider, or a claim is wrong
   */
  JsonNode verify(String token, String nonce, Instant now) throws InvalidTokenException {
    requireNonNull(token, "token is null");
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw new InvalidTokenException("not a compact JWS of three parts");
    }
    JsonNode header = json(parts[0], "header");
    String algorithm = header.path("alg").asText("");
    if (!algorithm.equals("RS256") && !algorithm.equals("ES256")) {
      throw new InvalidTokenException("algorithm '" + algorithm + "' is not RS256 or ES256");
    }
    byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    byte[] signature = decode(parts[2], "signature");
    String keyId = header.path("kid").asText(null);
    if (!verifies(candidates(keys(false), algorithm, keyId), algorithm, signed, signature)) {
      // the provider may have rotated its keys since they were read
      if (!verifies(candidates(keys(true), algorithm, keyId), algorithm, signed, signature)) {
        throw new InvalidTokenException("the signature does not verify with the provider's keys");
      }
    }
    JsonNode claims = json(parts[1], "payload");
    checkClaims(claims, nonce, now);
    return claims;
  }

  private void checkClaims(JsonNode claims, String nonce, Instant now)
      throws InvalidTokenException {
    if (!issuer.equals(claims.path("iss").asText(null))) {
      throw new InvalidTokenException("issuer " + claims.path("iss") + " is not " + issuer);
    }
    JsonNode audience = claims.path("aud");
    List<String> audiences = new ArrayList<>();
    if (audience.isTextual()) {
      audiences.add(audience.asText());
    } else if (audience.isArray()) {
      audience.forEach(each -> audiences.add(each.asText()));
    }
    if (!audiences.contains(clientId)) {
      throw new InvalidTokenException("the token is not for this client (aud " + audience + ")");
    }
    if (audiences.size() > 1 && !clientId.equals(claims.path("azp").asText(null))) {
      throw new InvalidTokenException("several audiences and the authorised party is not us");
    }
    if (!claims.path("exp").canConvertToLong()
        || !Instant.ofEpochSecond(claims.path("exp").asLong()).plus(LEEWAY).isAfter(now)) {
      throw new InvalidTokenException("the token has expired (or says no expiry)");
    }
    if (claims.has("iat")
        && Instant.ofEpochSecond(claims.path("iat").asLong()).minus(LEEWAY).isAfter(now)) {
      throw new InvalidTokenException("the token was issued in the future");
    }
    if (!nonce.equals(claims.path("nonce").asText(null))) {
      throw new InvalidTokenException("the nonce is not the login's");
    }
    if (claims.path("sub").asText("").isEmpty()) {
      throw new InvalidTokenException("the token names no subject");
    }
  }

  private JsonNode keys(boolean refresh) throws InvalidTokenException {
    JsonNode current = keys;
    if (current == null || refresh) {
      try {
        current = fetchKeys.get();
      } catch (RuntimeException e) {
        throw new InvalidTokenException("the provider's keys could not be read: " + e.getMessage());
      }
      keys = current;
    }
    return current;
  }

  private static List<PublicKey> candidates(JsonNode jwks, String algorithm, String keyId) {
    List<PublicKey> found = new ArrayList<>();
    for (JsonNode key : jwks.path("keys")) {
      if (keyId != null && !keyId.equals(key.path("kid").asText(null))) {
        continue;
      }
      if (key.has("use") && !key.path("use").asText().equals("sig")) {
        continue;
      }
      try {
        if (algorithm.equals("RS256") && key.path("kty").asText().equals("RSA")) {
          found.add(rsaKey(key));
        } else if (algorithm.equals("ES256")
            && key.path("kty").asText().equals("EC")
            && key.path("crv").asText().equals("P-256")) {
          found.add(ecKey(key));
        }
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        // a malformed key is skipped, as if absent
      }
    }
    return found;
  }

  private static boolean verifies(
      List<PublicKey> keys, String algorithm, byte[] signed, byte[] signature) {
    for (PublicKey key : keys) {
      try {
        Signature verifier =
            Signature.getInstance(
                algorithm.equals("RS256") ? "SHA256withRSA" : "SHA256withECDSAinP1363Format");
        verifier.initVerify(key);
        verifier.update(signed);
        if (verifier.verify(signature)) {
          return true;
        }
      } catch (GeneralSecurityException e) {
        // a signature of the wrong shape for this key: try the next
      }
    }
    return false;
  }

  static RSAPublicKey rsaKey(JsonNode key) throws GeneralSecurityException {
    BigInteger modulus = new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asText()));
    BigInteger exponent = new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asText()));
    return (RSAPublicKey)
        KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
  }

  static ECPublicKey ecKey(JsonNode key) throws GeneralSecurityException {
    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
    parameters.init(new ECGenParameterSpec("secp256r1"));
    ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
    ECPoint point =
        new ECPoint(
            new BigInteger(1, Base64.getUrlDecoder().decode(key.path("x").asText())),
            new BigInteger(1, Base64.getUrlDecoder().decode(key.path("y").asText())));
    return (ECPublicKey)
        KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, curve));
  }

  private static JsonNode json(String part, String what) throws InvalidTokenException {
    try {
      JsonNode node = Json.parse(decode(part, what));
      if (!node.isObject()) {
        throw new InvalidTokenException("the " + what + " is not a JSON object");
      }
      return node;
    } catch (InvalidInputException e) {
      throw new InvalidTokenException("the " + what + " is not JSON");
    }
  }

  private static byte[] decode(String part, String what) throws InvalidTokenException {
    try {
      return Base64.getUrlDecoder().decode(part);
    } catch (IllegalArgumentException e) {
      throw new InvalidTokenException("the " + what + " is not base64url");
    }
  }
}
