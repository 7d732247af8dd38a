package org.oretrace.server.auth;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.oretrace.core.access.Role;

/**
 * How Oretrace logs users in through an OpenID Connect identity provider (authorization code flow
 * with PKCE, {@link OidcLogin}). Users are not added by hand: the ID token's claims say which
 * organisation and role a user acts for.
 *
 * @param issuer the provider's issuer URL; its discovery document is at {@code
 *     <issuer>/.well-known/openid-configuration}
 * @param clientId the client id Oretrace is registered under at the provider
 * @param clientSecret the client's secret (sent to the token endpoint with HTTP Basic)
 * @param redirectUri this server's callback as registered at the provider, ending in {@code
 *     /api/v1/session/oidc/callback}
 * @param organisationClaim the claim naming the user's organisation (a text or an array of texts)
 * @param organisations claim value to registered organisation id; empty when the claim's value is
 *     the organisation id itself
 * @param roleClaim the claim naming the user's role
 * @param roles claim value to role; empty when the claim's value is the role's name ({@code
 *     analyst}, {@code investigator}...)
 */
public record OidcConfig(
    URI issuer,
    String clientId,
    String clientSecret,
    URI redirectUri,
    String organisationClaim,
    Map<String, String> organisations,
    String roleClaim,
    Map<String, Role> roles) {

  public static final String DEFAULT_ORGANISATION_CLAIM = "oretrace_organisation";
  public static final String DEFAULT_ROLE_CLAIM = "oretrace_role";

  public OidcConfig {
    requireNonNull(issuer, "issuer is null");
    requireNonNull(clientId, "clientId is null");
    requireNonNull(clientSecret, "clientSecret is null");
    requireNonNull(redirectUri, "redirectUri is null");
    requireNonNull(organisationClaim, "organisationClaim is null");
    requireNonNull(roleClaim, "roleClaim is null");
    organisations = Map.copyOf(requireNonNull(organisations, "organisations is null"));
    roles = Map.copyOf(requireNonNull(roles, "roles is null"));
    if (!issuer.isAbsolute() || !redirectUri.isAbsolute()) {
      throw new IllegalArgumentException("the issuer and the redirect URI must be absolute URLs");
    }
    if (clientId.isBlank()) {
      throw new IllegalArgumentException("the client id is blank");
    }
  }

  /** A configuration with the default claims, their values taken as they are. */
  public OidcConfig(URI issuer, String clientId, String clientSecret, URI redirectUri) {
    this(
        issuer,
        clientId,
        clientSecret,
        redirectUri,
        DEFAULT_ORGANISATION_CLAIM,
        Map.of(),
        DEFAULT_ROLE_CLAIM,
        Map.of());
  }

  /**
   * The configuration in environment variables, or empty when {@code ORETRACE_OIDC_ISSUER} is not
   * set: {@code ORETRACE_OIDC_ISSUER}, {@code _CLIENT_ID}, {@code _CLIENT_SECRET}, {@code
   * _REDIRECT_URI}, and optionally {@code _ORGANISATION_CLAIM}, {@code _ROLE_CLAIM}, {@code
   * _ORGANISATIONS} and {@code _ROLES} (mappings written {@code value=id,value=id}).
   *
   * @throws IllegalArgumentException when the issuer is set and another required variable is not,
   *     or a value is malformed
   */
  public static Optional<OidcConfig> fromEnvironment(Map<String, String> environment) {
    String issuer = environment.get("ORETRACE_OIDC_ISSUER");
    if (issuer == null || issuer.isBlank()) {
      return Optional.empty();
    }
    Map<String, Role> roles = new LinkedHashMap<>();
    mapping(environment.get("ORETRACE_OIDC_ROLES"))
        .forEach((value, role) -> roles.put(value, Role.fromWireName(role)));
    return Optional.of(
        new OidcConfig(
            URI.create(issuer.strip()),
            required(environment, "ORETRACE_OIDC_CLIENT_ID"),
            required(environment, "ORETRACE_OIDC_CLIENT_SECRET"),
            URI.create(required(environment, "ORETRACE_OIDC_REDIRECT_URI")),
            environment.getOrDefault(
                "ORETRACE_OIDC_ORGANISATION_CLAIM", DEFAULT_ORGANISATION_CLAIM),
            mapping(environment.get("ORETRACE_OIDC_ORGANISATIONS")),
            environment.getOrDefault("ORETRACE_OIDC_ROLE_CLAIM", DEFAULT_ROLE_CLAIM),
            roles));
  }

  private static String required(Map<String, String> environment, String name) {
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must be set with ORETRACE_OIDC_ISSUER");
    }
    return value.strip();
  }

  private static Map<String, String> mapping(String text) {
    Map<String, String> mapping = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return mapping;
    }
    for (String pair : text.split(",")) {
      int equals = pair.indexOf('=');
      if (equals <= 0 || equals == pair.length() - 1) {
        throw new IllegalArgumentException("a mapping is written value=id,value=id; got " + text);
      }
      mapping.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
    }
    return mapping;
  }

  /** Never shows the client secret, so that the configuration can be logged. */
  @Override
  public String toString() {
    return "OidcConfig[issuer="
        + issuer
        + ", clientId="
        + clientId
        + ", redirectUri="
        + redirectUri
        + ", organisationClaim="
        + organisationClaim
        + ", roleClaim="
        + roleClaim
        + "]";
  }

  /** The provider's name for people: its issuer's host ({@code login.example.org}). */
  public String providerName() {
    return issuer.getHost() == null ? issuer.toString() : issuer.getHost();
  }
}
