package org.oretrace.server.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;
import org.oretrace.server.TestStores;
import org.oretrace.store.json.Json;

/**
 * Webhook delivery over real TLS: a JDK HTTPS receiver on a free port of the loopback address,
 * named {@link TestCertificates#HOST} by the test resolver, presenting certificates made at test
 * time ({@link TestCertificates}), and a server that trusts the throwaway authority through a PEM
 * file ({@code --webhook-trust}). A delivery reaches the receiver with the name sent as SNI and the
 * body intact; a certificate for another name, one nobody trusts, one from the authority when the
 * server was not told to trust it, and an expired one are each refused before a byte of the request
 * is sent, and the subscription's owner reads why in {@code lastFailure}. Over https, too, the
 * delivery connects to the address its check approved, not to a later answer of the DNS.
 */
class WebhookTlsTest {

  private static final String ADMIN = TestServer.START_UP_ADMIN_TOKEN;
  private static final String SECRET = "a0f2c4b6d8e1a3c5e7f9b1d3f5a7c9e1";
  private static final InetAddress LOOPBACK = address(127, 0, 0, 1);
  private static final InetAddress SECOND_LOOPBACK = address(127, 0, 0, 2);

  /**
   * One request a receiver got: its Host header, the SNI names of its handshake, its signature
   * header and the signature its body bytes should have, and the body.
   */
  private record Request(
      String host, List<String> serverNames, String signature, String bodySignature, String body) {}

  private final TestCertificates certificates = TestCertificates.get();
  private final List<HttpsServer> receivers = new ArrayList<>();
  private TestServer server;

  @TempDir Path folder;

  private static InetAddress address(int... bytes) {
    try {
      return InetAddress.getByAddress(
          new byte[] {(byte) bytes[0], (byte) bytes[1], (byte) bytes[2], (byte) bytes[3]});
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    receivers.forEach(receiver -> receiver.stop(0));
  }

  /** An HTTPS receiver on the address and port (0: any free one) presenting this chain. */
  private HttpsServer receiver(
      InetAddress address, int port, BlockingQueue<Request> got, X509Certificate... chain)
      throws IOException {
    SSLContext context = certificates.receiver(chain);
    HttpsServer receiver = HttpsServer.create(new InetSocketAddress(address, port), 0);
    receiver.setHttpsConfigurator(new HttpsConfigurator(context));
    receiver.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          SSLSession session = ((HttpsExchange) exchange).getSSLSession();
          List<String> names = new ArrayList<>();
          if (session instanceof ExtendedSSLSession extended) {
            for (SNIServerName name : extended.getRequestedServerNames()) {
              names.add(name instanceof SNIHostName host ? host.getAsciiName() : name.toString());
            }
          }
          got.add(
              new Request(
                  exchange.getRequestHeaders().getFirst("Host"),
                  names,
                  exchange.getRequestHeaders().getFirst("GS1-Signature"),
                  SubscriptionDelivery.signature(SECRET, body),
                  new String(body, StandardCharsets.UTF_8)));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    receivers.add(receiver);
    return receiver;
  }

  /** A server allowing the loopback receivers and trusting the test authority (or not). */
  private void startServer(String allowed, boolean trustTheAuthority) throws IOException {
    Path trustFile = folder.resolve("authority.pem");
    Files.writeString(
        trustFile,
        "# the agency's private authority\n" + TestCertificates.pem(certificates.authority));
    server =
        new TestServer(
            TestStores.open(),
            config -> {
              var allowing = config.withWebhookAllow(WebhookAllowList.parse(allowed));
              return trustTheAuthority
                  ? allowing.withWebhookTrust(WebhookTrust.load(trustFile, null))
                  : allowing;
            });
    ShippedQuery.save(server);
  }

  private Response subscribe(String destination) {
    Response subscribed =
        server.post(
            "/epcis/queries/shipped/subscriptions",
            "{\"dest\": \""
                + destination
                + "\", \"signatureToken\": \""
                + SECRET
                + "\", \"stream\": true}",
            ADMIN);
    assertThat(subscribed.status()).as(subscribed.text()).isEqualTo(201);
    return subscribed;
  }

  private void captureTheChain() {
    Response capture = server.post("/epcis/capture", EpcisFixtures.CHAIN, server.recorderToken());
    assertThat(capture.status()).isEqualTo(202);
    assertThat(
            server.get(capture.header("Location").orElseThrow()).json().get("success").asBoolean())
        .isTrue();
  }

  /**
   * The subscription as its owner reads it once it shows this field ({@code lastFailure}, {@code
   * lastNotifiedAt}), or null if it did not within 15 s.
   */
  private JsonNode subscriptionOnceItHas(String location, String field)
      throws InterruptedException {
    for (int poll = 0; poll < 150; poll++) {
      JsonNode subscription = server.get(location).json();
      if (subscription.has(field)) {
        return subscription;
      }
      Thread.sleep(100);
    }
    return null;
  }

  /**
   * Subscribes to the receiver by this name, captures, and answers the failure the owner reads,
   * checking that nothing was delivered.
   */
  private String refusal(String name, int port, BlockingQueue<Request> got) throws Exception {
    RebindingResolver.script(name, LOOPBACK);
    String location =
        subscribe("https://" + name + ":" + port + "/hook").header("Location").orElseThrow();
    captureTheChain();
    JsonNode subscription = subscriptionOnceItHas(location, "lastFailure");
    assertThat(subscription).as("the owner sees the failure").isNotNull();
    assertThat(subscription.has("lastNotifiedAt")).isFalse();
    assertThat(subscription.at("/lastFailure/at").asText()).isNotEmpty();
    assertThat(got).as("no request reaches a receiver that failed the handshake").isEmpty();
    return subscription.at("/lastFailure/reason").asText();
  }

  @Test
  void deliversOverHttpsToTheNameTheCertificateHolds() throws Exception {
    BlockingQueue<Request> got = new LinkedBlockingQueue<>();
    HttpsServer receiver = receiver(LOOPBACK, 0, got, certificates.issued, certificates.authority);
    int port = receiver.getAddress().getPort();
    startServer("127.0.0.1/32", true);
    RebindingResolver.script(TestCertificates.HOST, LOOPBACK);
    String location =
        subscribe("https://" + TestCertificates.HOST + ":" + port + "/hook")
            .header("Location")
            .orElseThrow();

    captureTheChain();

    Request request = got.poll(15, TimeUnit.SECONDS);
    assertThat(request).as("the receiver got the delivery").isNotNull();
    assertThat(request.serverNames()).containsExactly(TestCertificates.HOST);
    assertThat(request.host()).isEqualTo(TestCertificates.HOST + ":" + port);
    assertThat(request.signature())
        .as("the body arrived as signed, byte for byte")
        .isEqualTo(request.bodySignature());
    JsonNode document = Json.parse(request.body().getBytes(StandardCharsets.UTF_8));
    assertThat(document.path("type").asText()).isEqualTo("EPCISQueryDocument");
    assertThat(document.at("/epcisBody/queryResults/resultsBody/eventList").size()).isPositive();
    // The delivery is recorded once the receiver's answer is read, just after the receiver got it.
    JsonNode subscription = subscriptionOnceItHas(location, "lastNotifiedAt");
    assertThat(subscription).as("the delivery was recorded as accepted").isNotNull();
    assertThat(subscription.has("lastFailure")).isFalse();
    assertThat(request.body()).contains("shipping");
  }

  @Test
  void refusesACertificateForAnotherName() throws Exception {
    BlockingQueue<Request> got = new LinkedBlockingQueue<>();
    HttpsServer receiver = receiver(LOOPBACK, 0, got, certificates.issued, certificates.authority);
    startServer("127.0.0.1/32", true);

    String reason = refusal("elsewhere.rebind.test", receiver.getAddress().getPort(), got);

    assertThat(reason)
        .startsWith("TLS with elsewhere.rebind.test failed")
        .contains("the receiver's certificate is not for elsewhere.rebind.test");
  }

  @Test
  void refusesACertificateNobodyTrusts() throws Exception {
    BlockingQueue<Request> got = new LinkedBlockingQueue<>();
    HttpsServer receiver = receiver(LOOPBACK, 0, got, certificates.selfSigned);
    startServer("127.0.0.1/32", true);

    String reason = refusal(TestCertificates.HOST, receiver.getAddress().getPort(), got);

    assertThat(reason).contains("not issued by an authority this server trusts", "--webhook-trust");
  }

  @Test
  void refusesThePrivateAuthorityUnlessTheOperatorTrustsIt() throws Exception {
    BlockingQueue<Request> got = new LinkedBlockingQueue<>();
    HttpsServer receiver = receiver(LOOPBACK, 0, got, certificates.issued, certificates.authority);
    startServer("127.0.0.1/32", false);

    String reason = refusal(TestCertificates.HOST, receiver.getAddress().getPort(), got);

    assertThat(reason).contains("not issued by an authority this server trusts");
  }

  @Test
  void refusesAnExpiredCertificate() throws Exception {
    BlockingQueue<Request> got = new LinkedBlockingQueue<>();
    HttpsServer receiver = receiver(LOOPBACK, 0, got, certificates.expired, certificates.authority);
    startServer("127.0.0.1/32", true);

    String reason = refusal(TestCertificates.HOST, receiver.getAddress().getPort(), got);

    assertThat(reason).contains("the receiver's certificate has expired");
  }

  @Test
  void connectsToTheCheckedAddressOverHttpsToo() throws Exception {
    // Two receivers on one port with the same valid certificate: the allowed one on 127.0.0.2 and
    // an internal one on 127.0.0.1, which would complete the handshake just as well if reached.
    BlockingQueue<Request> allowedGot = new LinkedBlockingQueue<>();
    BlockingQueue<Request> internalGot = new LinkedBlockingQueue<>();
    HttpsServer internal = null;
    for (int attempt = 0; internal == null; attempt++) {
      HttpsServer allowed =
          receiver(SECOND_LOOPBACK, 0, allowedGot, certificates.issued, certificates.authority);
      try {
        internal =
            receiver(
                LOOPBACK,
                allowed.getAddress().getPort(),
                internalGot,
                certificates.issued,
                certificates.authority);
      } catch (BindException taken) {
        allowed.stop(0);
        receivers.remove(allowed);
        if (attempt == 20) {
          throw taken;
        }
      }
    }
    int port = internal.getAddress().getPort();
    startServer("127.0.0.2/32", true);
    // The subscription's check and the delivery's check see 127.0.0.2; any later lookup, 127.0.0.1.
    RebindingResolver.script(TestCertificates.HOST, SECOND_LOOPBACK, SECOND_LOOPBACK, LOOPBACK);
    subscribe("https://" + TestCertificates.HOST + ":" + port + "/hook");

    captureTheChain();

    Request request = allowedGot.poll(15, TimeUnit.SECONDS);
    assertThat(request).as("the checked address gets the delivery").isNotNull();
    assertThat(request.serverNames()).containsExactly(TestCertificates.HOST);
    assertThat(internalGot.poll(2, TimeUnit.SECONDS))
        .as("the rebound address gets nothing")
        .isNull();
    assertThat(RebindingResolver.lookups(TestCertificates.HOST)).isEqualTo(2);
  }
}
