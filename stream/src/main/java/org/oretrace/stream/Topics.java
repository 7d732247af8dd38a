package org.oretrace.stream;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.oretrace.core.custody.CustodyEvent;

/**
 * Oretrace's topics and how records on them are keyed: the contract between the publisher, the
 * detection application and any other consumer. Their names start with the deployment's prefix
 * ({@link KafkaSettings#topicPrefix()}, {@value KafkaSettings#DEFAULT_TOPIC_PREFIX} by default):
 *
 * <ul>
 *   <li>{@code events}: every accepted custody event, keyed by lot ({@link #key}), the value the
 *       event's canonical JSON (its ledger entry), with the event's ledger sequence number in the
 *       header {@value #SEQUENCE_HEADER} (decimal text).
 *   <li>{@code sites} and {@code actors}: the registry, keyed by id, the value the entry's JSON as
 *       the API gives it; compacted, so the topic keeps the latest version of every entry.
 *   <li>{@code alerts}: what detection raised, keyed by alert id, the value the alert's JSON.
 * </ul>
 */
public final class Topics {

  /** The header holding an event's position in the ledger (0 for the first event ever). */
  public static final String SEQUENCE_HEADER = "oretrace.sequence";

  private Topics() {}

  /**
   * The key of an event: the first lot it names, that is its subject (tag, transfer, ship, receive,
   * assay, export, import, and the parent of a split) or, for a merge or a processing step, its
   * first input. All events of a lot's life up to its consumption share a partition and so keep
   * their order for any consumer; the outputs of a split, merge or processing start their own keys
   * with their next event.
   */
  public static String key(CustodyEvent event) {
    return requireNonNull(event, "event is null").lotIds().getFirst();
  }

  static byte[] sequenceHeader(long sequence) {
    return Long.toString(sequence).getBytes(StandardCharsets.US_ASCII);
  }

  /** The sequence number a record carries, or empty when it has none or it is not a number. */
  static OptionalLong sequence(Headers headers) {
    Header header = headers.lastHeader(SEQUENCE_HEADER);
    if (header == null || header.value() == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(new String(header.value(), StandardCharsets.US_ASCII)));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  static Properties clientProperties(KafkaSettings settings) {
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    return properties;
  }

  /**
   * Creates the topics that do not exist yet; existing ones are left as they are (an operator may
   * have created them with more partitions or replicas).
   */
  public static void create(KafkaSettings settings) {
    Optional<Short> replicas =
        settings.replicationFactor() == -1
            ? Optional.empty()
            : Optional.of(settings.replicationFactor());
    Map<String, String> compacted =
        Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    List<NewTopic> topics =
        List.of(
            new NewTopic(settings.eventsTopic(), Optional.of(settings.eventPartitions()), replicas),
            new NewTopic(settings.sitesTopic(), Optional.of(1), replicas).configs(compacted),
            new NewTopic(settings.actorsTopic(), Optional.of(1), replicas).configs(compacted),
            new NewTopic(
                settings.alertsTopic(), Optional.of(settings.eventPartitions()), replicas));
    Properties properties = clientProperties(settings);
    // An unreachable cluster is reported in seconds rather than after a minute.
    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
    properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    try (Admin admin = Admin.create(properties)) {
      for (KafkaFuture<Void> created : admin.createTopics(topics).values().values()) {
        try {
          created.get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new StreamException(
                "cannot create Oretrace's topics on "
                    + settings.bootstrapServers()
                    + ": "
                    + e.getCause().getMessage(),
                e);
          }
        }
      }
      awaitLeaders(admin, topics.stream().map(NewTopic::name).toList());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StreamException("interrupted while creating topics", e);
    }
  }

  /**
   * Waits until every partition of the topics has a leader: a producer that writes to a topic
   * created a moment ago may otherwise be refused, and an idempotent one can then stall on
   * out-of-order sequences until its delivery timeout.
   */
  private static void awaitLeaders(Admin admin, List<String> names) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        boolean ready =
            admin.describeTopics(names).allTopicNames().get().values().stream()
                .flatMap(topic -> topic.partitions().stream())
                .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
        if (ready) {
          return;
        }
      } catch (ExecutionException e) {
        // Not known to every broker yet: ask again.
      }
      if (System.nanoTime() > deadline) {
        throw new StreamException("Oretrace's topics have no leader after 30 s: " + names);
      }
      Thread.sleep(100);
    }
  }
}
