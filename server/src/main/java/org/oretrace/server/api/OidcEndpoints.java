package org.oretrace.server.api;

import io.javalin.http.Context;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.Authenticator.Login;
import org.oretrace.server.auth.OidcLogin;
import org.oretrace.server.auth.OidcLogin.OidcLoginException;
import org.oretrace.server.auth.OidcLogin.Start;

/**
 * The two legs of an OpenID Connect login ({@link OidcLogin}): {@code GET /session/oidc/start}
 * sends the browser to the identity provider with a state cookie, and the provider sends it back to
 * {@code GET /session/oidc/callback}, which opens an ordinary session (the {@code oretrace_session}
 * cookie, as a password login sets it) and sends the browser to the web application. The state
 * cookie is SameSite=Lax, not Strict: the callback is a navigation from the provider's site, on
 * which a Strict cookie would not be sent. {@code GET /session/oidc/logout} ends the session and
 * sends the browser to the provider's logout. The routes answer 404 when the deployment has no
 * identity provider.
 */
final class OidcEndpoints {

  static final String STATE_COOKIE = "oretrace_oidc_state";
  private static final String STATE_PATH = ApiRoutes.PREFIX + "/session/oidc";

  /** Null when OIDC is not configured. */
  private final OidcLogin login;

  OidcEndpoints(OidcLogin login) {
    this.login = login;
  }

  void start(Context context) {
    Start started = configured().start();
    context
        .res()
        .addHeader(
            "Set-Cookie",
            stateCookie(started.state(), OidcLogin.PENDING_LIFETIME, secure(context)));
    context.header("Cache-Control", "no-store");
    context.status(302).header("Location", started.authorizationUrl().toString());
  }

  void callback(Context context) {
    OidcLogin oidc = configured();
    String error = context.queryParam("error");
    if (error != null) {
      throw new ApiProblem(
          ProblemType.LOGIN_FAILED,
          "the identity provider refused the login: " + error.replaceAll("[^\\w .-]", "?"),
          List.of());
    }
    Login opened;
    try {
      opened =
          oidc.finish(
              context.queryParam("code"),
              context.queryParam("state"),
              context.cookie(STATE_COOKIE));
    } catch (OidcLoginException e) {
      throw new ApiProblem(
          e.forbidden() ? ProblemType.FORBIDDEN : ProblemType.LOGIN_FAILED,
          e.getMessage(),
          List.of());
    }
    boolean secure = secure(context);
    context.res().addHeader("Set-Cookie", stateCookie("", Duration.ZERO, secure));
    context
        .res()
        .addHeader(
            "Set-Cookie",
            AccountEndpoints.cookie(opened.secret(), Authenticator.SESSION_LENGTH, secure));
    context.header("Cache-Control", "no-store");
    context.status(302).header("Location", "/");
  }

  /**
   * Logs out of a session opened through the provider: ends the Oretrace session, clears its
   * cookie, and sends the browser (302) to the provider's end-session endpoint so that the
   * provider's session ends too; to the web application's root when there is no such endpoint or
   * the session was not the provider's. A navigation, not an API call: the browser must follow the
   * redirect to the provider's site.
   */
  void logout(Context context) {
    Optional<URI> provider = configured().logout(context.cookie(Authenticator.SESSION_COOKIE));
    context
        .res()
        .addHeader("Set-Cookie", AccountEndpoints.cookie("", Duration.ZERO, secure(context)));
    context.header("Cache-Control", "no-store");
    context.status(302).header("Location", provider.map(URI::toString).orElse("/"));
  }

  private OidcLogin configured() {
    if (login == null) {
      throw ApiProblem.notFound("OIDC login", "here: this deployment has no identity provider");
    }
    return login;
  }

  private static String stateCookie(String state, Duration lifetime, boolean secure) {
    return String.format(
        Locale.ROOT,
        "%s=%s; Path=%s; Max-Age=%d; HttpOnly; SameSite=Lax%s",
        STATE_COOKIE,
        state,
        STATE_PATH,
        lifetime.toSeconds(),
        secure ? "; Secure" : "");
  }

  private static boolean secure(Context context) {
    return "https".equalsIgnoreCase(context.scheme())
        || "https".equalsIgnoreCase(context.header("X-Forwarded-Proto"));
  }
}
