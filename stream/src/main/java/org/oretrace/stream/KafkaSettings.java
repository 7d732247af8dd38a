package org.oretrace.stream;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * Where the Kafka cluster is and how Oretrace's topics are laid out on it, declared once for the
 * publisher and the detection application alike.
 *
 * @param bootstrapServers host:port of one or more brokers, comma-separated
 * @param eventPartitions partitions of the events topic when Oretrace creates it (an existing topic
 *     is used as it is)
 * @param replicationFactor replicas of each topic Oretrace creates, or -1 for the brokers' default
 *     ({@code default.replication.factor})
 * @param topicPrefix what every Oretrace topic's name starts with ({@value #DEFAULT_TOPIC_PREFIX}
 *     by default), so that several deployments (a test and a production one, or two countries) can
 *     share one cluster
 */
public record KafkaSettings(
    String bootstrapServers, int eventPartitions, short replicationFactor, String topicPrefix) {

  /** The events topic's partitions by default: room for six consumers of one group. */
  public static final int DEFAULT_EVENT_PARTITIONS = 6;

  public static final String DEFAULT_TOPIC_PREFIX = "oretrace.";

  /**
   * Kafka's legal topic characters; the longest suffix ("actors", "alerts") is six characters and a
   * topic name is at most 249.
   */
  private static final Pattern TOPIC_PREFIX = Pattern.compile("[a-zA-Z0-9._-]{1,240}");

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
    requireNonNull(topicPrefix, "topicPrefix is null");
    if (!TOPIC_PREFIX.matcher(topicPrefix).matches()) {
      throw new IllegalArgumentException(
          "a topic prefix is 1 to 240 of the characters a-z A-Z 0-9 . _ -, got '"
              + topicPrefix
              + "'");
    }
  }

  /** Settings for a cluster, with the default partitions and the brokers' replication factor. */
  public static KafkaSettings of(String bootstrapServers) {
    return new KafkaSettings(
        bootstrapServers, DEFAULT_EVENT_PARTITIONS, (short) -1, DEFAULT_TOPIC_PREFIX);
  }

  public KafkaSettings withEventPartitions(int partitions) {
    return new KafkaSettings(bootstrapServers, partitions, replicationFactor, topicPrefix);
  }

  public KafkaSettings withTopicPrefix(String prefix) {
    return new KafkaSettings(bootstrapServers, eventPartitions, replicationFactor, prefix);
  }

  /** Every accepted custody event, keyed by lot. */
  public String eventsTopic() {
    return topicPrefix + "events";
  }

  /** The site registry, compacted. */
  public String sitesTopic() {
    return topicPrefix + "sites";
  }

  /** The actor registry, compacted. */
  public String actorsTopic() {
    return topicPrefix + "actors";
  }

  /** What detection raised, keyed by alert id. */
  public String alertsTopic() {
    return topicPrefix + "alerts";
  }
}
