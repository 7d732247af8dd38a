package org.oretrace.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.sim.Scenario;
import org.oretrace.sim.SimulationOptions;
import org.oretrace.sim.World;
import org.oretrace.store.Recorder;
import org.oretrace.store.Store;
import org.oretrace.store.Stores;
import org.oretrace.store.json.EventJson;
import org.oretrace.store.json.Json;

/**
 * Times capture through the same path as the API's batch insert: JSON batch bytes are parsed and
 * decoded ({@link EventJson}), then recorded ({@link Recorder}: structural check, one SQLite
 * transaction, custody graph update). The events are a simulated Great Lakes world, so the mix of
 * tags, shipments, merges and processing is realistic. The world is generated and encoded before
 * the clock starts; the database is a fresh SQLite file in a temporary folder, or the empty
 * database given with {@code --db} (PostgreSQL), so that the two stores are timed on the same path.
 */
final class CaptureBenchmark {

  /**
   * The figures of a run. CPU seconds are those of the capturing thread: SQLite runs on it too, so
   * on a loaded machine they show what capture would reach with the core to itself; PostgreSQL's
   * server processes are not counted.
   */
  record Result(
      int events,
      int batchSize,
      double seconds,
      double cpuSeconds,
      double decodeSeconds,
      String storeName) {
    String line() {
      return String.format(
          Locale.ROOT,
          "capture: events=%,d batch=%,d seconds=%.2f events/s=%,.0f cpu-seconds=%.2f events/cpu-s=%,.0f"
              + " (JSON decode %.0f%% of the time; store: %s)",
          events,
          batchSize,
          seconds,
          events / seconds,
          cpuSeconds,
          events / cpuSeconds,
          100 * decodeSeconds / seconds,
          storeName);
    }
  }

  /**
   * Runs the benchmark.
   *
   * @param databaseUrl null for a temporary SQLite file, or the JDBC URL of an empty database
   */
  static Result run(int lots, int batchSize, long seed, String databaseUrl) {
    World world = Scenario.greatLakes().generate(SimulationOptions.of(seed, lots));
    List<CustodyEvent> events = world.events();
    List<byte[]> batches = new ArrayList<>();
    for (int start = 0; start < events.size(); start += batchSize) {
      batches.add(
          Json.bytes(
              EventJson.encodeAll(
                  events.subList(start, Math.min(events.size(), start + batchSize)))));
    }
    Path folder;
    try {
      folder = Files.createTempDirectory("oretrace-bench-capture");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Store store = Stores.open(databaseUrl, folder)) {
      if (store.custody().eventCount() > 0 || store.registry().siteCount() > 0) {
        throw new Failures.UserError(
            Main.EXIT_USAGE,
            "--db must name an empty database (it receives the benchmark's world), but "
                + Stores.describe(databaseUrl, folder)
                + " holds data");
      }
      store.registry().putSites(world.sites());
      store.registry().putActors(world.actors());
      Recorder recorder = Recorder.open(store);
      long decodeNanos = 0;
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      for (byte[] batch : batches) {
        long decodeStart = System.nanoTime();
        List<CustodyEvent> decoded = EventJson.decodeBatch(Json.parse(batch));
        decodeNanos += System.nanoTime() - decodeStart;
        recorder.record(decoded);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      return new Result(
          events.size(),
          batchSize,
          seconds,
          cpuSeconds,
          decodeNanos / 1e9,
          databaseUrl == null ? "SQLite WAL" : Stores.describe(databaseUrl, folder));
    } finally {
      deleteQuietly(folder);
    }
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A temporary folder left behind is harmless.
    }
  }
}
