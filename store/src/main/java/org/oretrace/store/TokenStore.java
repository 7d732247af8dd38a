package org.oretrace.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.oretrace.core.access.Role;

/** API tokens, stored only as the SHA-256 of the secret: a stolen database reveals no token. */
public interface TokenStore {

  void add(ApiToken token);

  Optional<ApiToken> findByHash(String secretHash);

  /**
   * A token's stored form.
   *
   * @param secretHash lower-case hex SHA-256 of the token's secret
   * @param organisation the organisation the token acts for
   */
  record ApiToken(String secretHash, String organisation, Role role, Instant createdAt) {
    public ApiToken {
      requireNonNull(secretHash, "secretHash is null");
      requireNonNull(organisation, "organisation is null");
      requireNonNull(role, "role is null");
      requireNonNull(createdAt, "createdAt is null");
      if (!secretHash.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("secretHash must be 64 lower-case hex digits");
      }
      if (organisation.isBlank()) {
        throw new IllegalArgumentException("organisation is blank");
      }
    }
  }
}
