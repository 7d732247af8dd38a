package org.oretrace.stream;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.oretrace.core.detection.DetectionParameters;
import org.oretrace.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detection as a Kafka Streams application ({@code oretrace detect-stream}): consumes the events
 * and registry topics, runs the same engine as the recorder's embedded detection, and writes the
 * alerts to the alerts topic and to the store.
 *
 * <p>The topology: the registry topics are global tables (every instance holds the whole registry);
 * the events topic is read by one stateless task per partition that keys each event by its ledger
 * sequence; a one-partition repartition topic brings them to a single stateful task ({@link
 * DetectionProcessor}) that judges them in ledger order. Running several instances with the same
 * application id gives fail-over: the stateful task runs in one of them, and another takes it over
 * (restoring its small state from the changelog) when that one dies.
 *
 * <p>Processing is exactly once within Kafka ({@code exactly_once_v2}): the cursor, the pending
 * events and the alerts sent commit together. The alerts written to the store are outside Kafka's
 * transaction; they are keyed by alert id, and a repeated alert is skipped by the store.
 *
 * <p>Every state store is in memory, backed by its changelog topic: the state is small (the
 * registry and events waiting for their turn) and RocksDB's native library stays out of the jar.
 */
public final class StreamDetection implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamDetection.class);

  /** The consumer group and prefix of the internal topics, by default. */
  public static final String DEFAULT_APPLICATION_ID = "oretrace-detection";

  private static final Duration CATCH_UP_PERIOD = Duration.ofSeconds(30);

  private final KafkaStreams streams;
  private final AtomicLong judged;
  private final AtomicLong alerts;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private StreamDetection(KafkaStreams streams, AtomicLong judged, AtomicLong alerts) {
    this.streams = streams;
    this.judged = judged;
    this.alerts = alerts;
  }

  /**
   * Starts detection.
   *
   * @param store the database the publisher reads: the engine warms up from it and alerts go to it
   * @param stateFolder Kafka Streams' local folder (locks and checkpoints)
   */
  public static StreamDetection start(
      KafkaSettings settings, String applicationId, Store store, Path stateFolder) {
    return start(
        settings,
        applicationId,
        store,
        stateFolder,
        DetectionParameters.defaults(),
        CATCH_UP_PERIOD);
  }

  static StreamDetection start(
      KafkaSettings settings,
      String applicationId,
      Store store,
      Path stateFolder,
      DetectionParameters parameters,
      Duration catchUpPeriod) {
    requireNonNull(settings, "settings is null");
    requireNonNull(applicationId, "applicationId is null");
    requireNonNull(store, "store is null");
    requireNonNull(stateFolder, "stateFolder is null");
    Topics.create(settings);
    AtomicLong judged = new AtomicLong();
    AtomicLong alerts = new AtomicLong();
    Topology topology = topology(settings, store, parameters, catchUpPeriod, judged, alerts);
    Properties properties = Topics.clientProperties(settings);
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    properties.put(StreamsConfig.STATE_DIR_CONFIG, stateFolder.toString());
    properties.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) settings.replicationFactor());
    properties.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0);
    KafkaStreams streams = new KafkaStreams(topology, properties);
    StreamDetection detection = new StreamDetection(streams, judged, alerts);
    streams.setUncaughtExceptionHandler(
        exception -> {
          LOG.error("detection stopped on an error", exception);
          return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    streams.setStateListener(
        (newState, oldState) -> {
          LOG.info("detection: {} -> {}", oldState, newState);
          if (newState == KafkaStreams.State.NOT_RUNNING || newState == KafkaStreams.State.ERROR) {
            detection.stopped.countDown();
          }
        });
    streams.start();
    return detection;
  }

  static Topology topology(
      KafkaSettings settings,
      Store store,
      DetectionParameters parameters,
      Duration catchUpPeriod,
      AtomicLong judged,
      AtomicLong alerts) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.globalTable(
        settings.sitesTopic(),
        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("sites"),
        Materialized.<String, byte[]>as(
                Stores.inMemoryKeyValueStore(DetectionProcessor.SITES_STORE))
            .withKeySerde(Serdes.String())
            .withValueSerde(Serdes.ByteArray()));
    builder.globalTable(
        settings.actorsTopic(),
        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("actors"),
        Materialized.<String, byte[]>as(
                Stores.inMemoryKeyValueStore(DetectionProcessor.ACTORS_STORE))
            .withKeySerde(Serdes.String())
            .withValueSerde(Serdes.ByteArray()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(DetectionProcessor.CURSOR_STORE),
            Serdes.String(),
            Serdes.Long()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(DetectionProcessor.PENDING_STORE),
            Serdes.Long(),
            Serdes.ByteArray()));
    builder.stream(
            settings.eventsTopic(),
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("events"))
        .process(SequenceKeyer::new, Named.as("key-by-sequence"))
        .repartition(
            Repartitioned.with(Serdes.Long(), Serdes.ByteArray())
                .withName("in-ledger-order")
                .withNumberOfPartitions(1))
        .process(
            () -> new DetectionProcessor(store, parameters, catchUpPeriod, judged, alerts),
            Named.as("detect"),
            DetectionProcessor.CURSOR_STORE,
            DetectionProcessor.PENDING_STORE)
        .to(
            settings.alertsTopic(),
            Produced.with(Serdes.String(), Serdes.String()).withName("alerts"));
    return builder.build();
  }

  /** The next ledger sequence to judge: every event before it has been judged. */
  public long judged() {
    return judged.get();
  }

  /** Alerts raised since this instance started. */
  public long alertsRaised() {
    return alerts.get();
  }

  public boolean isRunning() {
    return streams.state().isRunningOrRebalancing();
  }

  /**
   * Waits until every event before {@code sequence} is judged.
   *
   * @return false when the time ran out or detection stopped first
   */
  public boolean awaitJudged(long sequence, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (judged.get() < sequence) {
      if (stopped.getCount() == 0 || System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  /** Waits up to {@code millis} for detection to stop (closed, or stopped by an error). */
  public boolean stoppedWithin(long millis) throws InterruptedException {
    return stopped.await(millis, TimeUnit.MILLISECONDS);
  }

  /** Whether it stopped on an error rather than being closed. */
  public boolean failed() {
    return streams.state() == KafkaStreams.State.ERROR;
  }

  @Override
  public void close() {
    // Leaving the group at once lets another instance take the task over without waiting for the
    // session to time out.
    streams.close(
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(Duration.ofSeconds(30)));
    try {
      stopped.await(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
