package org.oretrace.server.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;
import org.oretrace.server.TestStores;

/**
 * DNS rebinding against webhook deliveries, with a resolver that changes its answer between lookups
 * ({@link RebindingResolver}) and two real receivers on one port: an allowed one on 127.0.0.2 (the
 * operator allows 127.0.0.2/32) and an internal service on 127.0.0.1, which webhooks may not reach.
 * A name that answers 127.0.0.2 to the checks and 127.0.0.1 afterwards must still be delivered to
 * 127.0.0.2, the address checked; a name that turns to 127.0.0.1 before the delivery's check must
 * not be delivered at all.
 */
class WebhookRebindingTest {

  private static final String ADMIN = TestServer.START_UP_ADMIN_TOKEN;
  private static final InetAddress ALLOWED = address(127, 0, 0, 2);
  private static final InetAddress INTERNAL = address(127, 0, 0, 1);
  private static final InetAddress PUBLIC = address(93, 184, 215, 14);

  private final BlockingQueue<String> allowedGot = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> internalGot = new LinkedBlockingQueue<>();
  private HttpServer allowedReceiver;
  private HttpServer internalReceiver;
  private TestServer server;

  private static InetAddress address(int... bytes) {
    try {
      return InetAddress.getByAddress(
          new byte[] {(byte) bytes[0], (byte) bytes[1], (byte) bytes[2], (byte) bytes[3]});
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpServer receiver(InetAddress address, int port, BlockingQueue<String> got)
      throws IOException {
    HttpServer receiver = HttpServer.create(new InetSocketAddress(address, port), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          got.add(exchange.getRequestHeaders().getFirst("Host"));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    return receiver;
  }

  @BeforeEach
  void startTheReceiversAndSaveAQuery() throws IOException {
    for (int attempt = 0; internalReceiver == null; attempt++) {
      allowedReceiver = receiver(ALLOWED, 0, allowedGot);
      try {
        internalReceiver = receiver(INTERNAL, allowedReceiver.getAddress().getPort(), internalGot);
      } catch (BindException taken) {
        allowedReceiver.stop(0);
        if (attempt == 20) {
          throw taken;
        }
      }
    }
    server =
        new TestServer(
            TestStores.open(),
            config ->
                config.withWebhookAllow(
                    WebhookAllowList.parse("127.0.0.2/32,nowhere.rebind.test,gone.rebind.test")));
    ShippedQuery.save(server);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    allowedReceiver.stop(0);
    internalReceiver.stop(0);
  }

  private String hook(String name) {
    return "http://" + name + ":" + allowedReceiver.getAddress().getPort() + "/hook";
  }

  private Response subscribe(String destination) {
    return server.post(
        "/epcis/queries/shipped/subscriptions",
        "{\"dest\": \"" + destination + "\", \"stream\": true}",
        ADMIN);
  }

  private void captureTheChain() {
    Response capture = server.post("/epcis/capture", EpcisFixtures.CHAIN, server.recorderToken());
    assertThat(capture.status()).isEqualTo(202);
    assertThat(
            server.get(capture.header("Location").orElseThrow()).json().get("success").asBoolean())
        .isTrue();
  }

  @Test
  void deliversToTheAddressCheckedNotToALaterAnswer() throws Exception {
    String name = "hooks.rebind.test";
    // The subscription's check and the delivery's check see 127.0.0.2; any lookup after them
    // (a client resolving the name again to connect) would get 127.0.0.1.
    RebindingResolver.script(name, ALLOWED, ALLOWED, INTERNAL);
    Response subscribed = subscribe(hook(name));
    assertThat(subscribed.status()).as(subscribed.text()).isEqualTo(201);

    captureTheChain();

    String host = allowedGot.poll(15, TimeUnit.SECONDS);
    assertThat(host).as("the checked address gets the delivery").isNotNull();
    assertThat(host).isEqualTo(name + ":" + allowedReceiver.getAddress().getPort());
    assertThat(internalGot.poll(2, TimeUnit.SECONDS))
        .as("the rebound address gets nothing")
        .isNull();
    assertThat(RebindingResolver.lookups(name))
        .as("one lookup at subscription, one at delivery (no cache hid them), none to connect")
        .isEqualTo(2);
  }

  @Test
  void refusesADeliveryToANameThatNowResolvesToLoopback() throws Exception {
    String name = "turns-loopback.rebind.test";
    // Public when subscribed, loopback by the time of the delivery, not allowed by the operator.
    RebindingResolver.script(name, PUBLIC, INTERNAL);
    Response subscribed = subscribe(hook(name));
    assertThat(subscribed.status()).as(subscribed.text()).isEqualTo(201);
    String location = subscribed.header("Location").orElseThrow();

    captureTheChain();

    assertThat(internalGot.poll(4, TimeUnit.SECONDS)).as("loopback gets nothing").isNull();
    assertThat(allowedGot).isEmpty();
    assertThat(RebindingResolver.lookups(name)).isEqualTo(2);
    assertThat(server.get(location).json().has("lastNotifiedAt")).isFalse();

    String loopbackName = "loopback.rebind.test";
    RebindingResolver.script(loopbackName, INTERNAL);
    Response refused = subscribe(hook(loopbackName));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("detail").asText())
        .contains("resolves to 127.0.0.1, a loopback address");
  }

  @Test
  void anAllowedNameMustResolveToBeSubscribedAndFailsDeliveryWhenItNoLongerDoes() throws Exception {
    // Allowed by name, but not in the DNS: a subscription that could deliver nothing is refused.
    Response refused = subscribe(hook("nowhere.rebind.test"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("type").asText()).contains("SubscriptionControlsException");
    assertThat(refused.json().get("detail").asText())
        .contains("nowhere.rebind.test does not resolve");

    // Resolving when subscribed, gone from the DNS by the delivery: an unreachable receiver.
    String name = "gone.rebind.test";
    RebindingResolver.script(name, ALLOWED);
    Response subscribed = subscribe(hook(name));
    assertThat(subscribed.status()).as(subscribed.text()).isEqualTo(201);
    String location = subscribed.header("Location").orElseThrow();
    RebindingResolver.unscript(name);

    captureTheChain();

    JsonNode failure = null;
    for (int poll = 0; poll < 150 && failure == null; poll++) {
      JsonNode subscription = server.get(location).json();
      failure = subscription.get("lastFailure");
      if (failure == null) {
        Thread.sleep(100);
      }
    }
    assertThat(failure).as("the owner sees why nothing arrives").isNotNull();
    assertThat(failure.get("reason").asText())
        .isEqualTo("unreachable: " + name + " does not resolve");
    assertThat(allowedGot).isEmpty();
    assertThat(internalGot).isEmpty();
    assertThat(server.get(location).json().has("lastNotifiedAt")).isFalse();
  }
}
