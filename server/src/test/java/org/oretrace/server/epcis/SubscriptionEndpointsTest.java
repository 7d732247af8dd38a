package org.oretrace.server.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;
import org.oretrace.server.TestStores;
import org.oretrace.store.epcis.QuerySubscription;
import org.oretrace.store.json.Json;

/**
 * Query subscriptions delivered to a real webhook receiver (a JDK HTTP server on a free port of the
 * loopback address, which the server is told to allow): a stream gets each capture's matching
 * events once, signed; a schedule gets what was recorded since its last delivery; refused
 * deliveries are sent again; bad controls are refused; destinations on restricted addresses are
 * refused when the operator did not allow them, at subscription time and at delivery.
 */
class SubscriptionEndpointsTest {

  private static final String ADMIN = TestServer.START_UP_ADMIN_TOKEN;
  private static final String SECRET = "13df38d8275b13f05704629e5f1cf3d45d6132d5";

  /** One POST the receiver got. */
  private record Delivery(String uri, String signature, byte[] body) {
    JsonNode document() {
      return Json.parse(body);
    }

    List<String> bizSteps() {
      List<String> steps = new ArrayList<>();
      document()
          .at("/epcisBody/queryResults/resultsBody/eventList")
          .forEach(event -> steps.add(event.path("bizStep").asText()));
      return steps;
    }
  }

  private TestServer server;
  private final BlockingQueue<Delivery> received = new LinkedBlockingQueue<>();
  private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
  private HttpServer receiver;

  @BeforeEach
  void startTheReceiverAndSaveAQuery() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          Integer answer = answers.poll();
          int status = answer == null ? 200 : answer;
          if (status == 200) {
            received.add(
                new Delivery(
                    exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("GS1-Signature"),
                    body));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
    server =
        new TestServer(
            TestStores.open(),
            config ->
                config.withWebhookAllow(
                    WebhookAllowList.parse("127.0.0.1:" + receiver.getAddress().getPort())));
    ShippedQuery.save(server);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    receiver.stop(0);
  }

  private String hook() {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }

  private Response subscribe(String body) {
    return server.post("/epcis/queries/shipped/subscriptions", body, ADMIN);
  }

  private void captureTheChain() {
    Response capture = server.post("/epcis/capture", EpcisFixtures.CHAIN, server.recorderToken());
    assertThat(capture.status()).isEqualTo(202);
    assertThat(
            server.get(capture.header("Location").orElseThrow()).json().get("success").asBoolean())
        .isTrue();
  }

  private Delivery next(int seconds) throws InterruptedException {
    return received.poll(seconds, TimeUnit.SECONDS);
  }

  private static String hmac(byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
  }

  @Test
  void streamsEachCapturesMatchingEventsOnceSigned() throws Exception {
    Response subscribed =
        subscribe(
            "{\"dest\": \""
                + hook()
                + "\", \"signatureToken\": \""
                + SECRET
                + "\", \"stream\": true}");
    assertThat(subscribed.status()).as(subscribed.text()).isEqualTo(201);
    assertThat(subscribed.text()).doesNotContain(SECRET);
    String location = subscribed.header("Location").orElseThrow();
    assertThat(location)
        .startsWith("/epcis/queries/shipped/subscriptions/")
        .endsWith(subscribed.json().get("subscriptionID").asText());

    captureTheChain();

    Delivery delivery = next(15);
    assertThat(delivery).as("a stream delivery").isNotNull();
    assertThat(delivery.signature()).isEqualTo(hmac(delivery.body()));
    JsonNode document = delivery.document();
    assertThat(document.get("type").asText()).isEqualTo("EPCISQueryDocument");
    assertThat(document.at("/epcisBody/queryResults/queryName").asText()).isEqualTo("shipped");
    assertThat(delivery.bizSteps()).isNotEmpty().allMatch("shipping"::equals);
    JsonNode event = document.at("/epcisBody/queryResults/resultsBody/eventList/0");
    assertThat(event.has("recordTime")).isTrue();
    assertThat(server.get("/epcis/events?EQ_bizStep=shipping").json().toString())
        .contains(event.get("eventID").asText());

    assertThat(new SchemaValidation().validate(document)).isEmpty();
    assertThat(next(2)).as("nothing more without a new capture").isNull();
    assertThat(server.get(location).json().has("lastNotifiedAt")).isTrue();
  }

  @Test
  void retriesAStreamDeliveryTheReceiverRefused() throws Exception {
    subscribe("{\"dest\": \"" + hook() + "\", \"stream\": true}");
    answers.add(503);
    answers.add(500);

    captureTheChain();

    Delivery delivery = next(20);
    assertThat(delivery).as("delivered on the third attempt").isNotNull();
    assertThat(delivery.signature()).as("no token, no signature").isNull();
    assertThat(delivery.bizSteps()).isNotEmpty().allMatch("shipping"::equals);
    assertThat(answers).isEmpty();
  }

  @Test
  void sendsWhatWasRecordedSinceTheLastScheduledRun() throws Exception {
    captureTheChain();
    Response subscribed =
        subscribe(
            "{\"dest\": \""
                + hook()
                + "\", \"signatureToken\": \""
                + SECRET
                + "\", \"schedule\": {\"second\": \"[0-59]\"}, \"initialRecordTime\": \""
                + Instant.now().minus(Duration.ofHours(1))
                + "\"}");
    assertThat(subscribed.status()).as(subscribed.text()).isEqualTo(201);

    Delivery first = next(20);
    assertThat(first).as("the scheduled run").isNotNull();
    assertThat(first.signature()).isEqualTo(hmac(first.body()));
    assertThat(first.bizSteps()).isNotEmpty().allMatch("shipping"::equals);
    assertThat(next(4)).as("no new event, no report (reportIfEmpty is false)").isNull();
  }

  @Test
  void reportsEmptyRunsWhenAsked() throws Exception {
    subscribe(
        "{\"dest\": \""
            + hook()
            + "\", \"schedule\": {\"second\": \"[0-59]\"}, \"reportIfEmpty\": true}");

    Delivery empty = next(20);
    assertThat(empty).isNotNull();
    assertThat(empty.document().at("/epcisBody/queryResults/resultsBody/eventList").isEmpty())
        .isTrue();
  }

  @Test
  void listsReadsAndDeletesSubscriptionsAndStopsDelivering() throws Exception {
    String id =
        subscribe("{\"dest\": \"" + hook() + "\", \"stream\": true}")
            .json()
            .get("subscriptionID")
            .asText();
    JsonNode listed = server.get("/epcis/queries/shipped/subscriptions").json();
    assertThat(listed)
        .singleElement()
        .satisfies(s -> assertThat(s.get("stream").asBoolean()).isTrue());

    assertThat(delete("/epcis/queries/shipped/subscriptions/" + id)).isEqualTo(204);
    assertThat(server.get("/epcis/queries/shipped/subscriptions/" + id).status()).isEqualTo(404);
    captureTheChain();
    assertThat(next(3)).as("unsubscribed").isNull();

    subscribe("{\"dest\": \"" + hook() + "\", \"stream\": true}");
    assertThat(delete("/epcis/queries/shipped")).isEqualTo(204);
    assertThat(server.store().epcis().subscriptions(null, 0, 10)).isEmpty();
  }

  @Test
  void refusesControlsThatCannotWork() {
    String[] bodies = {
      "{\"stream\": true}",
      "{\"dest\": \"ftp://example.com/x\", \"stream\": true}",
      "{\"dest\": \"" + hook() + "\"}",
      "{\"dest\": \"" + hook() + "\", \"stream\": true, \"schedule\": {\"minute\": \"5\"}}",
      "{\"dest\": \"" + hook() + "\", \"schedule\": {\"minute\": \"[50-70]\"}}",
      "{\"dest\": \"" + hook() + "\", \"schedule\": {\"fortnight\": \"1\"}}",
      "{\"dest\": \"" + hook() + "\", \"stream\": \"yes\"}",
    };
    for (String body : bodies) {
      Response refused = subscribe(body);
      assertThat(refused.status()).as(body).isEqualTo(400);
      assertThat(refused.json().get("type").asText())
          .as(body)
          .isEqualTo("epcisException:SubscriptionControlsException");
    }
    Response unknown =
        server.post(
            "/epcis/queries/nothing/subscriptions",
            "{\"dest\": \"" + hook() + "\", \"stream\": true}",
            ADMIN);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("type").asText()).isEqualTo("epcisException:NoSuchNameException");
    assertThat(
            server
                .post(
                    "/epcis/queries/shipped/subscriptions",
                    "{\"dest\": \"" + hook() + "\", \"stream\": true}",
                    null)
                .status())
        .isEqualTo(401);
    assertThat(server.get("/epcis/queries/shipped/subscriptions").json()).isEmpty();
  }

  @Test
  void refusesDestinationsOnRestrictedAddressesTheOperatorDidNotAllow() {
    int port = receiver.getAddress().getPort();
    String[] destinations = {
      "http://127.0.0.1:" + (port == 65_535 ? port - 1 : port + 1) + "/hook",
      "http://localhost:" + port + "/hook",
      "http://169.254.169.254/latest/meta-data/",
      "http://10.1.2.3/hook",
      "http://192.168.0.10:8080/hook",
      "https://[::1]:" + port + "/hook",
      "http://[::ffff:127.0.0.1]:" + port + "/hook",
      "http://224.0.0.1/hook",
      "http://0.0.0.0:" + port + "/hook",
      "http://no-such-host.invalid/hook",
    };
    for (String destination : destinations) {
      Response refused = subscribe("{\"dest\": \"" + destination + "\", \"stream\": true}");
      assertThat(refused.status()).as(destination).isEqualTo(400);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      JsonNode problem = refused.json();
      assertThat(problem.get("type").asText())
          .isEqualTo("epcisException:SubscriptionControlsException");
      assertThat(problem.at("/errors/0/field").asText()).isEqualTo("dest");
      assertThat(problem.get("detail").asText())
          .as(destination)
          .containsAnyOf("address, which webhooks may not reach", "does not resolve");
    }
    assertThat(server.get("/epcis/queries/shipped/subscriptions").json()).isEmpty();
    Response publicAddress =
        subscribe("{\"dest\": \"https://93.184.215.14/hook\", \"schedule\": {\"hour\": \"1\"}}");
    assertThat(publicAddress.status()).as(publicAddress.text()).isEqualTo(201);
  }

  @Test
  void checksTheDestinationAgainAtEachDelivery() throws Exception {
    // A subscription made when its name resolved elsewhere (or before the operator narrowed the
    // allow-list): stored as it was, it must still not be delivered to a restricted address.
    String allowedId =
        subscribe("{\"dest\": \"" + hook() + "?allowed\", \"stream\": true}")
            .json()
            .get("subscriptionID")
            .asText();
    QuerySubscription allowed = server.store().epcis().subscription(allowedId).orElseThrow();
    server
        .store()
        .epcis()
        .putSubscription(
            new QuerySubscription(
                allowedId + "-rebound",
                allowed.queryName(),
                "http://localhost:" + receiver.getAddress().getPort() + "/hook?rebound",
                null,
                true,
                null,
                false,
                allowed.organisation(),
                allowed.role(),
                allowed.createdAt().plusMillis(1),
                allowed.minRecordTime(),
                null));

    captureTheChain();

    Delivery delivery = next(15);
    assertThat(delivery).as("the allowed destination gets its delivery").isNotNull();
    assertThat(delivery.uri()).endsWith("?allowed");
    assertThat(next(4)).as("the restricted one gets nothing").isNull();
    assertThat(
            server
                .get("/epcis/queries/shipped/subscriptions/" + allowedId + "-rebound")
                .json()
                .has("lastNotifiedAt"))
        .isFalse();
  }

  private int delete(String path) throws IOException, InterruptedException {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                  .header("Authorization", "Bearer " + ADMIN)
                  .DELETE()
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    }
  }
}
