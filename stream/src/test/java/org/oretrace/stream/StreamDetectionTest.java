package org.oretrace.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.detection.Alert;
import org.oretrace.core.detection.DetectionEngine;
import org.oretrace.core.detection.DetectionParameters;
import org.oretrace.core.registry.Site;
import org.oretrace.sim.Scenario;
import org.oretrace.sim.SchemeRates;
import org.oretrace.sim.SimulationOptions;
import org.oretrace.sim.World;
import org.oretrace.store.AlertStore.StoredAlert;
import org.oretrace.store.Recorder;
import org.oretrace.store.Store;
import org.oretrace.store.json.AlertJson;
import org.oretrace.store.json.Json;
import org.oretrace.store.sqlite.SqliteStore;

/**
 * Detection as a Kafka Streams application on a real broker raises the same alerts as the embedded
 * engine on the same simulated world, through a restart in the middle and a publication that never
 * reached Kafka.
 */
class StreamDetectionTest {

  private static final Duration CATCH_UP = Duration.ofSeconds(2);
  private static final Duration WAIT = Duration.ofMinutes(3);

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
  void raisesTheAlertsOfTheEmbeddedEngineThroughARestart(@TempDir Path folder) throws Exception {
    World world =
        Scenario.greatLakes()
            .generate(SimulationOptions.of(42, 200).withSchemes(SchemeRates.defaults()));
    List<CustodyEvent> events = world.events();
    KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers()).withEventPartitions(3);
    Path state = folder.resolve("streams");
    try (Store store = SqliteStore.open(folder.resolve("oretrace.db"));
        EventPublisher publisher = EventPublisher.connect(settings)) {
      Recorder recorder = Recorder.open(store);
      publisher.attach(recorder);
      store.registry().putSites(world.sites());
      store.registry().putActors(world.actors());
      List<Alert> embedded = DetectionEngine.create(store.registry()).accept(events);
      assertThat(embedded).as("the world has planted schemes").hasSizeGreaterThan(10);

      int third = events.size() / 3;
      record(recorder, events.subList(0, third));
      // The first third is in Kafka before detection starts, the second arrives while it runs.
      try (StreamDetection detection = start(settings, store, state)) {
        record(recorder, events.subList(third, 2 * third));
        assertThat(detection.awaitJudged(2L * third, WAIT)).isTrue();
      }
      // Stopped, restarted: the engine warms up from the store and goes on from its cursor.
      record(recorder, events.subList(2 * third, events.size()));
      publisher.flush();
      try (StreamDetection detection = start(settings, store, state)) {
        assertThat(detection.awaitJudged(events.size(), WAIT)).isTrue();
        assertThat(detection.alertsRaised()).isPositive();
      }

      List<Alert> streamed = storedAlerts(store);
      assertThat(identities(streamed)).isEqualTo(identities(embedded));
      assertThat(streamed).hasSameSizeAs(embedded);
      List<ConsumerRecord<String, byte[]>> topic =
          TopicReader.readAll(
              broker.bootstrapServers(),
              settings.alertsTopic(),
              embedded.size(),
              Duration.ofSeconds(60));
      assertThat(topic.stream().map(ConsumerRecord::key).collect(Collectors.toSet()))
          .isEqualTo(embedded.stream().map(Alert::id).collect(Collectors.toSet()));
      for (ConsumerRecord<String, byte[]> record : topic) {
        assertThat(AlertJson.decode(Json.parse(record.value())).id()).isEqualTo(record.key());
      }
    }
  }

  @Test
  void judgesFromTheStoreWhatNeverReachedKafka(@TempDir Path folder) throws Exception {
    World world =
        Scenario.greatLakes()
            .generate(SimulationOptions.of(11, 40).withSchemes(SchemeRates.defaults()));
    List<CustodyEvent> events = world.events();
    KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers());
    String applicationId = "gap-test";
    try (Store store = SqliteStore.open(folder.resolve("oretrace.db"))) {
      store.registry().putSites(world.sites());
      store.registry().putActors(world.actors());
      Recorder recorder = Recorder.open(store);
      int half = events.size() / 2;
      // The first half is recorded while no publisher is attached: it never reaches Kafka.
      record(recorder, events.subList(0, half));
      try (EventPublisher publisher = EventPublisher.connect(settings, recorder)) {
        record(recorder, events.subList(half, events.size()));
        publisher.flush();
      }
      List<Alert> embedded = DetectionEngine.create(store.registry()).accept(events);
      try (StreamDetection detection =
          StreamDetection.start(
              settings,
              applicationId,
              store,
              folder.resolve("streams"),
              DetectionParameters.defaults(),
              CATCH_UP)) {
        assertThat(detection.awaitJudged(events.size(), WAIT)).isTrue();
      }
      assertThat(identities(storedAlerts(store))).isEqualTo(identities(embedded));
    }
  }

  @Test
  void movesPastTheLedgersRegistryRecordsWithoutWaitingForACatchUp(@TempDir Path folder)
      throws Exception {
    World world =
        Scenario.greatLakes()
            .generate(SimulationOptions.of(13, 40).withSchemes(SchemeRates.defaults()));
    List<CustodyEvent> events = world.events();
    KafkaSettings settings =
        KafkaSettings.of(broker.bootstrapServers()).withTopicPrefix("records-test.");
    try (Store store = SqliteStore.open(folder.resolve("oretrace.db"));
        EventPublisher publisher = EventPublisher.connect(settings)) {
      Recorder recorder = Recorder.open(store);
      publisher.attach(recorder);
      // The registry's records take the ledger's first positions, a change another one between
      // two batches: positions that no event holds and that never come on the events topic.
      store.registry().putSites(world.sites());
      store.registry().putActors(world.actors());
      int half = events.size() / 2;
      record(recorder, events.subList(0, half));
      Site first = world.sites().getFirst();
      store
          .registry()
          .putSites(
              List.of(
                  new Site(
                      first.id(),
                      first.name() + " (renamed)",
                      first.country(),
                      first.location(),
                      first.minerals(),
                      first.capacityKilogramsPerMonth(),
                      first.icglrStatus(),
                      first.armedGroupPresence(),
                      first.cahra())));
      record(recorder, events.subList(half, events.size()));
      publisher.flush();
      long end = store.custody().nextSequence();
      assertThat(end).as("records share the ledger's positions").isGreaterThan(events.size());
      // A catch-up period longer than the test: only moving past the records makes progress.
      try (StreamDetection detection =
          StreamDetection.start(
              settings,
              "records-test",
              store,
              folder.resolve("streams"),
              DetectionParameters.defaults(),
              Duration.ofHours(1))) {
        assertThat(detection.awaitJudged(end, WAIT)).isTrue();
      }
      List<Alert> embedded = DetectionEngine.create(store.registry()).accept(events);
      assertThat(identities(storedAlerts(store))).isEqualTo(identities(embedded));
    }
  }

  private static StreamDetection start(KafkaSettings settings, Store store, Path state) {
    return StreamDetection.start(
        settings,
        StreamDetection.DEFAULT_APPLICATION_ID,
        store,
        state,
        DetectionParameters.defaults(),
        CATCH_UP);
  }

  private static void record(Recorder recorder, List<CustodyEvent> events) {
    for (int start = 0; start < events.size(); start += 50) {
      recorder.record(events.subList(start, Math.min(events.size(), start + 50)));
    }
  }

  private static List<Alert> storedAlerts(Store store) {
    return store.alerts().all().stream().map(StoredAlert::alert).toList();
  }

  private static Set<String> identities(List<Alert> alerts) {
    return alerts.stream().map(Alert::identity).collect(Collectors.toCollection(TreeSet::new));
  }
}
