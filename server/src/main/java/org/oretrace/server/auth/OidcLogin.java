package org.oretrace.server.auth;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.access.Organisation;
import org.oretrace.core.access.Role;
import org.oretrace.core.registry.Identifiers;
import org.oretrace.server.auth.Authenticator.Login;
import org.oretrace.server.auth.IdTokens.InvalidTokenException;
import org.oretrace.store.AccountStore;
import org.oretrace.store.AccountStore.PendingLogin;
import org.oretrace.store.AccountStore.UserAccount;
import org.oretrace.store.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs users in through an OpenID Connect provider: the authorization code flow with PKCE (RFC
 * 7636, S256), for deployments that have an identity provider.
 *
 * <ol>
 *   <li>{@link #start()} draws a state, a nonce and a PKCE verifier, keeps them in the store for
 *       {@link #PENDING_LIFETIME} (the state only as its SHA-256), and answers the provider's
 *       authorization URL. The state also goes to the browser in a cookie, so that a callback is
 *       accepted only in the browser that started the login (no one can log a victim into the
 *       attacker's account).
 *   <li>{@link #finish} takes the callback's code and state: the state must be a pending one (each
 *       is used once) and match the cookie; the code is exchanged at the token endpoint with the
 *       verifier and the client's credentials; the ID token is verified ({@link IdTokens}: RS256 or
 *       ES256 signature by the provider's JWKS, issuer, audience, expiry, nonce).
 *   <li>The claims name the organisation and role ({@link OidcConfig}); the organisation must be
 *       registered. The user is {@code oidc:<subject>}, created on first login with a random
 *       password nobody knows and moved when the claims change; the session is an ordinary one
 *       ({@link Authenticator#openSession}).
 * </ol>
 *
 * <p>The provider's discovery document and keys are read when first needed and kept; the keys are
 * read again when a token names a key not among them. Pending logins are kept in the store, not in
 * this server's memory, so that behind a load balancer a login started on one server finishes on
 * any other sharing the database; each start removes the expired ones.
 *
 * <p>Logging out ({@link #logout}) ends the Oretrace session and, when the provider's discovery
 * document has an {@code end_session_endpoint}, answers where to send the browser so that the
 * provider ends its session too (OpenID Connect RP-Initiated Logout 1.0, with {@code
 * id_token_hint}: the session keeps the ID token it was opened with).
 */
public final class OidcLogin {

  /** How long a started login waits for its callback. */
  public static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);

  /** The prefix of users who log in through the provider; local users may not take it. */
  public static final String USERNAME_PREFIX = "oidc:";

  /** At most this many logins wait at once; more are refused until some finish or expire. */
  static final int MAX_PENDING = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(OidcLogin.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final OidcConfig config;
  private final Authenticator authenticator;
  private final AccountStore accounts;
  private final HttpClient http;
  private final Clock clock;
  private volatile Discovery discovery;
  private volatile IdTokens idTokens;

  public OidcLogin(OidcConfig config, Authenticator authenticator, AccountStore accounts) {
    this(
        config,
        authenticator,
        accounts,
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
        Clock.systemUTC());
  }

  OidcLogin(
      OidcConfig config,
      Authenticator authenticator,
      AccountStore accounts,
      HttpClient http,
      Clock clock) {
    this.config = requireNonNull(config, "config is null");
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.accounts = requireNonNull(accounts, "accounts is null");
    this.http = requireNonNull(http, "http is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * @param endSessionEndpoint the provider's logout endpoint, or null when it has none
   */
  private record Discovery(
      String issuer,
      URI authorizationEndpoint,
      URI tokenEndpoint,
      URI jwksUri,
      URI endSessionEndpoint) {}

  /** A started login: where to send the browser, and the state to keep in its cookie. */
  public record Start(URI authorizationUrl, String state) {
    public Start {
      requireNonNull(authorizationUrl, "authorizationUrl is null");
      requireNonNull(state, "state is null");
    }
  }

  /** A login refused: 401 for a failed exchange or token, 403 for claims Oretrace does not map. */
  public static final class OidcLoginException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean forbidden;

    OidcLoginException(String message, boolean forbidden) {
      super(message);
      this.forbidden = forbidden;
    }

    /** Whether the user was identified but may not log in (403), rather than not identified. */
    public boolean forbidden() {
      return forbidden;
    }
  }

  /**
   * Starts a login.
   *
   * @throws OidcLoginException when the provider's discovery document cannot be read, or too many
   *     logins are waiting
   */
  public Start start() {
    Discovery provider = discovery();
    Instant now = clock.instant();
    accounts.removeExpiredPendingLogins(now);
    if (accounts.pendingLogins() >= MAX_PENDING) {
      throw new OidcLoginException(
          "too many logins are waiting; try again in a few minutes", false);
    }
    String state = random();
    String nonce = random();
    String verifier = random();
    accounts.addPendingLogin(
        new PendingLogin(TokenSecrets.hash(state), nonce, verifier, now.plus(PENDING_LIFETIME)));
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("response_type", "code");
    parameters.put("client_id", config.clientId());
    parameters.put("redirect_uri", config.redirectUri().toString());
    parameters.put("scope", "openid profile email");
    parameters.put("state", state);
    parameters.put("nonce", nonce);
    parameters.put("code_challenge", challenge(verifier));
    parameters.put("code_challenge_method", "S256");
    String endpoint = provider.authorizationEndpoint().toString();
    return new Start(
        URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + form(parameters)), state);
  }

  /**
   * Finishes a login from the provider's callback and opens a session.
   *
   * @param stateCookie the state the browser kept in its cookie, or null
   * @throws OidcLoginException when anything is wrong: an unknown, reused or expired state, a state
   *     that is not the browser's, a failed code exchange, an ID token that does not verify, or
   *     claims that name no registered organisation or known role
   */
  public Login finish(String code, String state, String stateCookie) {
    if (state == null || state.isBlank()) {
      throw new OidcLoginException("the callback has no state", false);
    }
    PendingLogin started =
        accounts.takePendingLogin(TokenSecrets.hash(state), clock.instant()).orElse(null);
    if (started == null) {
      throw new OidcLoginException(
          "the login is unknown, used already or expired; start again", false);
    }
    if (stateCookie == null
        || !MessageDigest.isEqual(
            state.getBytes(StandardCharsets.US_ASCII),
            stateCookie.getBytes(StandardCharsets.US_ASCII))) {
      throw new OidcLoginException("the login was not started in this browser", false);
    }
    if (code == null || code.isBlank()) {
      throw new OidcLoginException("the callback has no code", false);
    }
    JsonNode claims;
    String idToken;
    try {
      idToken = exchange(code, started.verifier());
      claims = idTokens().verify(idToken, started.nonce(), clock.instant());
    } catch (InvalidTokenException e) {
      LOG.warn("OIDC login refused: {}", e.getMessage());
      throw new OidcLoginException("the identity provider's ID token is not valid", false);
    }
    String subject = claims.path("sub").asText();
    Organisation organisation = organisation(claims);
    Role role = role(claims);
    String username = username(subject);
    Optional<UserAccount> existing = accounts.user(username);
    if (existing.isEmpty()) {
      accounts.addUser(
          new UserAccount(
              username,
              organisation.id(),
              role,
              PasswordHashing.hash(random() + random()),
              clock.instant()));
    } else if (!existing.get().organisationId().equals(organisation.id())
        || existing.get().role() != role) {
      accounts.setOrganisationAndRole(username, organisation.id(), role);
    }
    LOG.info(
        "{} logged in through OIDC for {} as {}", username, organisation.id(), role.wireName());
    Login login = authenticator.openSession(username);
    accounts.setSessionIdToken(TokenSecrets.hash(login.secret()), idToken);
    return login;
  }

  /**
   * Ends the session with this cookie secret and answers where to send the browser so that the
   * provider ends its session too: its {@code end_session_endpoint} with the session's ID token as
   * {@code id_token_hint}, this deployment's root ({@link #postLogoutRedirectUri()}) as {@code
   * post_logout_redirect_uri}, and the client id. Empty when the session was not opened through the
   * provider (or is unknown), or the provider has no such endpoint or cannot be reached.
   */
  public Optional<URI> logout(String sessionSecret) {
    Optional<String> idToken =
        sessionSecret == null || sessionSecret.isBlank()
            ? Optional.empty()
            : accounts.sessionIdToken(TokenSecrets.hash(sessionSecret));
    authenticator.logout(sessionSecret);
    if (idToken.isEmpty()) {
      return Optional.empty();
    }
    URI endpoint;
    try {
      endpoint = discovery().endSessionEndpoint();
    } catch (OidcLoginException e) {
      LOG.warn("OIDC logout: the provider's session is left open: {}", e.getMessage());
      return Optional.empty();
    }
    if (endpoint == null) {
      return Optional.empty();
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("id_token_hint", idToken.get());
    parameters.put("post_logout_redirect_uri", postLogoutRedirectUri().toString());
    parameters.put("client_id", config.clientId());
    String base = endpoint.toString();
    return Optional.of(URI.create(base + (base.contains("?") ? "&" : "?") + form(parameters)));
  }

  /**
   * Where the provider sends the browser after its logout: the root of the host the callback is on
   * (register it at the provider as a post-logout redirect URI).
   */
  public URI postLogoutRedirectUri() {
    return config.redirectUri().resolve("/");
  }

  /** Oretrace's username for a provider's subject: readable when it can be, hashed otherwise. */
  static String username(String subject) {
    String readable = USERNAME_PREFIX + subject;
    return Identifiers.isValid(readable) ? readable : USERNAME_PREFIX + TokenSecrets.hash(subject);
  }

  private Organisation organisation(JsonNode claims) {
    for (String value : values(claims.path(config.organisationClaim()))) {
      String id = config.organisations().isEmpty() ? value : config.organisations().get(value);
      if (id != null && !id.equals(Authenticator.ADMIN_ORGANISATION)) {
        Optional<Organisation> found = accounts.organisation(id);
        if (found.isPresent()) {
          return found.get();
        }
      }
    }
    throw new OidcLoginException(
        "the identity provider names no registered organisation for this user (claim "
            + config.organisationClaim()
            + ")",
        true);
  }

  private Role role(JsonNode claims) {
    for (String value : values(claims.path(config.roleClaim()))) {
      Role role = config.roles().get(value);
      if (role == null && config.roles().isEmpty()) {
        try {
          role = Role.fromWireName(value);
        } catch (IllegalArgumentException e) {
          role = null;
        }
      }
      if (role != null) {
        return role;
      }
    }
    throw new OidcLoginException(
        "the identity provider names no Oretrace role for this user (claim "
            + config.roleClaim()
            + ")",
        true);
  }

  private static List<String> values(JsonNode claim) {
    List<String> values = new ArrayList<>();
    if (claim.isTextual()) {
      values.add(claim.asText());
    } else if (claim.isArray()) {
      claim.forEach(each -> values.add(each.asText()));
    }
    return values;
  }

  /** The ID token for a code, from the token endpoint. */
  private String exchange(String code, String verifier) throws InvalidTokenException {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("grant_type", "authorization_code");
    parameters.put("code", code);
    parameters.put("redirect_uri", config.redirectUri().toString());
    parameters.put("client_id", config.clientId());
    parameters.put("code_verifier", verifier);
    String credentials = encode(config.clientId()) + ":" + encode(config.clientSecret());
    HttpRequest request =
        HttpRequest.newBuilder(discovery().tokenEndpoint())
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(form(parameters)))
            .build();
    HttpResponse<byte[]> response = send(request);
    if (response.statusCode() != 200) {
      throw new InvalidTokenException(
          "the token endpoint answered " + response.statusCode() + " to the code exchange");
    }
    JsonNode body;
    try {
      body = Json.parse(response.body());
    } catch (InvalidInputException e) {
      throw new InvalidTokenException("the token endpoint's answer is not JSON");
    }
    String idToken = body.path("id_token").asText("");
    if (idToken.isEmpty()) {
      throw new InvalidTokenException("the token endpoint gave no ID token");
    }
    return idToken;
  }

  private Discovery discovery() {
    Discovery known = discovery;
    if (known != null) {
      return known;
    }
    String issuer = config.issuer().toString().replaceAll("/+$", "");
    JsonNode document = getJson(URI.create(issuer + "/.well-known/openid-configuration"));
    String declared = document.path("issuer").asText("").replaceAll("/+$", "");
    if (!declared.equals(issuer)) {
      throw new OidcLoginException(
          "the provider's discovery document names issuer " + declared + ", not " + issuer, false);
    }
    try {
      known =
          new Discovery(
              document.path("issuer").asText(),
              URI.create(document.path("authorization_endpoint").asText()),
              URI.create(document.path("token_endpoint").asText()),
              URI.create(document.path("jwks_uri").asText()),
              document.hasNonNull("end_session_endpoint")
                  ? URI.create(document.path("end_session_endpoint").asText())
                  : null);
    } catch (IllegalArgumentException e) {
      throw new OidcLoginException("the provider's discovery document is incomplete", false);
    }
    discovery = known;
    return known;
  }

  private IdTokens idTokens() {
    IdTokens known = idTokens;
    if (known == null) {
      Discovery provider = discovery();
      known = new IdTokens(provider.issuer(), config.clientId(), () -> getJson(provider.jwksUri()));
      idTokens = known;
    }
    return known;
  }

  private JsonNode getJson(URI uri) {
    HttpResponse<byte[]> response;
    try {
      response =
          send(
              HttpRequest.newBuilder(uri)
                  .timeout(Duration.ofSeconds(10))
                  .header("Accept", "application/json")
                  .GET()
                  .build());
    } catch (InvalidTokenException e) {
      throw new OidcLoginException(e.getMessage(), false);
    }
    if (response.statusCode() != 200) {
      throw new OidcLoginException(
          "the identity provider answered " + response.statusCode() + " for " + uri, false);
    }
    try {
      return Json.parse(response.body());
    } catch (InvalidInputException e) {
      throw new OidcLoginException("the identity provider's " + uri + " is not JSON", false);
    }
  }

  private HttpResponse<byte[]> send(HttpRequest request) throws InvalidTokenException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new InvalidTokenException("the identity provider is unreachable: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InvalidTokenException("interrupted while calling the identity provider");
    }
  }

  /** 32 random bytes in base64url: a state, a nonce, a PKCE verifier (43 characters). */
  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The PKCE S256 challenge: base64url of the verifier's SHA-256. */
  static String challenge(String verifier) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static String form(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
