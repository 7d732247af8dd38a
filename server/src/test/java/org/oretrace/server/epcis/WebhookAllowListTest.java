package org.oretrace.server.epcis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operator's allow-list: what each form of entry matches, and entries that are refused. */
class WebhookAllowListTest {

  @Test
  void matchesHostsWithOrWithoutPorts() {
    WebhookAllowList allowed = WebhookAllowList.parse("Hooks.Internal,127.0.0.1:9000,[::1]:8443");
    assertThat(allowed.allowsHost("hooks.internal", 443)).isTrue();
    assertThat(allowed.allowsHost("HOOKS.INTERNAL", 8080)).isTrue();
    assertThat(allowed.allowsHost("127.0.0.1", 9000)).isTrue();
    assertThat(allowed.allowsHost("127.0.0.1", 9001)).isFalse();
    assertThat(allowed.allowsHost("[::1]", 8443)).isTrue();
    assertThat(allowed.allowsHost("::1", 8443)).isTrue();
    assertThat(allowed.allowsHost("other.internal", 443)).isFalse();
    assertThat(allowed).hasToString("hooks.internal,127.0.0.1:9000,[::1]:8443");
  }

  @Test
  void matchesAddressesInsideCidrBlocks() throws Exception {
    WebhookAllowList allowed =
        WebhookAllowList.of(List.of("10.20.0.0/16", "172.16.0.0/12", "fd00::/8"));
    assertThat(allowed.allowsAddress(InetAddress.getByName("10.20.255.1"))).isTrue();
    assertThat(allowed.allowsAddress(InetAddress.getByName("10.21.0.1"))).isFalse();
    assertThat(allowed.allowsAddress(InetAddress.getByName("172.31.0.1"))).isTrue();
    assertThat(allowed.allowsAddress(InetAddress.getByName("172.32.0.1"))).isFalse();
    assertThat(allowed.allowsAddress(InetAddress.getByName("fd12::1"))).isTrue();
    assertThat(allowed.allowsAddress(InetAddress.getByName("fe80::1"))).isFalse();
    assertThat(WebhookAllowList.parse("0.0.0.0/0").allowsAddress(InetAddress.getByName("1.2.3.4")))
        .isTrue();
  }

  @Test
  void isEmptyByDefault() {
    assertThat(WebhookAllowList.none().isEmpty()).isTrue();
    assertThat(WebhookAllowList.parse("").isEmpty()).isTrue();
    assertThat(WebhookAllowList.none().allowsHost("localhost", 80)).isFalse();
  }

  @Test
  void refusesEntriesThatAreNeitherHostNorBlock() {
    for (String entry :
        List.of(
            "10.0.0.0/33",
            "10.0.0.0/x",
            "example.com/8",
            "::1:8080",
            "host:0",
            "host:70000",
            "host:http",
            "[::1",
            "[::1]8080",
            "exa mple.com",
            "http://example.com")) {
      assertThatThrownBy(() -> WebhookAllowList.parse(entry))
          .as(entry)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(entry);
    }
  }
}
