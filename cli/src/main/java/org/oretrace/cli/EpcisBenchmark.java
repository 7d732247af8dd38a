package org.oretrace.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Site;
import org.oretrace.server.OretraceServer;
import org.oretrace.server.ServerConfig;
import org.oretrace.sim.Scenario;
import org.oretrace.sim.SimulationOptions;
import org.oretrace.sim.World;
import org.oretrace.store.Recorder;
import org.oretrace.store.epcis.EpcisMapper;
import org.oretrace.store.json.Json;
import org.oretrace.store.sqlite.SqliteStore;

/**
 * Times EPCIS capture end to end, as a partner system would see it: a simulated Great Lakes world's
 * events, mapped to EPCIS 2.0 JSON-LD documents before the clock starts, are POSTed to {@code
 * /epcis/capture} of a real server on a free port (JSON parse, GS1 JSON Schema validation, mapping,
 * Recorder, storage of the EPCIS events), one document per batch, one client thread. Before the
 * clock starts, a warm-up world (another seed) is captured the same way by a server of its own on a
 * database of its own, so that the figure is the steady state, not the JIT compiler at work.
 */
final class EpcisBenchmark {

  private static final String TOKEN = "bench-admin-token-0123456789abcdef";

  /**
   * @param cpuSeconds the CPU time of the whole process (server and client, every thread) while the
   *     documents were sent: unlike wall time, not inflated by other work on the machine
   */
  record Result(int events, int batchSize, double seconds, double cpuSeconds, int warmupEvents) {
    String line() {
      return String.format(
          Locale.ROOT,
          "epcis capture: events=%,d batch=%,d seconds=%.2f events/s=%,.0f cpu-seconds=%.2f"
              + " cpu-microseconds/event=%.1f events/cpu-second=%,.0f (HTTP, schema validation,"
              + " mapping, Recorder, SQLite WAL; after a warm-up of %,d events)",
          events,
          batchSize,
          seconds,
          events / seconds,
          cpuSeconds,
          cpuSeconds * 1e6 / events,
          events / cpuSeconds,
          warmupEvents);
    }
  }

  /**
   * Runs the benchmark.
   *
   * @param warmupLots the lots of the world captured, untimed, before the timed run; 0 for none
   */
  static Result run(int lots, int batchSize, long seed, int warmupLots) {
    int warmupEvents = warmupLots > 0 ? measure(warmupLots, batchSize, seed + 1, 0).events() : 0;
    return measure(lots, batchSize, seed, warmupEvents);
  }

  private static Result measure(int lots, int batchSize, long seed, int warmupEvents) {
    Input input = Input.of(lots, batchSize, seed);
    List<byte[]> documents = input.documents();
    Path folder;
    try {
      folder = Files.createTempDirectory("oretrace-bench-epcis");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    HttpClient client = HttpClient.newHttpClient();
    try (SqliteStore store = SqliteStore.open(folder.resolve("oretrace.db"))) {
      store.registry().putSites(input.sites());
      store.registry().putActors(input.actors());
      OretraceServer server =
          new OretraceServer(new ServerConfig("127.0.0.1", 0, TOKEN), Recorder.open(store));
      int port = server.start();
      try {
        CaptureBenchmark.settleHeap();
        long start = System.nanoTime();
        long cpuStart = CaptureBenchmark.processCpuNanos();
        for (byte[] document : documents) {
          HttpResponse<byte[]> response =
              client.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/epcis/capture"))
                      .header("Content-Type", "application/ld+json")
                      .header("Authorization", "Bearer " + TOKEN)
                      .POST(HttpRequest.BodyPublishers.ofByteArray(document))
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
          JsonNode job = Json.parse(response.body());
          if (response.statusCode() != 202 || !job.path("success").asBoolean()) {
            throw new IllegalStateException("capture refused: " + Json.text(job));
          }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (CaptureBenchmark.processCpuNanos() - cpuStart) / 1e9;
        return new Result(input.events(), batchSize, seconds, cpuSeconds, warmupEvents);
      } finally {
        server.stop();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      CaptureBenchmark.deleteQuietly(folder);
    }
  }

  /**
   * What the client sends: the world's events as EPCIS documents, and the registry they refer to.
   * The world's event records are dropped once mapped, so that the timed run does not carry them.
   */
  private record Input(List<Site> sites, List<Actor> actors, List<byte[]> documents, int events) {

    static Input of(int lots, int batchSize, long seed) {
      World world = Scenario.greatLakes().generate(SimulationOptions.of(seed, lots));
      List<CustodyEvent> events = world.events();
      List<byte[]> documents = new ArrayList<>();
      for (int start = 0; start < events.size(); start += batchSize) {
        ObjectNode document = Json.object();
        document.set("@context", EpcisMapper.context());
        document.put("type", "EPCISDocument");
        document.put("schemaVersion", "2.0");
        document.put("creationDate", "2025-01-01T00:00:00Z");
        ArrayNode list = document.putObject("epcisBody").putArray("eventList");
        for (CustodyEvent event :
            events.subList(start, Math.min(events.size(), start + batchSize))) {
          list.add(EpcisMapper.toEpcis(event));
        }
        documents.add(Json.bytes(document));
      }
      return new Input(world.sites(), world.actors(), documents, events.size());
    }
  }
}
