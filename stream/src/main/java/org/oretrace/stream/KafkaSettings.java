package org.oretrace.stream;

import static java.util.Objects.requireNonNull;

/**
 * Where the Kafka cluster is and how Oretrace's topics are laid out on it, declared once for the
 * publisher and the detection application alike.
 *
 * @param bootstrapServers host:port of one or more brokers, comma-separated
 * @param eventPartitions partitions of the events topic when Oretrace creates it (an existing topic
 *     is used as it is)
 * @param replicationFactor replicas of each topic Oretrace creates, or -1 for the brokers' default
 *     ({@code default.replication.factor})
 */
public record KafkaSettings(String bootstrapServers, int eventPartitions, short replicationFactor) {

  /** The events topic's partitions by default: room for six consumers of one group. */
  public static final int DEFAULT_EVENT_PARTITIONS = 6;

  public KafkaSettings {
    requireNonNull(bootstrapServers, "bootstrapServers is null");
    if (bootstrapServers.isBlank() || !bootstrapServers.contains(":")) {
      throw new IllegalArgumentException(
          "Kafka bootstrap servers must be HOST:PORT[,HOST:PORT...], got '"
              + bootstrapServers
              + "'");
    }
    if (eventPartitions < 1) {
      throw new IllegalArgumentException(
          "the events topic needs at least one partition, got " + eventPartitions);
    }
    if (replicationFactor < 1 && replicationFactor != -1) {
      throw new IllegalArgumentException(
          "the replication factor is at least 1, or -1 for the brokers' default, got "
              + replicationFactor);
    }
  }

  /** Settings for a cluster, with the default partitions and the brokers' replication factor. */
  public static KafkaSettings of(String bootstrapServers) {
    return new KafkaSettings(bootstrapServers, DEFAULT_EVENT_PARTITIONS, (short) -1);
  }

  public KafkaSettings withEventPartitions(int partitions) {
    return new KafkaSettings(bootstrapServers, partitions, replicationFactor);
  }
}
