package org.oretrace.server.epcis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oretrace.core.Country;
import org.oretrace.core.access.Organisation;
import org.oretrace.core.access.OrganisationType;
import org.oretrace.core.access.Role;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;
import org.oretrace.server.auth.TokenSecrets;
import org.oretrace.server.auth.TokenSecrets.MintedToken;
import org.oretrace.store.TokenStore.ApiToken;
import org.oretrace.store.json.Json;

/**
 * WebSocket query subscriptions against a real server, with the JDK's WebSocket client: the
 * handshake on {@code /epcis/queries/{name}/events} with {@code stream=true} or a schedule, each
 * delivery an EPCIS query document, the subscriber's need-to-know scope applied, the subscription
 * listed while its socket is open and gone when it closes, refusals as HTTP problems before the
 * upgrade.
 */
class SubscriptionSocketsTest {

  private static final String ADMIN = TestServer.START_UP_ADMIN_TOKEN;

  private final TestServer server = new TestServer();
  private final HttpClient client = HttpClient.newHttpClient();
  private final List<Subscriber> subscribers = new ArrayList<>();

  /** One client socket: the whole text messages it got, and how it was closed. */
  private static final class Subscriber implements WebSocket.Listener {

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode + " " + reason);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete("error " + error);
    }

    JsonNode next(int seconds) throws InterruptedException {
      String message = messages.poll(seconds, TimeUnit.SECONDS);
      return message == null ? null : Json.parse(message.getBytes(StandardCharsets.UTF_8));
    }
  }

  @BeforeEach
  void saveAQuery() {
    ShippedQuery.save(server);
  }

  @AfterEach
  void stop() {
    for (Subscriber subscriber : subscribers) {
      if (subscriber.socket != null) {
        subscriber.socket.abort();
      }
    }
    client.close();
    server.close();
  }

  private Subscriber open(String queryAndControls, String token) throws Exception {
    Subscriber subscriber = new Subscriber();
    WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    subscriber.socket =
        builder
            .buildAsync(
                URI.create(
                    "ws://127.0.0.1:" + server.port() + "/epcis/queries/" + queryAndControls),
                subscriber)
            .get(20, TimeUnit.SECONDS);
    subscribers.add(subscriber);
    return subscriber;
  }

  /** The handshake's HTTP status when the server refuses to upgrade. */
  private int refusedStatus(String queryAndControls, String token) {
    try {
      open(queryAndControls, token);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
      return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("the handshake on " + queryAndControls + " was accepted");
  }

  /** Waits until the query lists this many subscriptions (the socket is subscribed or gone). */
  private JsonNode awaitListed(String query, String token, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    JsonNode listed;
    do {
      listed =
          server
              .get("/epcis/queries/" + query + "/subscriptions", "Authorization", "Bearer " + token)
              .json();
      if (listed.size() == count) {
        return listed;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("expected " + count + " subscriptions, listed " + listed);
  }

  private void captureTheChain() {
    Response capture = server.post("/epcis/capture", EpcisFixtures.CHAIN, server.recorderToken());
    assertThat(capture.status()).isEqualTo(202);
    assertThat(
            server.get(capture.header("Location").orElseThrow()).json().get("success").asBoolean())
        .isTrue();
  }

  private static List<String> bizSteps(JsonNode document) {
    List<String> steps = new ArrayList<>();
    document
        .at("/epcisBody/queryResults/resultsBody/eventList")
        .forEach(event -> steps.add(event.path("bizStep").asText()));
    return steps;
  }

  @Test
  void streamsEachCapturesMatchingEventsAsQueryDocuments() throws Exception {
    Subscriber subscriber = open("shipped/events?stream=true", ADMIN);
    JsonNode listed = awaitListed("shipped", ADMIN, 1);
    assertThat(listed.get(0).get("websocket").asBoolean()).isTrue();
    assertThat(listed.get(0).get("stream").asBoolean()).isTrue();
    assertThat(listed.get(0).has("dest")).isFalse();

    captureTheChain();

    JsonNode document = subscriber.next(15);
    assertThat(document).as("a stream delivery").isNotNull();
    assertThat(document.get("type").asText()).isEqualTo("EPCISQueryDocument");
    assertThat(document.at("/epcisBody/queryResults/queryName").asText()).isEqualTo("shipped");
    assertThat(bizSteps(document)).isNotEmpty().allMatch("shipping"::equals);
    JsonNode event = document.at("/epcisBody/queryResults/resultsBody/eventList/0");
    assertThat(event.has("recordTime")).isTrue();
    assertThat(new SchemaValidation().validate(document)).isEmpty();
    assertThat(subscriber.next(2)).as("nothing more without a new capture").isNull();
  }

  @Test
  void sendsWhatWasRecordedSinceTheInitialRecordTimeOnASchedule() throws Exception {
    captureTheChain();
    Subscriber subscriber =
        open(
            "shipped/events?second=%5B0-59%5D&initialRecordTime="
                + Instant.now().minus(Duration.ofHours(1)),
            ADMIN);

    JsonNode first = subscriber.next(20);
    assertThat(first).as("the scheduled run").isNotNull();
    assertThat(bizSteps(first)).isNotEmpty().allMatch("shipping"::equals);
    assertThat(subscriber.next(4)).as("no new event, no report (reportIfEmpty is false)").isNull();
  }

  @Test
  void reportsEmptyScheduledRunsWhenAsked() throws Exception {
    Subscriber subscriber = open("shipped/events?second=%5B0-59%5D&reportIfEmpty=true", ADMIN);

    JsonNode empty = subscriber.next(20);
    assertThat(empty).isNotNull();
    assertThat(empty.at("/epcisBody/queryResults/resultsBody/eventList").isEmpty()).isTrue();
  }

  @Test
  void sendsOnlyWhatTheSubscriberMaySee() throws Exception {
    server
        .store()
        .accounts()
        .putOrganisation(
            new Organisation(
                "rwanda-regulator",
                "Rwanda Mining Board",
                OrganisationType.REGULATOR,
                new Country("RW"),
                List.of()));
    MintedToken rwanda = TokenSecrets.mint();
    server
        .store()
        .tokens()
        .add(new ApiToken(rwanda.secretHash(), "rwanda-regulator", Role.VIEWER, Instant.now()));
    String query = "{\"name\": \"%s\", \"query\": {\"EQ_bizStep\": [\"shipping\"]}}";
    assertThat(server.post("/epcis/queries", query.formatted("rw"), rwanda.secret()).status())
        .isEqualTo(201);
    assertThat(server.post("/epcis/queries", query.formatted("cd"), server.viewerToken()).status())
        .isEqualTo(201);
    Subscriber stranger = open("rw/events?stream=true", rwanda.secret());
    Subscriber congo = open("cd/events?stream=true", server.viewerToken());
    awaitListed("rw", rwanda.secret(), 1);
    awaitListed("cd", server.viewerToken(), 1);

    captureTheChain();

    JsonNode seen = congo.next(15);
    assertThat(seen).as("the DRC's regulator sees the DRC's shipments").isNotNull();
    assertThat(bizSteps(seen)).isNotEmpty().allMatch("shipping"::equals);
    assertThat(stranger.next(3)).as("Rwanda's regulator does not").isNull();
  }

  @Test
  void aClosedSocketIsNoLongerSubscribed() throws Exception {
    Subscriber subscriber = open("shipped/events?stream=true", ADMIN);
    awaitListed("shipped", ADMIN, 1);

    subscriber.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);

    awaitListed("shipped", ADMIN, 0);
    Subscriber still = open("shipped/events?stream=true", ADMIN);
    awaitListed("shipped", ADMIN, 1);
    captureTheChain();
    assertThat(still.next(15)).as("the open socket still gets deliveries").isNotNull();
  }

  @Test
  void deletingTheQueryOrTheSubscriptionClosesTheSocket() throws Exception {
    Subscriber subscriber = open("shipped/events?stream=true", ADMIN);
    String id = awaitListed("shipped", ADMIN, 1).get(0).get("subscriptionID").asText();
    assertThat(server.get("/epcis/queries/shipped/subscriptions/" + id).json().get("websocket"))
        .isNotNull();

    assertThat(delete("/epcis/queries/shipped/subscriptions/" + id)).isEqualTo(204);
    assertThat(subscriber.closed.get(10, TimeUnit.SECONDS)).startsWith("1000");
    awaitListed("shipped", ADMIN, 0);

    Subscriber another = open("shipped/events?stream=true", ADMIN);
    awaitListed("shipped", ADMIN, 1);
    assertThat(delete("/epcis/queries/shipped")).isEqualTo(204);
    assertThat(another.closed.get(10, TimeUnit.SECONDS)).startsWith("1000");
  }

  @Test
  void refusesBeforeTheUpgrade() {
    assertThat(refusedStatus("shipped/events?stream=true", null)).isEqualTo(401);
    assertThat(refusedStatus("nothing/events?stream=true", ADMIN)).isEqualTo(404);
    assertThat(refusedStatus("shipped/events?stream=true", server.viewerToken()))
        .as("another organisation's query does not exist for it")
        .isEqualTo(404);
    for (String controls :
        List.of(
            "",
            "?stream=false",
            "?stream=true&minute=5",
            "?minute=%5B50-70%5D",
            "?fortnight=1",
            "?stream=yes",
            "?stream=true&initialRecordTime=yesterday")) {
      assertThat(refusedStatus("shipped/events" + controls, ADMIN)).as(controls).isEqualTo(400);
    }
    assertThatThrownBy(() -> open("shipped/events?stream=true&stream=true", ADMIN))
        .hasCauseInstanceOf(WebSocketHandshakeException.class);
    assertThat(server.get("/epcis/queries/shipped/subscriptions").json()).isEmpty();
    assertThat(server.get("/epcis/queries/shipped/events").status())
        .as("the same path without an upgrade answers the query")
        .isEqualTo(200);
  }

  private int delete(String path) throws Exception {
    return client
        .send(
            java.net.http.HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + ADMIN)
                .DELETE()
                .build(),
            java.net.http.HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
