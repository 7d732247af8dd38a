package org.oretrace.cli;

import org.oretrace.store.Detection;
import org.oretrace.store.Recorder;
import org.oretrace.stream.EventPublisher;
import org.oretrace.stream.KafkaSettings;
import picocli.CommandLine.Option;

/**
 * The Kafka options shared by the commands that publish to or read from Oretrace's topics: where
 * the cluster is and, for topics Oretrace creates, how many partitions the events topic gets.
 */
final class KafkaOptions {

  @Option(
      names = "--kafka",
      paramLabel = "HOST:PORT",
      description =
          "Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]): accepted events and registry"
              + " changes are published to Oretrace's topics.")
  String bootstrapServers;

  @Option(
      names = "--kafka-partitions",
      paramLabel = "N",
      defaultValue = "" + KafkaSettings.DEFAULT_EVENT_PARTITIONS,
      description =
          "Partitions of the events topic when Oretrace creates it (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--kafka-topic-prefix",
      paramLabel = "PREFIX",
      defaultValue = KafkaSettings.DEFAULT_TOPIC_PREFIX,
      description =
          "What every Oretrace topic's name starts with, so that several deployments can share a"
              + " cluster (default: ${DEFAULT-VALUE}, giving ${DEFAULT-VALUE}events,"
              + " ${DEFAULT-VALUE}sites, ${DEFAULT-VALUE}actors, ${DEFAULT-VALUE}alerts).")
  String topicPrefix;

  boolean enabled() {
    return bootstrapServers != null;
  }

  /** The settings; a usage error when --kafka is missing or malformed. */
  KafkaSettings settings() {
    if (bootstrapServers == null) {
      throw new Failures.UserError(Main.EXIT_USAGE, "--kafka HOST:PORT is required");
    }
    try {
      return KafkaSettings.of(bootstrapServers)
          .withEventPartitions(partitions)
          .withTopicPrefix(topicPrefix);
    } catch (IllegalArgumentException e) {
      throw new Failures.UserError(Main.EXIT_USAGE, e.getMessage());
    }
  }

  /**
   * With --kafka, attaches a publisher to the recorder and leaves detection to {@code oretrace
   * detect-stream}; without it, attaches the embedded detection. Returns what to close before the
   * store.
   */
  AutoCloseable attach(Recorder recorder) {
    if (!enabled()) {
      Detection.attach(recorder);
      return () -> {};
    }
    EventPublisher publisher = EventPublisher.connect(settings(), recorder);
    System.err.println(
        "oretrace: publishing events and registry changes to Kafka at "
            + bootstrapServers
            + "; detection runs in: oretrace detect-stream --kafka "
            + bootstrapServers);
    return publisher;
  }
}
