package org.oretrace.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
}
