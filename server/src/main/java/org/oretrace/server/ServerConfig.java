package org.oretrace.server;

import static java.util.Objects.requireNonNull;

import org.oretrace.server.api.MapTiles;
import org.oretrace.server.auth.OidcConfig;
import org.oretrace.server.epcis.WebhookAllowList;
import org.oretrace.server.epcis.WebhookTrust;

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
 * @param webhookTrust the authorities an https webhook receiver's certificate must chain to (the
 *     JDK's trust store by default; an operator adds private ones)
 */
public record ServerConfig(
    String host,
    int port,
    String adminToken,
    boolean keepClientAddresses,
    OidcConfig oidc,
    String oidcName,
    MapTiles mapTiles,
    WebhookAllowList webhookAllow,
    WebhookTrust webhookTrust) {

  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_HOST = "0.0.0.0";

  /** The shortest admin token accepted: shorter ones are too easy to guess. */
  public static final int MINIMUM_ADMIN_TOKEN_LENGTH = 16;

  public ServerConfig {
    requireNonNull(host, "host is null");
    requireNonNull(webhookAllow, "webhookAllow is null");
    requireNonNull(webhookTrust, "webhookTrust is null");
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
   * destination and trusting the JDK's authorities for https webhooks.
   */
  public ServerConfig(
      String host, int port, String adminToken, boolean keepClientAddresses, OidcConfig oidc) {
    this(
        host,
        port,
        adminToken,
        keepClientAddresses,
        oidc,
        null,
        null,
        WebhookAllowList.none(),
        WebhookTrust.jdkDefault());
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

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return defaults().toBuilder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  public ServerConfig withHost(String newHost) {
    return toBuilder().host(newHost).build();
  }

  public ServerConfig withPort(int newPort) {
    return toBuilder().port(newPort).build();
  }

  public ServerConfig withAdminToken(String newAdminToken) {
    return toBuilder().adminToken(newAdminToken).build();
  }

  public ServerConfig withClientAddresses(boolean keep) {
    return toBuilder().keepClientAddresses(keep).build();
  }

  /** With users logging in through this OpenID Connect provider (null for none, and no name). */
  public ServerConfig withOidc(OidcConfig newOidc) {
    return toBuilder().oidc(newOidc).oidcName(newOidc == null ? null : oidcName).build();
  }

  /** With the identity provider shown by this name on the login page (null: the issuer's host). */
  public ServerConfig withOidcName(String newOidcName) {
    return toBuilder().oidcName(newOidcName).build();
  }

  /** With this online tile layer under the maps' outlines (null for none, the default). */
  public ServerConfig withMapTiles(MapTiles newMapTiles) {
    return toBuilder().mapTiles(newMapTiles).build();
  }

  /** Allowing these restricted webhook destinations. */
  public ServerConfig withWebhookAllow(WebhookAllowList newWebhookAllow) {
    return toBuilder().webhookAllow(newWebhookAllow).build();
  }

  /** Checking https webhook receivers' certificates against these authorities. */
  public ServerConfig withWebhookTrust(WebhookTrust newWebhookTrust) {
    return toBuilder().webhookTrust(newWebhookTrust).build();
  }

  /**
   * Settings one at a time, checked together by {@link #build()} (the record's constructor): the
   * one place besides the record's components that a new setting is added to.
   */
  public static final class Builder {
    private String host;
    private int port;
    private String adminToken;
    private boolean keepClientAddresses;
    private OidcConfig oidc;
    private String oidcName;
    private MapTiles mapTiles;
    private WebhookAllowList webhookAllow;
    private WebhookTrust webhookTrust;

    private Builder(ServerConfig from) {
      host = from.host;
      port = from.port;
      adminToken = from.adminToken;
      keepClientAddresses = from.keepClientAddresses;
      oidc = from.oidc;
      oidcName = from.oidcName;
      mapTiles = from.mapTiles;
      webhookAllow = from.webhookAllow;
      webhookTrust = from.webhookTrust;
    }

    public Builder host(String newHost) {
      host = newHost;
      return this;
    }

    public Builder port(int newPort) {
      port = newPort;
      return this;
    }

    public Builder adminToken(String newAdminToken) {
      adminToken = newAdminToken;
      return this;
    }

    public Builder keepClientAddresses(boolean keep) {
      keepClientAddresses = keep;
      return this;
    }

    public Builder oidc(OidcConfig newOidc) {
      oidc = newOidc;
      return this;
    }

    public Builder oidcName(String newOidcName) {
      oidcName = newOidcName;
      return this;
    }

    public Builder mapTiles(MapTiles newMapTiles) {
      mapTiles = newMapTiles;
      return this;
    }

    public Builder webhookAllow(WebhookAllowList newWebhookAllow) {
      webhookAllow = newWebhookAllow;
      return this;
    }

    public Builder webhookTrust(WebhookTrust newWebhookTrust) {
      webhookTrust = newWebhookTrust;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalArgumentException when a setting is out of range or two disagree
     */
    public ServerConfig build() {
      return new ServerConfig(
          host,
          port,
          adminToken,
          keepClientAddresses,
          oidc,
          oidcName,
          mapTiles,
          webhookAllow,
          webhookTrust);
    }
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
        + ", webhookTrust="
        + webhookTrust
        + "]";
  }
}
