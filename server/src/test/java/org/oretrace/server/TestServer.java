package org.oretrace.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.oretrace.core.Country;
import org.oretrace.core.access.Organisation;
import org.oretrace.core.access.OrganisationType;
import org.oretrace.core.access.Role;
import org.oretrace.server.auth.TokenSecrets;
import org.oretrace.server.auth.TokenSecrets.MintedToken;
import org.oretrace.store.Recorder;
import org.oretrace.store.Store;
import org.oretrace.store.TokenStore.ApiToken;
import org.oretrace.store.json.Json;

/**
 * A real Oretrace server on a free port of 127.0.0.1, over a {@link Store} (SQLite by default),
 * with one stored token per role (of organisations registered as the DRC's regulator and police)
 * and an admin token given at start-up, and an HTTP client to talk to it. {@link #get(String)}
 * reads as the platform administrator, who sees the whole record; {@link #getAnonymously} and
 * {@link #get(String, String...)} with an Authorization header read as someone else. Close it after
 * the test.
 */
public final class TestServer implements AutoCloseable {

  public static final String START_UP_ADMIN_TOKEN = "start-up-admin-token-0123456789";

  private final Store store;
  private final Recorder recorder;
  private final OretraceServer server;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String viewerToken;
  private final String recorderToken;
  private final String investigatorToken;
  private final String adminToken;
  private final int port;

  public TestServer() {
    this(TestStores.open());
  }

  public TestServer(Store store) {
    this(store, UnaryOperator.identity());
  }

  /** A server whose configuration {@code configure} adjusts (an identity provider, say). */
  public TestServer(Store store, UnaryOperator<ServerConfig> configure) {
    this.store = store;
    for (String regulator : List.of("ministry-of-mines", "field-office-rubaya", "regulator")) {
      store
          .accounts()
          .putOrganisation(
              new Organisation(
                  regulator, regulator, OrganisationType.REGULATOR, new Country("CD"), List.of()));
    }
    store
        .accounts()
        .putOrganisation(
            new Organisation(
                "police", "Police", OrganisationType.POLICE, new Country("CD"), List.of()));
    this.viewerToken = addToken(Role.VIEWER, "ministry-of-mines");
    this.recorderToken = addToken(Role.RECORDER, "field-office-rubaya");
    this.investigatorToken = addToken(Role.INVESTIGATOR, "police");
    this.adminToken = addToken(Role.ADMIN, "regulator");
    this.recorder = Recorder.open(store);
    this.server =
        new OretraceServer(
            configure.apply(new ServerConfig("127.0.0.1", 0, START_UP_ADMIN_TOKEN)), recorder);
    this.port = server.start();
  }

  private String addToken(Role role, String organisation) {
    MintedToken token = TokenSecrets.mint();
    store.tokens().add(new ApiToken(token.secretHash(), organisation, role, Instant.now()));
    return token.secret();
  }

  public OretraceServer server() {
    return server;
  }

  public Store store() {
    return store;
  }

  public Recorder recorder() {
    return recorder;
  }

  public int port() {
    return port;
  }

  public String viewerToken() {
    return viewerToken;
  }

  public String recorderToken() {
    return recorderToken;
  }

  public String investigatorToken() {
    return investigatorToken;
  }

  public String adminToken() {
    return adminToken;
  }

  /** GETs as the platform administrator (the start-up admin token), who sees everything. */
  public Response get(String path) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + START_UP_ADMIN_TOKEN)
            .GET());
  }

  /** GETs without any credentials. */
  public Response getAnonymously(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  /**
   * GETs with extra headers (name, value, name, value...), as the platform administrator unless
   * they hold an Authorization or Cookie header.
   */
  public Response get(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    boolean credentials = false;
    for (int index = 0; index < headers.length; index += 2) {
      request.header(headers[index], headers[index + 1]);
      credentials |=
          headers[index].equalsIgnoreCase("Authorization")
              || headers[index].equalsIgnoreCase("Cookie");
    }
    if (!credentials) {
      request.header("Authorization", "Bearer " + START_UP_ADMIN_TOKEN);
    }
    return send(request);
  }

  /** POSTs bytes of a given media type with an optional bearer token. */
  public Response post(String path, byte[] body, String contentType, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  /** POSTs a body with an optional bearer token and extra headers (name, value, name, value...). */
  public Response post(String path, String body, String token, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    for (int index = 0; index < headers.length; index += 2) {
      request.header(headers[index], headers[index + 1]);
    }
    return send(request);
  }

  /** PUTs a JSON body with a bearer token (null for none). */
  public Response put(String path, String body, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  /** Posts the standard registry (sites and actors) as the start-up admin. */
  public void seedRegistry() {
    Response sites = post("/api/v1/sites", Fixtures.SITES, START_UP_ADMIN_TOKEN);
    Response actors = post("/api/v1/actors", Fixtures.ACTORS, START_UP_ADMIN_TOKEN);
    if (sites.status() != 200 || actors.status() != 200) {
      throw new IllegalStateException("seeding failed: " + sites.text() + " " + actors.text());
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(
              request.timeout(Duration.ofSeconds(20)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers().map().entrySet().stream()
              .filter(entry -> !entry.getKey().isEmpty())
              .flatMap(entry -> entry.getValue().stream().map(v -> entry.getKey() + ": " + v))
              .toList(),
          response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
    store.close();
  }

  /** An HTTP answer: status, content type, headers as "name: value" and the body text. */
  public record Response(int status, String contentType, List<String> headers, String text) {

    public JsonNode json() {
      return Json.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    public Optional<String> header(String name) {
      String prefix = name + ": ";
      return headers.stream()
          .filter(line -> line.regionMatches(true, 0, prefix, 0, prefix.length()))
          .map(line -> line.substring(prefix.length()))
          .findFirst();
    }
  }
}
