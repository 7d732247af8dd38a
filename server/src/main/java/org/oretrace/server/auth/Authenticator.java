package org.oretrace.server.auth;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.oretrace.core.access.Role;
import org.oretrace.store.TokenStore;
import org.oretrace.store.TokenStore.ApiToken;

/**
 * Identifies the caller of a request from its {@code Authorization: Bearer <secret>} header. The
 * secret is hashed and looked up in the token store; the admin token given at start-up, if any, is
 * compared in constant time and never stored.
 */
public final class Authenticator {

  /** The organisation reported for the start-up admin token. */
  public static final String ADMIN_ORGANISATION = "oretrace-admin";

  private static final String BEARER = "Bearer ";

  private final TokenStore tokens;
  private final byte[] adminTokenHash;

  /**
   * @param adminToken a token that acts as administrator, or null for none
   */
  public Authenticator(TokenStore tokens, String adminToken) {
    this.tokens = requireNonNull(tokens, "tokens is null");
    this.adminTokenHash =
        adminToken == null
            ? null
            : TokenSecrets.hash(adminToken).getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The caller named by an Authorization header.
   *
   * @param authorization the header's value, or null when absent
   * @throws AccessDeniedException (unauthenticated) when the header is missing, malformed or names
   *     no known token
   */
  public Caller authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw AccessDeniedException.unauthenticated(
          "this request needs an API token: send 'Authorization: Bearer <token>'");
    }
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw AccessDeniedException.unauthenticated(
          "the Authorization header must be 'Bearer <token>'");
    }
    String secret = authorization.substring(BEARER.length()).strip();
    if (secret.isEmpty()) {
      throw AccessDeniedException.unauthenticated("the bearer token is empty");
    }
    String hash = TokenSecrets.hash(secret);
    if (adminTokenHash != null
        && MessageDigest.isEqual(adminTokenHash, hash.getBytes(StandardCharsets.US_ASCII))) {
      return new Caller(ADMIN_ORGANISATION, Role.ADMIN);
    }
    Optional<ApiToken> token = tokens.findByHash(hash);
    if (token.isEmpty()) {
      throw AccessDeniedException.unauthenticated("the API token is not known");
    }
    return new Caller(token.get().organisation(), token.get().role());
  }
}
