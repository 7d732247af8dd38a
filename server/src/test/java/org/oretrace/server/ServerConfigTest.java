package org.oretrace.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.oretrace.server.api.MapTiles;
import org.oretrace.server.auth.OidcConfig;

class ServerConfigTest {

  @Test
  void defaultsToEveryInterfaceOnPort8080WithoutAdminToken() {
    ServerConfig config = ServerConfig.defaults();

    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.adminToken()).isNull();
  }

  @Test
  void refusesBadPortsHostsAndShortAdminTokens() {
    assertThatThrownBy(() -> ServerConfig.defaults().withPort(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ServerConfig.defaults().withPort(65_536))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ServerConfig.defaults().withHost(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ServerConfig.defaults().withAdminToken("short"))
        .hasMessageContaining("at least 16");
    assertThatThrownBy(() -> ServerConfig.defaults().withAdminToken("has a space in the token"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void neverShowsTheAdminTokenInItsText() {
    ServerConfig config = ServerConfig.defaults().withAdminToken("very-secret-admin-token");

    assertThat(config.toString()).doesNotContain("very-secret").contains("(set)");
  }

  @Test
  void namesTheIdentityProviderByItsHostUnlessGivenAName() {
    OidcConfig oidc =
        new OidcConfig(
            URI.create("https://login.example.org/realms/mines"),
            "oretrace",
            "secret",
            URI.create("https://oretrace.example.org/api/v1/session/oidc/callback"));
    ServerConfig config = ServerConfig.defaults().withOidc(oidc);

    assertThat(config.oidcDisplayName()).isEqualTo("login.example.org");
    assertThat(config.withOidcName("Ministry login").oidcDisplayName()).isEqualTo("Ministry login");
    assertThat(ServerConfig.defaults().oidcDisplayName()).isNull();
    assertThatThrownBy(() -> ServerConfig.defaults().withOidcName("Ministry login"))
        .hasMessageContaining("ORETRACE_OIDC_ISSUER");
    assertThatThrownBy(() -> config.withOidcName(" ")).hasMessageContaining("blank");
  }

  @Test
  void mapTilesAreAnHttpTemplateWithAnAttribution() {
    MapTiles tiles = MapTiles.at("https://{s}.tiles.example.org/{z}/{x}/{y}{r}.png");

    assertThat(tiles.attribution()).isEqualTo("Map tiles: a.tiles.example.org");
    assertThat(ServerConfig.defaults().mapTiles()).isNull();
    assertThat(ServerConfig.defaults().withMapTiles(tiles).withPort(9090).mapTiles())
        .isEqualTo(tiles);
    assertThat(ServerConfig.defaults().withMapTiles(tiles).toString())
        .contains("https://{s}.tiles.example.org/{z}/{x}/{y}{r}.png");
    assertThatThrownBy(() -> MapTiles.at("https://tiles.example.org/{z}/{x}.png"))
        .hasMessageContaining("{z}, {x} and {y}");
    assertThatThrownBy(() -> MapTiles.at("ftp://tiles.example.org/{z}/{x}/{y}.png"))
        .hasMessageContaining("http or https");
    assertThatThrownBy(() -> MapTiles.at("/tiles/{z}/{x}/{y}.png"))
        .hasMessageContaining("http or https");
    assertThatThrownBy(() -> new MapTiles("https://tiles.example.org/{z}/{x}/{y}.png", " "))
        .hasMessageContaining("attribution");
  }

  @Test
  void aBuilderChecksTheSettingsTogetherWhenBuilt() {
    MapTiles tiles = MapTiles.at("https://{s}.tiles.example.org/{z}/{x}/{y}{r}.png");

    ServerConfig built =
        ServerConfig.builder()
            .host("127.0.0.1")
            .port(9090)
            .adminToken("very-secret-admin-token")
            .keepClientAddresses(false)
            .mapTiles(tiles)
            .build();

    assertThat(built)
        .isEqualTo(
            ServerConfig.defaults()
                .withHost("127.0.0.1")
                .withPort(9090)
                .withAdminToken("very-secret-admin-token")
                .withClientAddresses(false)
                .withMapTiles(tiles));
    assertThat(built.toBuilder().port(0).build().port()).isZero();
    assertThat(built.port()).isEqualTo(9090);
    ServerConfig.Builder named = ServerConfig.builder().oidcName("Ministry login");
    assertThatThrownBy(named::build).hasMessageContaining("ORETRACE_OIDC_ISSUER");
  }
}
