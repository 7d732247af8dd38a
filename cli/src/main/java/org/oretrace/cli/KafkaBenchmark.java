package org.oretrace.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.detection.Alert;
import org.oretrace.core.detection.DetectionEngine;
import org.oretrace.sim.Scenario;
import org.oretrace.sim.SchemeRates;
import org.oretrace.sim.SimulationOptions;
import org.oretrace.sim.World;
import org.oretrace.store.AlertStore.StoredAlert;
import org.oretrace.store.Recorder;
import org.oretrace.store.Store;
import org.oretrace.store.sqlite.SqliteStore;
import org.oretrace.stream.EmbeddedKafka;
import org.oretrace.stream.EventPublisher;
import org.oretrace.stream.KafkaSettings;
import org.oretrace.stream.StreamDetection;

/**
 * {@code oretrace bench kafka}: the deployment of the README's "Scaling out" on one machine. A
 * simulated world (with its planted schemes) is recorded in batches into a temporary SQLite store
 * whose recorder has {@code serve --kafka}'s {@link EventPublisher} attached, while {@code
 * detect-stream}'s {@link StreamDetection} consumes the events topic, on Kafka's own KRaft broker
 * started in this JVM ({@link EmbeddedKafka}, the tests' broker) or on {@code --kafka}'s brokers
 * under topics of its own.
 *
 * <p>It prints events per second recorded and published, events per second judged by the stream
 * (from the first batch to the last event judged), the latency of each alert (from the commit of
 * the batch holding the event that completed it to the stream storing it), and the process
 * CPU-seconds, which include the broker's when it runs in this JVM. The stream's alerts must equal
 * the embedded engine's on the same events (detector, subject, completing event and lots), or the
 * run fails.
 */
final class KafkaBenchmark {

  private static final Duration WAIT = Duration.ofMinutes(20);

  private KafkaBenchmark() {}

  /** The figures of one run. */
  record Result(
      int events,
      int lots,
      int partitions,
      String broker,
      double recordSeconds,
      double judgeSeconds,
      int alerts,
      long latencyP50Millis,
      long latencyP99Millis,
      long latencyMaxMillis,
      double cpuSeconds) {

    String line() {
      return String.format(
          Locale.ROOT,
          "kafka: %,d events (%,d lots) through %s, %d event partitions: recorded and published"
              + " %,.0f events/s; detect-stream judged %,.0f events/s; %,d alerts, latency from"
              + " commit to stored alert p50 %d ms, p99 %d ms, max %d ms; %.1f process CPU-s"
              + " (%,.0f events per CPU-second); the stream's alerts equal the embedded engine's",
          events,
          lots,
          broker,
          partitions,
          events / recordSeconds,
          events / judgeSeconds,
          alerts,
          latencyP50Millis,
          latencyP99Millis,
          latencyMaxMillis,
          cpuSeconds,
          events / cpuSeconds);
    }
  }

  static Result run(
      int lots,
      long seed,
      int batchSize,
      int partitions,
      String bootstrapServers,
      PrintStream log) {
    World world =
        Scenario.greatLakes()
            .generate(SimulationOptions.of(seed, lots).withSchemes(SchemeRates.defaults()));
    List<CustodyEvent> events = world.events();
    log.printf(Locale.ROOT, "oretrace: kafka: %,d events simulated%n", events.size());
    Path folder;
    try {
      folder = Files.createTempDirectory("oretrace-bench-kafka");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    EmbeddedKafka broker = null;
    try {
      String servers = bootstrapServers;
      String brokerName = "the brokers at " + bootstrapServers;
      if (servers == null) {
        log.println("oretrace: kafka: starting a KRaft broker in this JVM");
        broker = EmbeddedKafka.start();
        servers = broker.bootstrapServers();
        brokerName = "an in-JVM KRaft broker";
      }
      String run = UUID.randomUUID().toString().substring(0, 8);
      KafkaSettings settings =
          KafkaSettings.of(servers)
              .withEventPartitions(partitions)
              .withTopicPrefix("oretrace-bench-" + run + ".");
      return measure(
          world,
          events,
          settings,
          "oretrace-bench-" + run,
          folder,
          batchSize,
          log,
          brokerName,
          lots);
    } finally {
      if (broker != null) {
        broker.close();
      }
      CaptureBenchmark.deleteQuietly(folder);
    }
  }

  private static Result measure(
      World world,
      List<CustodyEvent> events,
      KafkaSettings settings,
      String applicationId,
      Path folder,
      int batchSize,
      PrintStream log,
      String brokerName,
      int lots) {
    try (Store store = SqliteStore.open(folder.resolve("oretrace.db"))) {
      Recorder recorder = Recorder.open(store);
      try (EventPublisher publisher = EventPublisher.connect(settings, recorder)) {
        store.registry().putSites(world.sites());
        store.registry().putActors(world.actors());
        List<Alert> embedded = DetectionEngine.create(store.registry()).accept(events);
        long cpuStart = CaptureBenchmark.processCpuNanos();
        try (StreamDetection detection =
            StreamDetection.start(settings, applicationId, store, folder.resolve("streams"))) {
          awaitRunning(detection);
          log.println("oretrace: kafka: detect-stream running; recording");
          Map<String, Long> committed = new HashMap<>();
          long start = System.nanoTime();
          for (int from = 0; from < events.size(); from += batchSize) {
            List<CustodyEvent> batch =
                events.subList(from, Math.min(events.size(), from + batchSize));
            recorder.record(batch);
            long now = System.currentTimeMillis();
            batch.forEach(event -> committed.put(event.context().id(), now));
          }
          publisher.flush();
          long recorded = System.nanoTime() - start;
          log.printf(Locale.ROOT, "oretrace: kafka: %,d events published%n", publisher.published());
          if (!detection.awaitJudged(store.custody().nextSequence(), WAIT)) {
            throw new IllegalStateException(
                "detect-stream judged "
                    + detection.judged()
                    + " of "
                    + store.custody().nextSequence()
                    + " positions in "
                    + WAIT);
          }
          long judged = System.nanoTime() - start;
          double cpu = (CaptureBenchmark.processCpuNanos() - cpuStart) / 1e9;
          List<StoredAlert> streamed = store.alerts().all();
          Set<String> expected = identities(embedded);
          Set<String> actual = identities(streamed.stream().map(StoredAlert::alert).toList());
          if (!actual.equals(expected) || streamed.size() != embedded.size()) {
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(actual);
            Set<String> extra = new TreeSet<>(actual);
            extra.removeAll(expected);
            throw new CompareBenchmark.Disagreement(
                "detect-stream and the embedded engine disagree: missing "
                    + missing
                    + ", extra "
                    + extra);
          }
          long[] latencies =
              streamed.stream()
                  .filter(stored -> stored.alert().completingEventId().isPresent())
                  .mapToLong(
                      stored ->
                          stored.raisedAt().toEpochMilli()
                              - committed.get(stored.alert().completingEventId().orElseThrow()))
                  .sorted()
                  .toArray();
          return new Result(
              events.size(),
              lots,
              settings.eventPartitions(),
              brokerName,
              recorded / 1e9,
              judged / 1e9,
              streamed.size(),
              percentile(latencies, 0.50),
              percentile(latencies, 0.99),
              latencies.length == 0 ? 0 : latencies[latencies.length - 1],
              cpu);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void awaitRunning(StreamDetection detection) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!detection.isRunning()) {
      if (detection.failed() || System.nanoTime() > deadline) {
        throw new IllegalStateException("detect-stream did not start");
      }
      Thread.sleep(50);
    }
  }

  private static Set<String> identities(List<Alert> alerts) {
    return alerts.stream().map(Alert::identity).collect(Collectors.toCollection(TreeSet::new));
  }

  /** The latency below which {@code share} of the sorted latencies fall. */
  private static long percentile(long[] sorted, double share) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[
        (int) Math.max(0, Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1))];
  }
}
