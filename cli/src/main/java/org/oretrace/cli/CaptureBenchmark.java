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
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Site;
import org.oretrace.sim.Scenario;
import org.oretrace.sim.SimulationOptions;
import org.oretrace.sim.World;
import org.oretrace.store.Detection;
import org.oretrace.store.EncodedBatch;
import org.oretrace.store.Recorder;
import org.oretrace.store.Store;
import org.oretrace.store.Stores;
import org.oretrace.store.json.EventJson;
import org.oretrace.store.json.Json;

/**
 * Times capture through the same path as the API's batch insert: JSON batch bytes are parsed and
 * decoded ({@link EventJson}), encoded for the store ({@link EncodedBatch}), then recorded ({@link
 * Recorder}: structural check, one SQLite transaction with the ledger, custody graph update and,
 * with {@code --detection}, the detectors as {@code serve} and {@code demo} attach them). The
 * events are a simulated Great Lakes world, so the mix of tags, shipments, merges and processing is
 * realistic. The world is generated and encoded before the clock starts; the database is a fresh
 * file in a temporary folder, or the empty database given with {@code --db} (PostgreSQL), so that
 * the two stores are timed on the same path.
 *
 * <p>Clients. With {@code --clients N}, N threads share the batches (client c takes batches c, c +
 * N, ...) and each decodes, encodes and records its batch on its own thread, as concurrent HTTP
 * requests would. The world's batches depend on each other (a batch ships lots an earlier one
 * tagged), so a client hands its batch to the recorder only once the previous one is checked
 * ({@link Recorder#check}), as one source streaming its batches in order would (an import, a
 * consumer of a topic); then it waits for the write ({@link Recorder#write}). So with two clients
 * one decodes, encodes and checks batch N+1 while the other stores batch N: the recorder's
 * pipeline. The write is timed as its two steps: the commit in the writer's turn ({@link
 * Recorder#commit}), and the graph update and listeners after it ({@link Recorder#publish}).
 *
 * <p>Warm-up. A server captures for days, so the figure that matters is the steady state, not the
 * first seconds of a JVM whose JIT compiler is still at work (in a cold run of 500,000 events the
 * compiler threads took a quarter of the process's CPU). Before the clock starts, the same pipeline
 * captures a world of the warm-up's size (another seed) into a temporary SQLite file of its own,
 * whose figures are dropped, as JMH's warm-up iterations are.
 */
final class CaptureBenchmark {

  /**
   * The figures of a run. CPU seconds are those of the client threads (decoding, encoding, the
   * check, and the writer's work, SQLite included, which runs on the client whose turn it is to
   * write): on a loaded machine they show what capture would reach with the cores to itself. They
   * are split by stage; the write stage (the commit) is the single writer's, so events per
   * CPU-second of that stage bound what the pipeline can reach however many cores the other stages
   * get; publishing (graph update, listeners) runs beside the next commit. Process CPU adds the
   * JVM's own threads (JIT compiler, garbage collector, SQLite's checkpointer).
   */
  record Result(
      int events,
      int batchSize,
      int clients,
      boolean detection,
      double seconds,
      double cpuSeconds,
      double processCpuSeconds,
      double decodeSeconds,
      double encodeSeconds,
      double checkSeconds,
      double writeSeconds,
      double publishSeconds,
      Garbage garbage,
      String storeName,
      double loadAverageBefore,
      double loadAverageAfter,
      int warmupEvents) {

    /** Events per second of wall clock. */
    double eventsPerSecond() {
      return events / seconds;
    }

    /** Events per CPU-second of the clients' threads: the figure to compare under load. */
    double eventsPerCpuSecond() {
      return events / cpuSeconds;
    }

    /**
     * Events per CPU-second of the write stage (the transaction: events, lots, ledger): the single
     * writer's bound, what capture could reach were the other stages on other cores.
     */
    double eventsPerWriterCpuSecond() {
      return events / writeSeconds;
    }

    String line() {
      return String.format(
          Locale.ROOT,
          "capture: %,d events/s (wall clock), %,.0f events per CPU-second, the writer %,.0f"
              + " events per CPU-second; events=%,d batch=%,d clients=%d detection=%s"
              + " seconds=%.2f cpu-seconds=%.2f process-cpu-seconds=%.2f (the clients' CPU: JSON"
              + " decode %.2f s, encode %.2f s, check %.2f s, write %.2f s, publish %.2f s;"
              + " allocated per event: decode %,d B, encode %,d B, check %,d B, write %,d B,"
              + " publish %,d B; store: %s; load"
              + " average %.1f before, %.1f after; after a warm-up of %,d events)",
          Math.round(eventsPerSecond()),
          eventsPerCpuSecond(),
          eventsPerWriterCpuSecond(),
          events,
          batchSize,
          clients,
          detection ? "on" : "off",
          seconds,
          cpuSeconds,
          processCpuSeconds,
          decodeSeconds,
          encodeSeconds,
          checkSeconds,
          writeSeconds,
          publishSeconds,
          garbage.decodeBytes / events,
          garbage.encodeBytes / events,
          garbage.checkBytes / events,
          garbage.writeBytes / events,
          garbage.publishBytes / events,
          storeName,
          loadAverageBefore,
          loadAverageAfter,
          warmupEvents);
    }
  }

  /**
   * The bytes the client threads allocated by stage ({@code
   * com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}): the garbage each stage leaves
   * per batch, which the collector's CPU (process CPU beyond the clients') grows with.
   */
  static final class Garbage {
    long decodeBytes;
    long encodeBytes;
    long checkBytes;
    long writeBytes;
    long publishBytes;

    void add(Garbage other) {
      decodeBytes += other.decodeBytes;
      encodeBytes += other.encodeBytes;
      checkBytes += other.checkBytes;
      writeBytes += other.writeBytes;
      publishBytes += other.publishBytes;
    }
  }

  /** The bytes this thread allocated so far, or 0 where the JVM does not tell. */
  private static long allocatedBytes() {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads) {
      return threads.getCurrentThreadAllocatedBytes();
    }
    return 0;
  }

  /**
   * Runs the benchmark.
   *
   * @param databaseUrl null for a temporary SQLite file, or the JDBC URL of an empty database
   * @param warmupLots the lots of the world captured, untimed, before the timed run; 0 for none
   */
  static Result run(
      int lots,
      int batchSize,
      long seed,
      int clients,
      boolean detection,
      String databaseUrl,
      int warmupLots) {
    int warmupEvents = 0;
    if (warmupLots > 0) {
      warmupEvents = measure(warmupLots, batchSize, seed + 1, clients, detection, null, 0).events();
    }
    return measure(lots, batchSize, seed, clients, detection, databaseUrl, warmupEvents);
  }

  private static Result measure(
      int lots,
      int batchSize,
      long seed,
      int clients,
      boolean detection,
      String databaseUrl,
      int warmupEvents) {
    Input input = Input.of(lots, seed, batchSize);
    List<byte[]> batches = input.batches();
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
      store.registry().putSites(input.sites());
      store.registry().putActors(input.actors());
      Recorder recorder = Recorder.open(store);
      if (detection) {
        Detection.attach(recorder);
      }
      Turns turns = new Turns();
      Client[] running = new Client[clients];
      for (int client = 0; client < clients; client++) {
        running[client] = new Client(client, clients, batches, recorder, turns);
      }
      settleHeap();
      double loadAverageBefore = loadAverage();
      long processCpuStart = processCpuNanos();
      long start = System.nanoTime();
      for (Client client : running) {
        client.thread.start();
      }
      double cpuSeconds = 0;
      double decodeSeconds = 0;
      double encodeSeconds = 0;
      double checkSeconds = 0;
      double writeSeconds = 0;
      double publishSeconds = 0;
      Garbage garbage = new Garbage();
      for (Client client : running) {
        client.join();
        garbage.add(client.garbage);
        cpuSeconds += client.cpuNanos / 1e9;
        decodeSeconds += client.decodeNanos / 1e9;
        encodeSeconds += client.encodeNanos / 1e9;
        checkSeconds += client.checkNanos / 1e9;
        writeSeconds += client.writeNanos / 1e9;
        publishSeconds += client.publishNanos / 1e9;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double processCpuSeconds = (processCpuNanos() - processCpuStart) / 1e9;
      return new Result(
          input.events(),
          batchSize,
          clients,
          detection,
          seconds,
          cpuSeconds,
          processCpuSeconds,
          decodeSeconds,
          encodeSeconds,
          checkSeconds,
          writeSeconds,
          publishSeconds,
          garbage,
          databaseUrl == null ? "SQLite WAL" : Stores.describe(databaseUrl, folder),
          loadAverageBefore,
          loadAverage(),
          warmupEvents);
    } finally {
      deleteQuietly(folder);
    }
  }

  /**
   * What the clients send: the world's events as API batches, and the registry they refer to. The
   * world's event records are dropped once encoded, so that the timed run does not carry them.
   */
  private record Input(List<Site> sites, List<Actor> actors, List<byte[]> batches, int events) {

    static Input of(int lots, long seed, int batchSize) {
      World world = Scenario.greatLakes().generate(SimulationOptions.of(seed, lots));
      List<CustodyEvent> events = world.events();
      List<byte[]> batches = new ArrayList<>();
      for (int start = 0; start < events.size(); start += batchSize) {
        batches.add(
            Json.bytes(
                EventJson.encodeAll(
                    events.subList(start, Math.min(events.size(), start + batchSize)))));
      }
      return new Input(world.sites(), world.actors(), batches, events.size());
    }
  }

  /**
   * Collects the garbage of generating and encoding the world before the clock starts. The input
   * (hundreds of megabytes for a large world) was allocated just before, so without this the first
   * young collection of the timed run copies all of it: a pause of 0.3-0.5 s that a server, whose
   * requests arrive over time, never pays.
   */
  static void settleHeap() {
    System.gc();
  }

  /** Batch numbers in the order they must be recorded. */
  private static final class Turns {
    private int next;

    synchronized void awaitTurn(int batch) throws InterruptedException {
      while (next != batch) {
        wait();
      }
    }

    synchronized void done(int batch) {
      next = batch + 1;
      notifyAll();
    }
  }

  private static final class Client implements Runnable {
    final Thread thread;
    private final int first;
    private final int step;
    private final List<byte[]> batches;
    private final Recorder recorder;
    private final Turns turns;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    long cpuNanos;
    long decodeNanos;
    long encodeNanos;
    long checkNanos;
    long writeNanos;
    long publishNanos;
    final Garbage garbage = new Garbage();

    Client(int first, int step, List<byte[]> batches, Recorder recorder, Turns turns) {
      this.first = first;
      this.step = step;
      this.batches = batches;
      this.recorder = recorder;
      this.turns = turns;
      this.thread = new Thread(this, "capture-client-" + first);
    }

    @Override
    public void run() {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long cpuStart = threads.getCurrentThreadCpuTime();
      try {
        for (int batch = first; batch < batches.size(); batch += step) {
          // Each stage's CPU time, not its wall clock: waiting for a turn costs none, and under
          // load the wall clock mostly counts the waits for a core.
          long decodeStart = threads.getCurrentThreadCpuTime();
          long decodeAllocated = allocatedBytes();
          List<CustodyEvent> decoded = EventJson.decodeBatch(batches.get(batch));
          long encodeStart = threads.getCurrentThreadCpuTime();
          long encodeAllocated = allocatedBytes();
          EncodedBatch encoded = EncodedBatch.of(decoded);
          long checkStart = threads.getCurrentThreadCpuTime();
          long checkAllocated = allocatedBytes();
          turns.awaitTurn(batch);
          Recorder.Checked checked;
          try {
            checked = recorder.check(encoded, null);
          } finally {
            turns.done(batch);
          }
          long writeStart = threads.getCurrentThreadCpuTime();
          long writeAllocated = allocatedBytes();
          Recorder.Committed committed = recorder.commit(checked);
          long publishStart = threads.getCurrentThreadCpuTime();
          long publishAllocated = allocatedBytes();
          recorder.publish(committed);
          long publishEnd = threads.getCurrentThreadCpuTime();
          long publishEndAllocated = allocatedBytes();
          garbage.decodeBytes += encodeAllocated - decodeAllocated;
          garbage.encodeBytes += checkAllocated - encodeAllocated;
          garbage.checkBytes += writeAllocated - checkAllocated;
          garbage.writeBytes += publishAllocated - writeAllocated;
          garbage.publishBytes += publishEndAllocated - publishAllocated;
          decodeNanos += encodeStart - decodeStart;
          encodeNanos += checkStart - encodeStart;
          checkNanos += writeStart - checkStart;
          writeNanos += publishStart - writeStart;
          publishNanos += publishEnd - publishStart;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure.set(e);
      } catch (RuntimeException | Error e) {
        failure.set(e);
      }
      cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
    }

    void join() {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a capture client", e);
      }
      Throwable failed = failure.get();
      if (failed != null) {
        throw new IllegalStateException("a capture client failed: " + failed, failed);
      }
    }
  }

  /** The system's load average over the last minute, or -1 where the system does not tell. */
  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** The CPU time of the whole process, every thread (native ones such as DuckDB's) included. */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  static void deleteQuietly(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A temporary folder left behind is harmless.
    }
  }
}
