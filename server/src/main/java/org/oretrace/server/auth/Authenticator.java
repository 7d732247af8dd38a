package org.oretrace.server.auth;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.oretrace.core.access.Organisation;
import org.oretrace.core.access.Role;
import org.oretrace.store.AccountStore;
import org.oretrace.store.AccountStore.Session;
import org.oretrace.store.AccountStore.UserAccount;
import org.oretrace.store.TokenStore;
import org.oretrace.store.TokenStore.ApiToken;

/**
 * Identifies the caller of a request: a machine by its {@code Authorization: Bearer <secret>}
 * header, a person by the session cookie a login gave the browser. Token and session secrets are
 * hashed and looked up (only hashes are stored); the admin token given at start-up, if any, is
 * compared in constant time and never stored. The caller carries its organisation's registration,
 * from which {@link NeedToKnow} derives what it may see.
 *
 * <p>Logins check the password against its scrypt hash ({@link PasswordHashing}) behind a {@link
 * LoginThrottle}; a wrong username costs the same hash as a wrong password, so response times do
 * not tell which usernames exist. A session lasts {@link #SESSION_LENGTH} from the login, then the
 * user logs in again.
 */
public final class Authenticator {

  /** The organisation reported for the start-up admin token; no registered one may take it. */
  public static final String ADMIN_ORGANISATION = "oretrace-admin";

  /** The session cookie's name. */
  public static final String SESSION_COOKIE = "oretrace_session";

  /** How long a session lasts from its login. */
  public static final Duration SESSION_LENGTH = Duration.ofHours(8);

  private static final String BEARER = "Bearer ";

  /** Hashed when the username is unknown, so that the answer takes as long as for a known one. */
  private static final String DUMMY_HASH = PasswordHashing.hash("not anybody's password");

  private final TokenStore tokens;
  private final AccountStore accounts;
  private final byte[] adminTokenHash;
  private final Clock clock;
  private final LoginThrottle throttle;

  /**
   * @param adminToken a token that acts as administrator, or null for none
   */
  public Authenticator(TokenStore tokens, AccountStore accounts, String adminToken) {
    this(tokens, accounts, adminToken, Clock.systemUTC());
  }

  Authenticator(TokenStore tokens, AccountStore accounts, String adminToken, Clock clock) {
    this.tokens = requireNonNull(tokens, "tokens is null");
    this.accounts = requireNonNull(accounts, "accounts is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.throttle = new LoginThrottle(clock);
    this.adminTokenHash =
        adminToken == null
            ? null
            : TokenSecrets.hash(adminToken).getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The caller of an HTTP request: by its Authorization header or, without one, its session cookie.
   *
   * @throws AccessDeniedException (unauthenticated) when the request is anonymous or names no known
   *     token or live session
   */
  public Caller authenticate(Context context) {
    return authenticate(context.header("Authorization"), context.cookie(SESSION_COOKIE));
  }

  /**
   * The caller named by an Authorization header or, without one, by a session cookie.
   *
   * @param authorization the header's value, or null when absent
   * @param sessionSecret the session cookie's value, or null when absent
   * @throws AccessDeniedException (unauthenticated) when neither names a known token or a live
   *     session
   */
  public Caller authenticate(String authorization, String sessionSecret) {
    if ((authorization == null || authorization.isBlank())
        && sessionSecret != null
        && !sessionSecret.isBlank()) {
      return session(sessionSecret);
    }
    return authenticate(authorization);
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
          "this request needs a login or an API token: log in, or send 'Authorization: Bearer"
              + " <token>'");
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
      return Caller.platformAdministrator();
    }
    Optional<ApiToken> token = tokens.findByHash(hash);
    if (token.isEmpty()) {
      throw AccessDeniedException.unauthenticated("the API token is not known");
    }
    return caller(token.get().organisation(), token.get().role(), null);
  }

  private Caller session(String secret) {
    String hash = TokenSecrets.hash(secret);
    Session session =
        accounts
            .session(hash)
            .orElseThrow(
                () -> AccessDeniedException.unauthenticated("the session is not known; log in"));
    if (session.expiredAt(clock.instant())) {
      accounts.removeSession(hash);
      throw AccessDeniedException.unauthenticated("the session has expired; log in again");
    }
    UserAccount user =
        accounts
            .user(session.username())
            .orElseThrow(() -> AccessDeniedException.unauthenticated("the user is not known"));
    return caller(user.organisationId(), user.role(), user.username());
  }

  private Caller caller(String organisation, Role role, String username) {
    Organisation registration = accounts.organisation(organisation).orElse(null);
    return new Caller(organisation, role, registration, username);
  }

  /**
   * Checks a user's password and opens a session.
   *
   * @param clientAddress where the attempt comes from, for throttling
   * @throws LoginRefusedException when the username or password is wrong, or attempts on this
   *     username or from this address are throttled
   */
  public Login login(String username, String password, String clientAddress) {
    requireNonNull(username, "username is null");
    requireNonNull(password, "password is null");
    String address = clientAddress == null ? "unknown" : clientAddress;
    Instant lockedUntil = throttle.lockedUntil(username, address);
    if (lockedUntil != null) {
      throw new LoginRefusedException(
          "too many failed logins; try again after " + lockedUntil, lockedUntil);
    }
    Optional<UserAccount> user = accounts.user(username);
    boolean matches =
        PasswordHashing.matches(password, user.map(UserAccount::passwordHash).orElse(DUMMY_HASH));
    if (user.isEmpty() || !matches) {
      throttle.failed(username, address);
      throw new LoginRefusedException("the username or the password is wrong", null);
    }
    throttle.succeeded(username);
    return openSession(user.get());
  }

  /**
   * Opens a session for a user whose identity was established otherwise (an OpenID Connect
   * provider, {@link OidcLogin}).
   *
   * @throws AccessDeniedException (unauthenticated) when there is no such user
   */
  Login openSession(String username) {
    return openSession(
        accounts
            .user(username)
            .orElseThrow(() -> AccessDeniedException.unauthenticated("the user is not known")));
  }

  private Login openSession(UserAccount user) {
    Instant now = clock.instant();
    accounts.removeExpiredSessions(now);
    TokenSecrets.MintedToken secret = TokenSecrets.mint();
    Session session =
        new Session(secret.secretHash(), user.username(), now, now.plus(SESSION_LENGTH));
    accounts.addSession(session);
    return new Login(
        secret.secret(),
        caller(user.organisationId(), user.role(), user.username()),
        session.expiresAt());
  }

  /** Ends the session with this cookie secret, if there is one. */
  public void logout(String sessionSecret) {
    if (sessionSecret != null && !sessionSecret.isBlank()) {
      accounts.removeSession(TokenSecrets.hash(sessionSecret));
    }
  }

  /** An opened session: the cookie's secret (give it to the browser only), who, and until when. */
  public record Login(String secret, Caller caller, Instant expiresAt) {
    public Login {
      requireNonNull(secret, "secret is null");
      requireNonNull(caller, "caller is null");
      requireNonNull(expiresAt, "expiresAt is null");
    }

    @Override
    public String toString() {
      return "Login[caller=" + caller + ", expiresAt=" + expiresAt + "]";
    }
  }

  /** A login refused: wrong credentials (401) or throttled (429, with when to retry). */
  public static final class LoginRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Instant retryAfter;

    LoginRefusedException(String message, Instant retryAfter) {
      super(message);
      this.retryAfter = retryAfter;
    }

    /** When to try again, or empty when the credentials were wrong. */
    public Optional<Instant> retryAfter() {
      return Optional.ofNullable(retryAfter);
    }
  }
}
