package org.oretrace.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oretrace.core.access.Role;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestStores;
import org.oretrace.store.AccountStore.PendingLogin;
import org.oretrace.store.json.Json;
import org.oretrace.store.sqlite.SqliteStore;

/**
 * The OpenID Connect login end to end: a real Oretrace server and a real (small) provider on free
 * ports ({@link FakeIdentityProvider}), the browser played by an HTTP client that follows the
 * redirects by hand and keeps the cookies. The provider checks PKCE and the client's credentials;
 * Oretrace must check the state, the signature, the claims and the nonce, and map the claims to a
 * registered organisation and a role.
 */
class OidcLoginTest {

  private static final String CLIENT_ID = "oretrace-client";
  private static final String CLIENT_SECRET = "client-secret-0123456789";
  private static final URI REDIRECT =
      URI.create("https://oretrace.test/api/v1/session/oidc/callback");

  private final HttpClient browser =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private FakeIdentityProvider provider;
  private TestServer server;

  private OidcConfig oidc;

  @BeforeEach
  void start() {
    provider = FakeIdentityProvider.start(CLIENT_ID, CLIENT_SECRET);
    oidc =
        new OidcConfig(
            provider.issuer(),
            CLIENT_ID,
            CLIENT_SECRET,
            REDIRECT,
            "org",
            Map.of("cd-mines", "ministry-of-mines", "cd-police", "police"),
            "groups",
            Map.of("mine-analysts", Role.ANALYST, "investigators", Role.INVESTIGATOR));
    server = new TestServer(TestStores.sqlite(), config -> config.withOidc(oidc));
    provider.claims =
        FakeIdentityProvider.claims("org", "cd-mines", "groups", List.of("staff", "mine-analysts"));
  }

  @AfterEach
  void stop() {
    server.close();
    provider.close();
  }

  /** What the browser saw at the callback, and the request that got it there. */
  private record Attempt(
      int status, String body, Optional<String> sessionCookie, String callback) {}

  private Attempt logIn() {
    return logIn(true);
  }

  /** Start, the provider's approval, the callback: each redirect followed by hand. */
  private Attempt logIn(boolean withStateCookie) {
    HttpResponse<String> started = get(server("/api/v1/session/oidc/start"), null);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
    String stateCookie = cookie(started, OidcEndpointsCookie.STATE).orElseThrow();
    assertThat(setCookie(started, OidcEndpointsCookie.STATE).orElseThrow())
        .contains("HttpOnly", "SameSite=Lax", "Path=/api/v1/session/oidc");
    URI authorize = URI.create(started.headers().firstValue("Location").orElseThrow());
    assertThat(authorize.toString()).startsWith(provider.issuer() + "/authorize?");

    HttpResponse<String> approved = get(authorize, null);
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(302);
    URI back = URI.create(approved.headers().firstValue("Location").orElseThrow());
    assertThat(back.toString()).startsWith(REDIRECT + "?");
    String callback = "/api/v1/session/oidc/callback?" + back.getRawQuery();
    return callback(callback, withStateCookie ? stateCookie : null);
  }

  private Attempt callback(String callback, String stateCookie) {
    HttpResponse<String> answer =
        get(
            server(callback),
            stateCookie == null ? null : OidcEndpointsCookie.STATE + "=" + stateCookie);
    return new Attempt(
        answer.statusCode(),
        answer.body(),
        cookie(answer, Authenticator.SESSION_COOKIE).filter(value -> !value.isEmpty()),
        callback);
  }

  @Test
  void nobodysSessionNamesTheProviderForTheLoginPagesButtonOnlyWhenOneIsConfigured() {
    JsonNode nobody = server.getAnonymously("/api/v1/session").json();

    assertThat(nobody.get("authenticated").asBoolean()).isFalse();
    assertThat(nobody.at("/oidc/provider").asText()).isEqualTo(provider.issuer().getHost());
    assertThat(nobody.at("/oidc/start").asText()).isEqualTo("/api/v1/session/oidc/start");
    try (TestServer without = new TestServer(TestStores.sqlite())) {
      JsonNode plain = without.getAnonymously("/api/v1/session").json();
      assertThat(plain.get("authenticated").asBoolean()).isFalse();
      assertThat(plain.has("oidc")).as(plain.toString()).isFalse();
    }
  }

  @Test
  void logsInWithPkceAndTheClaimsChooseTheOrganisationAndTheRole() {
    Attempt attempt = logIn();

    assertThat(attempt.status()).as(attempt.body()).isEqualTo(302);
    assertThat(attempt.sessionCookie()).isPresent();
    JsonNode session = whoAmI(attempt.sessionCookie().get());
    assertThat(session.get("authenticated").asBoolean()).isTrue();
    assertThat(session.get("username").asText()).isEqualTo("oidc:amani");
    assertThat(session.get("organisation").asText()).isEqualTo("ministry-of-mines");
    assertThat(session.get("role").asText()).isEqualTo("analyst");
    // the session works for the API like a password login's: an analyst of the regulator
    HttpResponse<String> reports =
        get(
            server("/api/v1/community-reports"),
            Authenticator.SESSION_COOKIE + "=" + attempt.sessionCookie().get());
    assertThat(reports.statusCode()).isEqualTo(200);
    // the authorization request carried a S256 challenge, a state and a nonce
    Map<String, String> request = provider.authorizeRequests().getFirst();
    assertThat(request.get("code_challenge_method")).isEqualTo("S256");
    assertThat(request.get("code_challenge")).hasSize(43);
    assertThat(request.get("scope")).contains("openid");
    assertThat(request.get("state")).isNotEqualTo(request.get("nonce")).hasSize(43);

    // the provider moves the user: the next login follows
    provider.claims =
        FakeIdentityProvider.claims("org", "cd-police", "groups", List.of("investigators"));
    JsonNode moved = whoAmI(logIn().sessionCookie().orElseThrow());
    assertThat(moved.get("username").asText()).isEqualTo("oidc:amani");
    assertThat(moved.get("organisation").asText()).isEqualTo("police");
    assertThat(moved.get("role").asText()).isEqualTo("investigator");
  }

  @Test
  void anEs256TokenIsVerifiedToo() {
    provider.algorithm = "ES256";

    Attempt attempt = logIn();

    assertThat(attempt.status()).as(attempt.body()).isEqualTo(302);
    assertThat(whoAmI(attempt.sessionCookie().orElseThrow()).get("role").asText())
        .isEqualTo("analyst");
  }

  @Test
  void aCallbackIsAcceptedOnceAndOnlyInTheBrowserThatStartedTheLogin() {
    Attempt withoutCookie = logIn(false);
    assertThat(withoutCookie.status()).isEqualTo(401);
    assertThat(withoutCookie.sessionCookie()).isEmpty();

    Attempt first = logIn();
    assertThat(first.status()).isEqualTo(302);
    // the same state (and code) again: refused
    Attempt replayed = callback(first.callback(), stateOf(first.callback()));
    assertThat(replayed.status()).isEqualTo(401);
    assertThat(replayed.sessionCookie()).isEmpty();
    // a state this server never issued
    assertThat(callback("/api/v1/session/oidc/callback?code=x&state=forged", "forged").status())
        .isEqualTo(401);
    // the provider said no
    assertThat(callback("/api/v1/session/oidc/callback?error=access_denied", null).status())
        .isEqualTo(401);
  }

  @Test
  void tokensThatDoNotVerifyOrAreNotForThisLoginAreRefused() {
    provider.signWithRogueKey = true;
    assertRefused(401);
    provider.signWithRogueKey = false;

    for (String algorithm : List.of("none", "HS256")) {
      provider.algorithm = algorithm;
      assertRefused(401);
    }
    provider.algorithm = "RS256";

    provider.nonceOverride = "a nonce of another login";
    assertRefused(401);
    provider.nonceOverride = null;

    provider.audienceOverride = "another-client";
    assertRefused(401);
    provider.audienceOverride = null;

    provider.lifetimeSeconds = -3600;
    assertRefused(401);
    provider.lifetimeSeconds = 300;

    // verified, but naming no organisation or role Oretrace knows: forbidden
    provider.claims = FakeIdentityProvider.claims("org", "elsewhere", "groups", List.of("staff"));
    assertRefused(403);
    provider.claims = FakeIdentityProvider.claims("org", "cd-mines", "groups", List.of("staff"));
    assertRefused(403);

    // and with everything right again, the login works
    provider.claims = FakeIdentityProvider.claims("org", "cd-mines", "groups", "mine-analysts");
    assertThat(logIn().status()).isEqualTo(302);
    assertThat(server.store().accounts().user("oidc:amani")).isPresent();
  }

  @Test
  void localUsersMayNotTakeTheProvidersNames() {
    TestServer.Response refused =
        server.post(
            "/api/v1/users",
            "{\"username\": \"oidc:amani\", \"organisation\": \"regulator\", \"role\": \"admin\","
                + " \"password\": \"a long enough password\"}",
            TestServer.START_UP_ADMIN_TOKEN);
    assertThat(refused.status()).as(refused.text()).isEqualTo(400);
  }

  @Test
  void aLoginStartedOnOneServerFinishesOnAnotherSharingTheDatabase(@TempDir Path folder) {
    Path shared = folder.resolve("oretrace.db");
    try (TestServer first =
            new TestServer(SqliteStore.open(shared), config -> config.withOidc(oidc));
        TestServer second =
            new TestServer(SqliteStore.open(shared), config -> config.withOidc(oidc))) {
      // a login abandoned long ago waits in the database: the next start purges it
      first
          .store()
          .accounts()
          .addPendingLogin(
              new PendingLogin(
                  "0".repeat(64), "nonce", "verifier", Instant.now().minus(Duration.ofHours(1))));

      HttpResponse<String> started = get(on(first, "/api/v1/session/oidc/start"), null);
      assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
      String state = cookie(started, OidcEndpointsCookie.STATE).orElseThrow();
      // the state itself is not in the database, only its hash; the abandoned login is gone
      assertThat(second.store().accounts().pendingLogins()).isOne();
      HttpResponse<String> approved =
          get(URI.create(started.headers().firstValue("Location").orElseThrow()), null);
      String callback =
          "/api/v1/session/oidc/callback?"
              + URI.create(approved.headers().firstValue("Location").orElseThrow()).getRawQuery();

      HttpResponse<String> finished =
          get(on(second, callback), OidcEndpointsCookie.STATE + "=" + state);

      assertThat(finished.statusCode()).as(finished.body()).isEqualTo(302);
      String session = cookie(finished, Authenticator.SESSION_COOKIE).orElseThrow();
      assertThat(session).isNotEmpty();
      HttpResponse<String> who =
          get(on(first, "/api/v1/session"), Authenticator.SESSION_COOKIE + "=" + session);
      assertThat(who.body()).contains("\"username\":\"oidc:amani\"");
      // used once, on every server
      assertThat(get(on(first, callback), OidcEndpointsCookie.STATE + "=" + state).statusCode())
          .isEqualTo(401);
      assertThat(second.store().accounts().pendingLogins()).isZero();
    }
  }

  @Test
  void loggingOutOfAnOidcSessionSendsTheBrowserToTheProvidersLogout() {
    String session = logIn().sessionCookie().orElseThrow();
    JsonNode before = whoAmI(session);
    assertThat(before.get("logout").asText()).isEqualTo("/api/v1/session/oidc/logout");

    HttpResponse<String> loggedOut =
        get(server("/api/v1/session/oidc/logout"), Authenticator.SESSION_COOKIE + "=" + session);

    assertThat(loggedOut.statusCode()).isEqualTo(302);
    assertThat(setCookie(loggedOut, Authenticator.SESSION_COOKIE).orElseThrow())
        .startsWith(Authenticator.SESSION_COOKIE + "=;")
        .contains("Max-Age=0");
    URI endSession = URI.create(loggedOut.headers().firstValue("Location").orElseThrow());
    assertThat(endSession.toString()).startsWith(provider.issuer() + "/logout?");
    Map<String, String> parameters = FakeIdentityProvider.parse(endSession.getRawQuery());
    assertThat(parameters.get("id_token_hint")).isEqualTo(provider.issuedIdTokens().getLast());
    assertThat(parameters.get("post_logout_redirect_uri")).isEqualTo("https://oretrace.test/");
    assertThat(parameters.get("client_id")).isEqualTo(CLIENT_ID);
    assertThat(whoAmI(session).get("authenticated").asBoolean()).isFalse();
    // the provider accepts it and sends the browser back to Oretrace
    HttpResponse<String> atProvider = get(endSession, null);
    assertThat(atProvider.statusCode()).isEqualTo(302);
    assertThat(atProvider.headers().firstValue("Location")).contains("https://oretrace.test/");
    assertThat(provider.logoutRequests()).hasSize(1);

    // without a session of the provider there is nothing to end there
    HttpResponse<String> nobody = get(server("/api/v1/session/oidc/logout"), null);
    assertThat(nobody.statusCode()).isEqualTo(302);
    assertThat(nobody.headers().firstValue("Location")).contains("/");
    assertThat(provider.logoutRequests()).hasSize(1);
  }

  @Test
  void aProviderWithoutAnEndSessionEndpointIsNotSentTheBrowserAtLogout() {
    provider.offersLogout = false;
    String session = logIn().sessionCookie().orElseThrow();

    HttpResponse<String> loggedOut =
        get(server("/api/v1/session/oidc/logout"), Authenticator.SESSION_COOKIE + "=" + session);

    assertThat(loggedOut.statusCode()).isEqualTo(302);
    assertThat(loggedOut.headers().firstValue("Location")).contains("/");
    assertThat(whoAmI(session).get("authenticated").asBoolean()).isFalse();
    assertThat(provider.logoutRequests()).isEmpty();
  }

  private static URI on(TestServer target, String path) {
    return URI.create("http://127.0.0.1:" + target.port() + path);
  }

  private void assertRefused(int status) {
    Attempt attempt = logIn();
    assertThat(attempt.status()).as(attempt.body()).isEqualTo(status);
    assertThat(attempt.sessionCookie()).isEmpty();
    assertThat(Json.parse(attempt.body().getBytes(StandardCharsets.UTF_8)).get("status").asInt())
        .isEqualTo(status);
  }

  private JsonNode whoAmI(String session) {
    HttpResponse<String> answer =
        get(server("/api/v1/session"), Authenticator.SESSION_COOKIE + "=" + session);
    return Json.parse(answer.body().getBytes(StandardCharsets.UTF_8));
  }

  private static String stateOf(String callback) {
    return FakeIdentityProvider.parse(URI.create("http://x" + callback).getRawQuery()).get("state");
  }

  private URI server(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private HttpResponse<String> get(URI uri, String cookie) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET();
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    try {
      return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Optional<String> setCookie(HttpResponse<String> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(header -> header.startsWith(name + "="))
        .findFirst();
  }

  private static Optional<String> cookie(HttpResponse<String> response, String name) {
    return setCookie(response, name)
        .map(header -> header.substring(name.length() + 1, header.indexOf(';')));
  }

  /** The state cookie's name, as the server sets it. */
  private static final class OidcEndpointsCookie {
    static final String STATE = "oretrace_oidc_state";
  }
}
