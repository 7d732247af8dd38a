package org.oretrace.server.epcis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which webhook destinations are refused: every kind of address the public internet cannot reach,
 * written as literals (so no test depends on DNS) and as the name {@code localhost}; and what an
 * operator's allow-list lets through.
 */
class WebhookDestinationsTest {

  private static final WebhookDestinations DEFAULT =
      new WebhookDestinations(WebhookAllowList.none());

  @Test
  void refusesAddressesThePublicInternetCannotReach() throws Exception {
    List<String> restricted =
        List.of(
            "127.0.0.1",
            "127.9.9.9",
            "0.0.0.0",
            "0.1.2.3",
            "10.0.0.1",
            "172.16.0.1",
            "172.31.255.254",
            "192.168.1.1",
            "100.64.0.1",
            "169.254.169.254",
            "224.0.0.1",
            "239.255.255.250",
            "255.255.255.255",
            "[::1]",
            "[::]",
            "[fe80::1]",
            "[fc00::1]",
            "[fd12:3456::1]",
            "[fec0::1]",
            "[ff02::1]",
            "[::ffff:127.0.0.1]",
            "[::ffff:10.1.2.3]",
            "[::127.0.0.1]",
            "[64:ff9b::a9fe:a9fe]",
            "localhost");
    for (String host : restricted) {
      URI destination = URI.create("http://" + host + ":8080/hook");
      assertThatThrownBy(() -> DEFAULT.check(destination))
          .as(host)
          .isInstanceOf(WebhookDestinations.Refused.class)
          .hasMessageContaining("--webhook-allow");
    }
  }

  @Test
  void acceptsPublicAddresses() {
    for (String host :
        List.of("93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "[2606:4700::1111]")) {
      assertThatCode(() -> DEFAULT.check(URI.create("https://" + host + "/hook")))
          .as(host)
          .doesNotThrowAnyException();
    }
  }

  @Test
  void namesTheKindOfAddress() throws Exception {
    assertThat(WebhookDestinations.restriction(InetAddress.getByName("169.254.169.254")))
        .isEqualTo("link-local");
    assertThat(WebhookDestinations.restriction(InetAddress.getByName("10.0.0.1")))
        .isEqualTo("private");
    assertThat(WebhookDestinations.restriction(InetAddress.getByName("::1"))).isEqualTo("loopback");
    assertThat(WebhookDestinations.restriction(InetAddress.getByName("8.8.4.4"))).isNull();
    assertThatThrownBy(() -> DEFAULT.check(URI.create("http://169.254.169.254/latest")))
        .hasMessageStartingWith("169.254.169.254 is a link-local address");
    assertThatThrownBy(() -> DEFAULT.check(URI.create("http://localhost:9000/")))
        .hasMessageContaining("localhost resolves to")
        .hasMessageContaining("loopback");
  }

  @Test
  void refusesHostsThatDoNotResolve() {
    assertThatThrownBy(() -> DEFAULT.check(URI.create("http://no-such-host.invalid/hook")))
        .hasMessageContaining("does not resolve");
  }

  @Test
  void letsThroughWhatTheOperatorAllows() throws Exception {
    WebhookDestinations allowing =
        new WebhookDestinations(
            WebhookAllowList.parse("127.0.0.1:9000, hooks.internal, [::1]:9443, 10.20.0.0/16"));
    allowing.check(URI.create("http://127.0.0.1:9000/hook"));
    allowing.check(URI.create("https://[::1]:9443/hook"));
    assertThat(allowing.check(URI.create("http://10.20.3.4/hook")))
        .as("the addresses checked, which the delivery connects to")
        .containsExactly(InetAddress.getByName("10.20.3.4"));
    assertThat(allowing.check(URI.create("https://HOOKS.internal/hook")))
        .as("allowed by name but not resolving: accepted, nothing to connect to")
        .isEmpty();
    for (String refused :
        List.of(
            "http://127.0.0.1:9001/hook",
            "http://127.0.0.1/hook",
            "https://[::1]:9000/hook",
            "http://10.21.0.1/hook",
            "http://localhost:9000/hook")) {
      assertThatThrownBy(() -> allowing.check(URI.create(refused)))
          .as(refused)
          .isInstanceOf(WebhookDestinations.Refused.class);
    }
    WebhookDestinations loopback =
        new WebhookDestinations(WebhookAllowList.parse("127.0.0.0/8,::1/128"));
    loopback.check(URI.create("http://localhost:1234/hook"));
    loopback.check(URI.create("http://127.1.2.3/hook"));
  }
}
