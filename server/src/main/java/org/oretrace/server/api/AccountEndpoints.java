package org.oretrace.server.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.oretrace.core.Violation;
import org.oretrace.core.access.Organisation;
import org.oretrace.core.access.OrganisationType;
import org.oretrace.server.auth.AccessDeniedException;
import org.oretrace.server.auth.AccessPolicy;
import org.oretrace.server.auth.AccessPolicy.Action;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.Authenticator.Login;
import org.oretrace.server.auth.Caller;
import org.oretrace.server.auth.OidcLogin;
import org.oretrace.server.auth.PasswordHashing;
import org.oretrace.store.AccountStore;
import org.oretrace.store.AccountStore.UserAccount;
import org.oretrace.store.RegistryStore;
import org.oretrace.store.json.AccountJson;
import org.oretrace.store.json.AccountJson.Credentials;
import org.oretrace.store.json.AccountJson.NewUser;
import org.oretrace.store.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Organisations, users and web sessions. The platform administrator adds organisations; an
 * organisation's admins add its users (the platform administrator, anyone's); any caller lists the
 * organisations (to share cases with them). {@code POST /session} logs a user in and sets the
 * session cookie: HttpOnly (scripts cannot read it), SameSite=Strict (no other site's page can send
 * it, which is the protection against cross-site request forgery) and Secure when the request came
 * over TLS (directly or through a proxy that says so in X-Forwarded-Proto).
 */
final class AccountEndpoints {

  private static final Logger LOG = LoggerFactory.getLogger(AccountEndpoints.class);

  private final AccountStore accounts;
  private final RegistryStore registry;
  private final Authenticator authenticator;

  /** The identity provider's name for the login page's button, or null without OIDC. */
  private final String oidcProvider;

  /** The online tile layer of the web application's maps, or null for the outlines alone. */
  private final MapTiles mapTiles;

  AccountEndpoints(
      AccountStore accounts,
      RegistryStore registry,
      Authenticator authenticator,
      String oidcProvider,
      MapTiles mapTiles) {
    this.accounts = requireNonNull(accounts, "accounts is null");
    this.registry = requireNonNull(registry, "registry is null");
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.oidcProvider = oidcProvider;
    this.mapTiles = mapTiles;
  }

  void putOrganisation(Context context) {
    Caller caller = authenticator.authenticate(context);
    AccessPolicy.require(caller, Action.MANAGE_ORGANISATIONS);
    Organisation organisation =
        AccountJson.decodeOrganisation(Responses.parseBody(context.bodyAsBytes()));
    if (organisation.id().equals(Authenticator.ADMIN_ORGANISATION)) {
      throw ApiProblem.badParameter("id", "'" + Authenticator.ADMIN_ORGANISATION + "' is reserved");
    }
    List<String> unknown =
        organisation.actorIds().stream().filter(id -> registry.actor(id).isEmpty()).toList();
    if (!unknown.isEmpty()) {
      throw ApiProblem.badRequest(
          List.of(
              Violation.of(-1, "actors", "not in the registry: " + String.join(", ", unknown))));
    }
    if (organisation.type() == OrganisationType.COMPANY && organisation.actorIds().isEmpty()) {
      throw ApiProblem.badParameter("actors", "a company names the registry actors it acts as");
    }
    accounts.putOrganisation(organisation);
    LOG.info("organisation {} ({}) stored", organisation.id(), organisation.type().wireName());
    Responses.json(context, 201, AccountJson.encode(organisation));
  }

  void listOrganisations(Context context) {
    authenticator.authenticate(context);
    ObjectNode body = Json.object();
    ArrayNode items = body.putArray("items");
    accounts.organisations().forEach(organisation -> items.add(AccountJson.encode(organisation)));
    Responses.json(context, 200, body);
  }

  void addUser(Context context) {
    Caller caller = authenticator.authenticate(context);
    AccessPolicy.require(caller, Action.MANAGE_USERS);
    NewUser user = AccountJson.decodeNewUser(Responses.parseBody(context.bodyAsBytes()));
    requireOwnOrganisation(caller, user.organisationId());
    if (user.username().startsWith(OidcLogin.USERNAME_PREFIX)) {
      throw ApiProblem.badParameter(
          "username",
          "names starting with '"
              + OidcLogin.USERNAME_PREFIX
              + "' are for users of the identity provider");
    }
    if (accounts.organisation(user.organisationId()).isEmpty()) {
      throw ApiProblem.badParameter(
          "organisation", "organisation " + user.organisationId() + " is not registered");
    }
    String hash;
    try {
      hash = PasswordHashing.hash(user.password());
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badParameter("password", e.getMessage());
    }
    UserAccount account =
        new UserAccount(user.username(), user.organisationId(), user.role(), hash, Instant.now());
    if (!accounts.addUser(account)) {
      throw new ApiProblem(
          ProblemType.USER_EXISTS,
          "username " + user.username() + " is taken",
          List.of(Violation.of(-1, "username", "is taken")));
    }
    LOG.info("user {} added by {}", account, caller.organisation());
    Responses.json(context, 201, AccountJson.encode(account));
  }

  void listUsers(Context context) {
    Caller caller = authenticator.authenticate(context);
    AccessPolicy.require(caller, Action.MANAGE_USERS);
    ObjectNode body = Json.object();
    ArrayNode items = body.putArray("items");
    accounts
        .users(caller.isPlatform() ? null : caller.organisation())
        .forEach(user -> items.add(AccountJson.encode(user)));
    Responses.json(context, 200, body);
  }

  void login(Context context) {
    Credentials credentials =
        AccountJson.decodeCredentials(Responses.parseBody(context.bodyAsBytes()));
    Login login = authenticator.login(credentials.username(), credentials.password(), context.ip());
    boolean secure =
        "https".equalsIgnoreCase(context.scheme())
            || "https".equalsIgnoreCase(context.header("X-Forwarded-Proto"));
    context.header("Set-Cookie", cookie(login.secret(), Authenticator.SESSION_LENGTH, secure));
    context.header("Cache-Control", "no-store");
    LOG.info("{} logged in for {}", credentials.username(), login.caller().organisation());
    ObjectNode body = describe(login.caller());
    body.put("expiresAt", login.expiresAt().toString());
    Responses.json(context, 201, body);
  }

  /**
   * Who is calling; anonymous callers (and expired sessions) get {"authenticated": false}, with the
   * identity provider to sign in through when the deployment has one (the login page's button).
   */
  void current(Context context) {
    Caller caller;
    try {
      caller = authenticator.authenticate(context);
    } catch (AccessDeniedException e) {
      ObjectNode nobody = Json.object().put("authenticated", false);
      if (oidcProvider != null) {
        nobody
            .putObject("oidc")
            .put("provider", oidcProvider)
            .put("start", ApiRoutes.PREFIX + "/session/oidc/start");
      }
      Responses.json(context, 200, nobody);
      return;
    }
    ObjectNode body = describe(caller);
    if (oidcProvider != null
        && caller.username() != null
        && caller.username().startsWith(OidcLogin.USERNAME_PREFIX)) {
      // A session of the identity provider logs out there too (a navigation, not a fetch).
      body.put("logout", ApiRoutes.PREFIX + "/session/oidc/logout");
    }
    Responses.json(context, 200, body);
  }

  void logout(Context context) {
    authenticator.logout(context.cookie(Authenticator.SESSION_COOKIE));
    context.header("Set-Cookie", cookie("", Duration.ZERO, false));
    context.status(204);
  }

  static String cookie(String value, Duration lifetime, boolean secure) {
    return String.format(
        Locale.ROOT,
        "%s=%s; Path=/; Max-Age=%d; HttpOnly; SameSite=Strict%s",
        Authenticator.SESSION_COOKIE,
        value,
        Math.max(0, lifetime.toSeconds()),
        secure ? "; Secure" : "");
  }

  /** Who the caller is, and the settings of the pages it may now open (the maps' tile layer). */
  private ObjectNode describe(Caller caller) {
    ObjectNode body = Json.object();
    body.put("authenticated", true);
    if (caller.username() != null) {
      body.put("username", caller.username());
    }
    body.put("organisation", caller.organisation());
    body.put("role", caller.role().wireName());
    caller
        .registered()
        .ifPresent(
            organisation -> {
              body.put("organisationName", organisation.name());
              body.put("organisationType", organisation.type().wireName());
              body.put("country", organisation.country().code());
            });
    body.put("platform", caller.isPlatform());
    if (mapTiles != null) {
      body.putObject("mapTiles")
          .put("url", mapTiles.urlTemplate())
          .put("attribution", mapTiles.attribution());
    }
    return body;
  }

  private static void requireOwnOrganisation(Caller caller, String organisation) {
    if (!caller.isPlatform() && !caller.organisation().equals(organisation)) {
      throw AccessDeniedException.forbidden(
          "an admin adds users to its own organisation ("
              + caller.organisation()
              + ") only, not to "
              + organisation);
    }
  }
}
