package org.oretrace.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.registry.Site;
import org.oretrace.sim.Scenario;
import org.oretrace.sim.SchemeRates;
import org.oretrace.sim.SimulationOptions;
import org.oretrace.sim.World;
import org.oretrace.store.CustodyStore.StoredEvent;
import org.oretrace.store.Recorder;
import org.oretrace.store.Store;
import org.oretrace.store.json.Json;
import org.oretrace.store.json.RegistryJson;
import org.oretrace.store.ledger.LedgerEntries;
import org.oretrace.store.sqlite.SqliteStore;

/**
 * The publisher against a real broker: events keyed by lot with their ledger sequence, a lot's
 * events in one partition and in order, the registry on compacted topics keyed by id, and the
 * replay from a sequence.
 */
class EventPublisherTest {

  // A broker of its own for each test: the topics' names are fixed, and each test's record is
  // another ledger, numbered from 0.
  private EmbeddedKafka broker;

  @BeforeEach
  void startBroker() {
    broker = EmbeddedKafka.start();
  }

  @AfterEach
  void stopBroker() {
    broker.close();
  }

  @Test
  void publishesEveryEventKeyedByLotInLedgerOrderWithinEachPartition(@TempDir Path folder)
      throws Exception {
    World world =
        Scenario.greatLakes()
            .generate(SimulationOptions.of(7, 60).withSchemes(SchemeRates.defaults()));
    KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers()).withEventPartitions(4);
    try (Store store = SqliteStore.open(folder.resolve("oretrace.db"))) {
      Recorder recorder = Recorder.open(store);
      try (EventPublisher publisher = EventPublisher.connect(settings, recorder)) {
        store.registry().putSites(world.sites());
        store.registry().putActors(world.actors());
        List<CustodyEvent> events = world.events();
        for (int start = 0; start < events.size(); start += 97) {
          recorder.record(events.subList(start, Math.min(events.size(), start + 97)));
        }
        publisher.flush();
        assertThat(publisher.failed()).isZero();
        assertThat(publisher.lowestUnpublished()).isEqualTo(-1);

        List<ConsumerRecord<String, byte[]>> records =
            TopicReader.readAll(
                broker.bootstrapServers(),
                settings.eventsTopic(),
                events.size(),
                Duration.ofSeconds(60));
        assertThat(records).hasSize(events.size());
        Map<String, Integer> partitionOfKey = new HashMap<>();
        Map<Integer, Long> lastSequenceOfPartition = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
          long sequence = Topics.sequence(record.headers()).orElseThrow();
          StoredEvent stored = store.custody().events(sequence, 1).getFirst();
          assertThat(stored.sequence()).isEqualTo(sequence);
          assertThat(record.key()).isEqualTo(stored.event().lotIds().getFirst());
          assertThat(record.value()).isEqualTo(LedgerEntries.encode(stored.event()));
          assertThat(partitionOfKey.computeIfAbsent(record.key(), key -> record.partition()))
              .as("every event of lot %s in one partition", record.key())
              .isEqualTo(record.partition());
          Long previous = lastSequenceOfPartition.put(record.partition(), sequence);
          if (previous != null) {
            assertThat(sequence).as("ledger order within a partition").isGreaterThan(previous);
          }
        }
        assertThat(records.stream().map(record -> Topics.sequence(record.headers()).orElseThrow()))
            .doesNotHaveDuplicates();
        assertThat(lastSequenceOfPartition.keySet())
            .as("lots spread over the partitions")
            .hasSize(4);
      }
    }
  }

  @Test
  void aRecordingSucceedsWhileKafkaIsDownAndTheFailureTellsWhereToReplayFrom(@TempDir Path folder) {
    World world = Scenario.greatLakes().generate(SimulationOptions.of(9, 20));
    List<CustodyEvent> events = world.events();
    int half = events.size() / 2;
    try (Store store = SqliteStore.open(folder.resolve("oretrace.db"))) {
      store.registry().putSites(world.sites());
      store.registry().putActors(world.actors());
      Recorder recorder = Recorder.open(store);
      EventPublisher publisher =
          EventPublisher.connect(KafkaSettings.of(broker.bootstrapServers()), recorder);
      recorder.record(events.subList(0, half));
      publisher.flush();
      assertThat(publisher.failed()).isZero();

      broker.close();
      recorder.record(events.subList(half, events.size()));
      assertThat(store.custody().eventCount()).isEqualTo(events.size());
      // Closing gives up on what Kafka never acknowledged: counted, with where to replay from.
      publisher.close();
      assertThat(publisher.failed()).isEqualTo(events.size() - half);
      // A sequence is a ledger position: the registry's records came first.
      assertThat(publisher.lowestUnpublished())
          .isEqualTo(half + world.sites().size() + world.actors().size());
      assertThat(publisher.published())
          .isEqualTo(half + world.sites().size() + world.actors().size());
    }
  }

  @Test
  void registryTopicsAreCompactedKeyedByIdAndFollowChanges(@TempDir Path folder) throws Exception {
    World world = Scenario.greatLakes().generate(SimulationOptions.of(8, 10));
    // A deployment of its own on the shared cluster: every topic name starts with its prefix.
    KafkaSettings settings =
        KafkaSettings.of(broker.bootstrapServers()).withTopicPrefix("district-a.");
    try (Store store = SqliteStore.open(folder.resolve("oretrace.db"))) {
      // Registered before the publisher is attached: the attach publishes the registry as it is.
      store.registry().putSites(world.sites());
      store.registry().putActors(world.actors());
      try (EventPublisher publisher = EventPublisher.connect(settings)) {
        publisher.attach(Recorder.open(store));
        Site first = world.sites().getFirst();
        Site changed =
            new Site(
                first.id(),
                first.name() + " (renamed)",
                first.country(),
                first.location(),
                first.minerals(),
                first.capacityKilogramsPerMonth(),
                first.icglrStatus(),
                first.armedGroupPresence(),
                first.cahra());
        store.registry().putSites(List.of(changed));
        publisher.flush();

        List<ConsumerRecord<String, byte[]>> sites =
            TopicReader.readAll(
                broker.bootstrapServers(),
                settings.sitesTopic(),
                world.sites().size() + 1,
                Duration.ofSeconds(60));
        Map<String, byte[]> latest = new HashMap<>();
        sites.forEach(record -> latest.put(record.key(), record.value()));
        assertThat(latest.keySet())
            .isEqualTo(world.sites().stream().map(Site::id).collect(Collectors.toSet()));
        assertThat(new String(latest.get(first.id()), StandardCharsets.UTF_8))
            .isEqualTo(
                new String(Json.bytes(RegistryJson.encode(changed)), StandardCharsets.UTF_8));
        assertThat(RegistryJson.decodeSite(Json.parse(latest.get(first.id()))).name())
            .endsWith("(renamed)");

        List<ConsumerRecord<String, byte[]>> actors =
            TopicReader.readAll(
                broker.bootstrapServers(),
                settings.actorsTopic(),
                world.actors().size(),
                Duration.ofSeconds(60));
        assertThat(actors.stream().map(ConsumerRecord::key).collect(Collectors.toSet()))
            .hasSize(world.actors().size());
      }
    }
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    try (Admin admin = Admin.create(properties)) {
      for (String topic : Set.of("district-a.sites", "district-a.actors")) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
            .as(topic)
            .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
      }
      ConfigResource events = new ConfigResource(ConfigResource.Type.TOPIC, "district-a.events");
      assertThat(
              admin
                  .describeConfigs(List.of(events))
                  .all()
                  .get()
                  .get(events)
                  .get(TopicConfig.CLEANUP_POLICY_CONFIG)
                  .value())
          .isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
    }
  }
}
