package org.oretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oretrace.store.CustodyStore.LotFilter;
import org.oretrace.store.PageRequest;
import org.oretrace.store.Stores;
import org.oretrace.store.ledger.LedgerVerifier;
import org.oretrace.store.ledger.VerificationReport;
import org.oretrace.store.sqlite.SqliteStore;

/**
 * Kill -9 during capture loses no acknowledged event (DESIGN.md, reliability goal). The real server
 * runs as its own JVM ({@code oretrace serve}, on this test's class path); batches of ten events
 * stream in over HTTP; the process is killed with SIGKILL mid-stream; a new server on the same data
 * folder must then hold every batch answered 201, the ledger must verify, and every batch must be
 * there whole or not at all.
 */
class CrashRecoveryTest {

  private static final String ADMIN_TOKEN = "crash-test-admin-token-0123456789";
  private static final int BATCH = 10;
  private static final Pattern URL = Pattern.compile("running at (http://\\S+)");

  private static final String WORLD =
      """
      {"sites": [{"id": "CD-NK-001", "name": "Luwowo", "country": "CD",
                  "location": {"lat": -1.60, "lon": 28.95}, "minerals": ["coltan"],
                  "icglrStatus": "green"}],
       "actors": [{"id": "COOP-1", "name": "Cooperative", "kind": "cooperative", "country": "CD"}],
       "events": [%s]}
      """;

  @TempDir Path folder;

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void everyAcknowledgedBatchSurvivesSigkillWholeAndTheLedgerVerifies() throws Exception {
    Path data = folder.resolve("data");
    Path world = folder.resolve("world.json");
    Files.writeString(world, WORLD.formatted(tag(0)));
    assertThat(Main.commandLine().execute("import", "--data", data.toString(), world.toString()))
        .isZero();

    Process server = start(data);
    String url = awaitUrl(server);
    List<Integer> acknowledged = new ArrayList<>();
    CompletableFuture<Void> load =
        CompletableFuture.runAsync(
            () -> {
              for (int batch = 1; batch < 100_000; batch++) {
                try {
                  if (post(url, batch) == 201) {
                    synchronized (acknowledged) {
                      acknowledged.add(batch);
                    }
                  }
                } catch (Exception e) {
                  return; // the server is gone
                }
              }
            });
    // Kill once capture is under way, however slow a loaded machine makes the first batches.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (acknowledgedCount(acknowledged) < 20 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    server.destroyForcibly(); // SIGKILL on Linux, while batches are in flight
    server.waitFor(10, TimeUnit.SECONDS);
    load.get(20, TimeUnit.SECONDS);
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(20);

    Process restarted = start(data);
    try {
      String newUrl = awaitUrl(restarted);
      HttpResponse<String> health =
          client.send(
              HttpRequest.newBuilder(URI.create(newUrl + "/api/v1/health")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
    } finally {
      restarted.destroy();
      restarted.waitFor(10, TimeUnit.SECONDS);
    }

    try (SqliteStore store = SqliteStore.open(data.resolve(Stores.SQLITE_FILE))) {
      for (int batch : acknowledged) {
        for (int index = 0; index < BATCH; index++) {
          assertThat(store.custody().event(eventId(batch, index))).isPresent();
        }
      }

      long events = store.custody().eventCount();
      // The lots of every stored event, including those the killed process held back from the
      // lots table (replayed when the server started again).
      assertThat(store.custody().lots(LotFilter.ANY, PageRequest.first(1)).total())
          .isEqualTo(events);
      for (int batch : acknowledged) {
        String lot = "LOT-" + (batch * BATCH + BATCH - 1);
        assertThat(store.custody().lot(lot)).isPresent();
        assertThat(store.custody().eventsOfLot(lot))
            .extracting(stored -> stored.event().id())
            .containsExactly(eventId(batch, BATCH - 1));
      }
      assertThat((events - 1) % BATCH).as("no batch is half-written").isZero();
      for (int batch = 1; batch <= (events - 1) / BATCH; batch++) {
        assertThat(store.custody().event(eventId(batch, BATCH - 1))).isPresent();
      }
      VerificationReport report =
          new LedgerVerifier(store.ledger(), store.ledger().verifierKey()).verify(position -> {});
      assertThat(report.findings()).isEmpty();
      assertThat(report.logSize()).isEqualTo(events + report.records());
      assertThat(report.records())
          .isEqualTo(store.registry().siteCount() + store.registry().actorCount());
    }
  }

  private static int acknowledgedCount(List<Integer> acknowledged) {
    synchronized (acknowledged) {
      return acknowledged.size();
    }
  }

  private Process start(Path data) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "serve",
                "--data",
                data.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                "0")
            .redirectError(folder.resolve("server-err.log").toFile());
    builder.environment().put(ServeOptions.ADMIN_TOKEN_VARIABLE, ADMIN_TOKEN);
    return builder.start();
  }

  private static String awaitUrl(Process server) throws Exception {
    CompletableFuture<String> url =
        CompletableFuture.supplyAsync(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  Matcher matcher = URL.matcher(line);
                  if (matcher.find()) {
                    return matcher.group(1);
                  }
                }
                throw new IllegalStateException("the server ended without saying where it runs");
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    return url.get(30, TimeUnit.SECONDS);
  }

  private int post(String url, int batch) throws Exception {
    List<String> events = new ArrayList<>(BATCH);
    for (int index = 0; index < BATCH; index++) {
      events.add(
          tag(batch * BATCH + index)
              .replace(
                  "\"e-" + (batch * BATCH + index) + "\"", "\"" + eventId(batch, index) + "\""));
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url + "/api/v1/events"))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + ADMIN_TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", events) + "]"))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String eventId(int batch, int index) {
    return "b" + batch + "-" + index;
  }

  private static String tag(int number) {
    return """
        {"id": "e-%d", "type": "tag", "time": "2025-05-01T08:00:00+02:00",
         "place": {"lat": -1.60, "lon": 28.95}, "actor": "COOP-1", "recordedBy": "phone-17",
         "lot": "LOT-%d", "tagNumber": "TAG-%d", "site": "CD-NK-001", "mineral": "coltan",
         "massGrams": %d}
        """
        .formatted(number, number, number, 10_000 + number);
  }
}
