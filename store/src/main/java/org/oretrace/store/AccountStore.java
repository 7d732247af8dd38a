package org.oretrace.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.oretrace.core.access.Organisation;
import org.oretrace.core.access.Role;
import org.oretrace.core.registry.Identifiers;

/**
 * Who uses Oretrace: organisations, their users (with a password hash, never the password) and the
 * users' web sessions (by the hash of the cookie's secret, never the secret). API tokens stay in
 * {@link TokenStore}; they name an organisation of this store.
 */
public interface AccountStore {

  /** Adds an organisation or replaces the one with its id. */
  void putOrganisation(Organisation organisation);

  Optional<Organisation> organisation(String id);

  /** Every organisation, by id. */
  List<Organisation> organisations();

  /**
   * Adds a user.
   *
   * @return false, writing nothing, when the username is taken
   * @throws IllegalArgumentException when the user's organisation is not registered
   */
  boolean addUser(UserAccount user);

  Optional<UserAccount> user(String username);

  /**
   * Replaces a user's password hash and ends the user's sessions.
   *
   * @return false when there is no such user
   */
  boolean setPassword(String username, String passwordHash);

  /**
   * Moves a user to an organisation and a role (an identity provider's claims changed, say); the
   * user's sessions follow at their next request.
   *
   * @return false when there is no such user
   * @throws IllegalArgumentException when the organisation is not registered
   */
  boolean setOrganisationAndRole(String username, String organisationId, Role role);

  /** The users of one organisation, or of all when null, by username. */
  List<UserAccount> users(String organisationId);

  void addSession(Session session);

  Optional<Session> session(String secretHash);

  /** Ends a session; ending an unknown one does nothing. */
  void removeSession(String secretHash);

  /** Removes the sessions expired at {@code now}; returns how many. */
  int removeExpiredSessions(Instant now);

  /** Keeps the ID token an OIDC login opened a session with (for the provider's logout). */
  void setSessionIdToken(String secretHash, String idToken);

  /** The ID token the session was opened with; empty for other sessions and unknown ones. */
  Optional<String> sessionIdToken(String secretHash);

  /** Keeps a started OIDC login until its callback takes it or it expires. */
  void addPendingLogin(PendingLogin login);

  /**
   * Removes the pending login with this state hash and answers it, unless it expired at {@code
   * now}. Each is taken once: of two servers taking the same one at once, one gets it.
   */
  Optional<PendingLogin> takePendingLogin(String stateHash, Instant now);

  /** Removes the pending logins expired at {@code now}; returns how many. */
  int removeExpiredPendingLogins(Instant now);

  /** How many OIDC logins are waiting (expired ones included until removed). */
  long pendingLogins();

  /**
   * A person who logs in to the web application.
   *
   * @param username how the user logs in, e.g. "amani.k@cd-mines"
   * @param organisationId the organisation the user acts for
   * @param passwordHash the encoded hash of the password (server/auth PasswordHashing)
   */
  record UserAccount(
      String username, String organisationId, Role role, String passwordHash, Instant createdAt) {
    public UserAccount {
      Identifiers.requireId(username, "username");
      Identifiers.requireId(organisationId, "organisation");
      requireNonNull(role, "role is null");
      requireNonNull(passwordHash, "passwordHash is null");
      requireNonNull(createdAt, "createdAt is null");
    }

    /** Never shows the password hash, so that the value can be logged. */
    @Override
    public String toString() {
      return "UserAccount[username="
          + username
          + ", organisation="
          + organisationId
          + ", role="
          + role.wireName()
          + "]";
    }
  }

  /**
   * An OIDC login started and not yet finished (server/auth OidcLogin).
   *
   * @param stateHash lower-case hex SHA-256 of the state sent to the provider (the state itself,
   *     which the browser's cookie also holds, is not stored)
   * @param nonce the nonce the ID token must carry
   * @param verifier the PKCE code verifier for the code exchange
   */
  record PendingLogin(String stateHash, String nonce, String verifier, Instant expiresAt) {
    public PendingLogin {
      requireNonNull(stateHash, "stateHash is null");
      requireNonNull(nonce, "nonce is null");
      requireNonNull(verifier, "verifier is null");
      requireNonNull(expiresAt, "expiresAt is null");
      if (!stateHash.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("stateHash must be 64 lower-case hex digits");
      }
    }

    /** Never shows the nonce or verifier, so that the value can be logged. */
    @Override
    public String toString() {
      return "PendingLogin[expiresAt=" + expiresAt + "]";
    }
  }

  /**
   * A logged-in user's session.
   *
   * @param secretHash lower-case hex SHA-256 of the session cookie's secret
   */
  record Session(String secretHash, String username, Instant createdAt, Instant expiresAt) {
    public Session {
      requireNonNull(secretHash, "secretHash is null");
      Identifiers.requireId(username, "username");
      requireNonNull(createdAt, "createdAt is null");
      requireNonNull(expiresAt, "expiresAt is null");
      if (!secretHash.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("secretHash must be 64 lower-case hex digits");
      }
      if (!expiresAt.isAfter(createdAt)) {
        throw new IllegalArgumentException("a session must expire after it starts");
      }
    }

    public boolean expiredAt(Instant now) {
      return !now.isBefore(expiresAt);
    }
  }
}
