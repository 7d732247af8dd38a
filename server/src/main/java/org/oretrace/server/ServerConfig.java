package org.oretrace.server;

import static java.util.Objects.requireNonNull;

import org.oretrace.server.api.MapTiles;
import org.oretrace.server.auth.OidcConfig;
import org.oretrace.server.epcis.WebhookAllowList;

/**
 * How the server runs, declared once with defaults that work out of the box: every interface on
 * port 8080, no admin token (then only tokens in the store can write).
 *
 * @param host the address to bind, e.g. 0.0.0.0 for every interface or 127.0.0.1 for this machine
 * @param port the TCP port, or 0 for any free port (the bound port is returned by {@code start()})
 * @param adminToken a token that acts as an administrator, held in memory only, or null for none
 * @param keepClientAddresses whether case audit trails keep the address each request came from (on
 *     by default; a deployment whose privacy rules forbid it turns it off)
 * @param oidc the OpenID Connect provider users may log in through, or null for none
 * @param oidcName the provider's name on the login page's "Sign in with" button, or null for its
 *     issuer's host; only with an {@code oidc} provider
 * @param mapTiles an online tile layer for the web application's maps, or null (the default) for
 *     the shipped country outlines alone, with nothing fetched from another site
 * @param webhookAllow the webhook destinations allowed although they resolve to loopback,
 *     link-local, private or multicast addresses (none by default)
 */
public record ServerConfig(
    String host,
    int port,
    String adminToken,
    boolean keepClientAddresses,
    OidcConfig oidc,
    String oidcName,
    MapTiles mapTiles,
    WebhookAllowList webhookAllow) {

  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_HOST = "0.0.0.0";

  /** The shortest admin token accepted: shorter ones are too easy to guess. */
  public static final int MINIMUM_ADMIN_TOKEN_LENGTH = 16;

  public ServerConfig {
    requireNonNull(host, "host is null");
    requireNonNull(webhookAllow, "webhookAllow is null");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host is blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
    }
    if (adminToken != null
        && (adminToken.length() < MINIMUM_ADMIN_TOKEN_LENGTH
            || adminToken.chars().anyMatch(Character::isWhitespace))) {
      throw new IllegalArgumentException(
          "the admin token must be at least "
              + MINIMUM_ADMIN_TOKEN_LENGTH
              + " characters without spaces");
    }
    if (oidcName != null && (oidcName.isBlank() || oidc == null)) {
      throw new IllegalArgumentException(
          oidc == null
              ? "a name for the identity provider needs a provider (ORETRACE_OIDC_ISSUER is not set)"
              : "the identity provider's name is blank");
    }
  }

  /**
   * A configuration without a provider name of its own or map tiles, allowing no restricted webhook
   * destination.
   */
  public ServerConfig(
      String host, int port, String adminToken, boolean keepClientAddresses, OidcConfig oidc) {
    this(host, port, adminToken, keepClientAddresses, oidc, null, null, WebhookAllowList.none());
  }

  /** A configuration without an identity provider. */
  public ServerConfig(String host, int port, String adminToken, boolean keepClientAddresses) {
    this(host, port, adminToken, keepClientAddresses, null);
  }

  /** A configuration that keeps client addresses in case audit trails. */
  public ServerConfig(String host, int port, String adminToken) {
    this(host, port, adminToken, true);
  }

  public static ServerConfig defaults() {
    return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, null);
  }

  public ServerConfig withHost(String newHost) {
    return new ServerConfig(
        newHost, port, adminToken, keepClientAddresses, oidc, oidcName, mapTiles, webhookAllow);
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(
        host, newPort, adminToken, keepClientAddresses, oidc, oidcName, mapTiles, webhookAllow);
  }

  public ServerConfig withAdminToken(String newAdminToken) {
    return new ServerConfig(
        host, port, newAdminToken, keepClientAddresses, oidc, oidcName, mapTiles, webhookAllow);
  }

  public ServerConfig withClientAddresses(boolean keep) {
    return new ServerConfig(host, port, adminToken, keep, oidc, oidcName, mapTiles, webhookAllow);
  }

  /** With users logging in through this OpenID Connect provider (null for none). */
  public ServerConfig withOidc(OidcConfig newOidc) {
    return new ServerConfig(
        host,
        port,
        adminToken,
        keepClientAddresses,
        newOidc,
        newOidc == null ? null : oidcName,
        mapTiles,
        webhookAllow);
  }

  /** With the identity provider shown by this name on the login page (null: the issuer's host). */
  public ServerConfig withOidcName(String newOidcName) {
    return new ServerConfig(
        host, port, adminToken, keepClientAddresses, oidc, newOidcName, mapTiles, webhookAllow);
  }

  /** With this online tile layer under the maps' outlines (null for none, the default). */
  public ServerConfig withMapTiles(MapTiles newMapTiles) {
    return new ServerConfig(
        host, port, adminToken, keepClientAddresses, oidc, oidcName, newMapTiles, webhookAllow);
  }

  /** Allowing these restricted webhook destinations. */
  public ServerConfig withWebhookAllow(WebhookAllowList newWebhookAllow) {
    return new ServerConfig(
        host, port, adminToken, keepClientAddresses, oidc, oidcName, mapTiles, newWebhookAllow);
  }

  /** The name on the login page's "Sign in with" button, or null without a provider. */
  public String oidcDisplayName() {
    if (oidc == null) {
      return null;
    }
    return oidcName == null ? oidc.providerName() : oidcName;
  }

  /** Never shows the admin token, so that the config can be logged. */
  @Override
  public String toString() {
    return "ServerConfig[host="
        + host
        + ", port="
        + port
        + ", adminToken="
        + (adminToken == null ? "none" : "(set)")
        + ", keepClientAddresses="
        + keepClientAddresses
        + ", oidc="
        + (oidc == null ? "none" : oidc)
        + (oidcName == null ? "" : ", oidcName=" + oidcName)
        + ", mapTiles="
        + (mapTiles == null ? "none" : mapTiles.urlTemplate())
        + ", webhookAllow="
        + webhookAllow
        + "]";
  }
}
