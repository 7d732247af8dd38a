package org.oretrace.stream;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.oretrace.core.custody.AcceptedBatch;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Site;
import org.oretrace.store.CustodyStore;
import org.oretrace.store.CustodyStore.StoredEvent;
import org.oretrace.store.PageRequest;
import org.oretrace.store.Recorder;
import org.oretrace.store.RegistryStore;
import org.oretrace.store.RegistryStore.ActorFilter;
import org.oretrace.store.RegistryStore.SiteFilter;
import org.oretrace.store.json.Json;
import org.oretrace.store.json.RegistryJson;
import org.oretrace.store.ledger.LedgerEntries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the store commits on to Kafka ({@link Topics}): every batch the recorder accepts, and
 * every registry change. The store is the record and Kafka a copy of it, so publishing never stands
 * in the way of a commit: the recorder's listener only queues the batch, and one sender thread
 * encodes it, finds its ledger sequence and hands it to an idempotent producer ({@code acks=all}),
 * which keeps the order of each partition.
 *
 * <p>Delivery is at least once, and a failure loses nothing from the store: a batch that cannot be
 * queued (Kafka down for long enough to fill the queue) or sent is logged and counted, and the
 * lowest sequence not published is kept, so that {@link #publishFrom} (the command {@code oretrace
 * stream publish --from N}) sends the events again from the ledger. Consumers tell repeats apart by
 * the sequence header; the detection application drops them.
 */
public final class EventPublisher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);
  private static final int QUEUED_BATCHES = 10_000;
  private static final int PAGE = 5_000;
  private static final long LOG_EVERY_NANOS = 10_000_000_000L;

  private final Producer<String, byte[]> producer;
  private final KafkaSettings settings;
  private final ThreadPoolExecutor sender;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong lowestUnpublished = new AtomicLong(Long.MAX_VALUE);
  private volatile long lastFailureLogged = System.nanoTime() - LOG_EVERY_NANOS;

  private EventPublisher(Producer<String, byte[]> producer, KafkaSettings settings) {
    this.producer = producer;
    this.settings = settings;
    this.sender =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUED_BATCHES),
            runnable -> {
              Thread thread = new Thread(runnable, "oretrace-kafka-publisher");
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.AbortPolicy());
  }

  /** Creates the topics that are missing and connects an idempotent producer. */
  public static EventPublisher connect(KafkaSettings settings) {
    requireNonNull(settings, "settings is null");
    Topics.create(settings);
    Properties properties = Topics.clientProperties(settings);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    properties.put(ProducerConfig.CLIENT_ID_CONFIG, "oretrace-publisher");
    return new EventPublisher(
        new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer()),
        settings);
  }

  /**
   * Connects (as {@link #connect(KafkaSettings)}) and attaches to the recorder (as {@link
   * #attach(Recorder)}): what {@code serve --kafka} does, so that its registry and every batch it
   * accepts from now on is published.
   */
  public static EventPublisher connect(KafkaSettings settings, Recorder recorder) {
    requireNonNull(recorder, "recorder is null");
    EventPublisher publisher = connect(settings);
    try {
      publisher.attach(recorder);
    } catch (RuntimeException e) {
      publisher.close();
      throw e;
    }
    return publisher;
  }

  /**
   * Publishes the recorder's registry as it stands (the compacted topics keep one version of each
   * entry, so sending it again is harmless), then every registry change and every accepted batch.
   */
  public void attach(Recorder recorder) {
    requireNonNull(recorder, "recorder is null");
    RegistryStore registry = recorder.store().registry();
    CustodyStore custody = recorder.store().custody();
    publishRegistry(registry);
    registry.addListener(
        new RegistryStore.ChangeListener() {
          @Override
          public void sitesPut(List<Site> sites) {
            queue(
                new Task(
                    () -> sites.forEach(EventPublisher.this::send),
                    sites.size(),
                    "sites",
                    OptionalLong::empty));
          }

          @Override
          public void actorsPut(List<Actor> actors) {
            queue(
                new Task(
                    () -> actors.forEach(EventPublisher.this::send),
                    actors.size(),
                    "actors",
                    OptionalLong::empty));
          }
        });
    recorder.addListener(
        batch ->
            queue(
                new Task(
                    () -> sendBatch(custody, batch),
                    batch.events().size(),
                    "events",
                    () -> firstSequence(custody, batch))));
  }

  /** Sends every site and actor, and waits until Kafka has them. */
  public void publishRegistry(RegistryStore registry) {
    for (long offset = 0; ; offset += PageRequest.MAX_LIMIT) {
      List<Site> sites =
          registry.sites(SiteFilter.ANY, new PageRequest(offset, PageRequest.MAX_LIMIT)).items();
      sites.forEach(this::send);
      if (sites.size() < PageRequest.MAX_LIMIT) {
        break;
      }
    }
    for (long offset = 0; ; offset += PageRequest.MAX_LIMIT) {
      List<Actor> actors =
          registry.actors(ActorFilter.ANY, new PageRequest(offset, PageRequest.MAX_LIMIT)).items();
      actors.forEach(this::send);
      if (actors.size() < PageRequest.MAX_LIMIT) {
        break;
      }
    }
    producer.flush();
  }

  /**
   * Sends the stored events from sequence {@code from} to the end of the ledger again, in order,
   * and waits until Kafka has them: the replay after a failure, or the first publication of a
   * record that was kept before Kafka was set up.
   *
   * @param progress told the number of events sent so far
   * @return the events sent
   * @throws StreamException when any of them was refused
   */
  public long publishFrom(CustodyStore custody, long from, LongConsumer progress) {
    requireNonNull(custody, "custody is null");
    if (from < 0) {
      throw new IllegalArgumentException("the first sequence is at least 0, got " + from);
    }
    long failedBefore = failed.get();
    long sent = 0;
    long next = from;
    while (true) {
      List<StoredEvent> events = custody.events(next, PAGE);
      if (events.isEmpty()) {
        break;
      }
      for (StoredEvent stored : events) {
        send(stored.sequence(), stored.event());
      }
      sent += events.size();
      next = events.getLast().sequence() + 1;
      progress.accept(sent);
    }
    producer.flush();
    long failures = failed.get() - failedBefore;
    if (failures > 0) {
      throw new StreamException(
          failures + " of " + sent + " events were not published; see the log");
    }
    return sent;
  }

  /** Events (and registry entries) Kafka acknowledged. */
  public long published() {
    return published.get();
  }

  /** Events (and registry entries) that could not be published. */
  public long failed() {
    return failed.get();
  }

  /**
   * The lowest ledger sequence of an event that could not be published, or -1 when all were: where
   * {@code oretrace stream publish --from} should start.
   */
  public long lowestUnpublished() {
    long lowest = lowestUnpublished.get();
    return lowest == Long.MAX_VALUE ? -1 : lowest;
  }

  /** Waits until everything queued so far is acknowledged by Kafka or has failed. */
  public void flush() {
    try {
      sender.submit(() -> {}).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new StreamException("the publisher failed", e);
    }
    producer.flush();
  }

  /** Sends what is queued, then closes the producer. */
  @Override
  public void close() {
    sender.shutdown();
    try {
      if (!sender.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("the Kafka publisher's queue did not drain within 30 s");
        for (Runnable dropped : sender.shutdownNow()) {
          if (dropped instanceof Task task) {
            task.lost(null);
          }
        }
        sender.awaitTermination(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(10));
  }

  private void queue(Task task) {
    try {
      sender.execute(task);
    } catch (RejectedExecutionException e) {
      task.lost(e);
    }
  }

  /**
   * Something to publish on the sender thread, which knows how much it holds and, for events, the
   * first sequence, so that a task that never ran (queue full, or still queued at close) is counted
   * and tells where a replay must start.
   */
  private final class Task implements Runnable {
    private final Runnable body;
    private final int count;
    private final String what;
    private final Supplier<OptionalLong> firstSequence;

    Task(Runnable body, int count, String what, Supplier<OptionalLong> firstSequence) {
      this.body = body;
      this.count = count;
      this.what = what;
      this.firstSequence = firstSequence;
    }

    @Override
    public void run() {
      try {
        body.run();
      } catch (RuntimeException e) {
        lost(e);
      }
    }

    void lost(Exception cause) {
      failed.addAndGet(count);
      try {
        firstSequence
            .get()
            .ifPresent(first -> lowestUnpublished.accumulateAndGet(first, Math::min));
      } catch (RuntimeException e) {
        LOG.warn("cannot find the sequence of {} unpublished {}", count, what, e);
      }
      logFailure(count + " " + what + " were not published", cause);
    }
  }

  private static OptionalLong firstSequence(CustodyStore custody, AcceptedBatch batch) {
    return custody
        .event(batch.events().getFirst().id())
        .map(stored -> OptionalLong.of(stored.sequence()))
        .orElse(OptionalLong.empty());
  }

  private void sendBatch(CustodyStore custody, AcceptedBatch batch) {
    List<CustodyEvent> events = batch.events();
    // The ledger numbers a batch's events one after the other in one transaction, so the first
    // event's sequence gives all of them; asking the store keeps this right with several writers.
    long first =
        custody
            .event(events.getFirst().id())
            .map(StoredEvent::sequence)
            .orElseThrow(
                () ->
                    new StreamException(
                        "event " + events.getFirst().id() + " is not in the store"));
    for (int index = 0; index < events.size(); index++) {
      if (!send(first + index, events.get(index))) {
        // Kafka is unreachable (the producer waited max.block.ms): the rest of the batch would
        // wait as long, each, and fail the same way; count it and let the queue move on.
        int rest = events.size() - index - 1;
        failed.addAndGet(rest);
        return;
      }
    }
  }

  private boolean send(long sequence, CustodyEvent event) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            settings.eventsTopic(), Topics.key(event), LedgerEntries.encode(event));
    record.headers().add(Topics.SEQUENCE_HEADER, Topics.sequenceHeader(sequence));
    return send(record, sequence);
  }

  private void send(Site site) {
    send(
        new ProducerRecord<>(
            settings.sitesTopic(), site.id(), Json.bytes(RegistryJson.encode(site))),
        -1);
  }

  private void send(Actor actor) {
    send(
        new ProducerRecord<>(
            settings.actorsTopic(), actor.id(), Json.bytes(RegistryJson.encode(actor))),
        -1);
  }

  /**
   * Hands the record to the producer; false when it refused it at once (the producer reports a
   * metadata timeout through the callback and an already failed future, not by throwing).
   */
  private boolean send(ProducerRecord<String, byte[]> record, long sequence) {
    Future<RecordMetadata> result;
    try {
      result =
          producer.send(
              record,
              (metadata, exception) -> {
                if (exception == null) {
                  published.incrementAndGet();
                } else {
                  failedToSend(record, sequence, exception);
                }
              });
    } catch (RuntimeException e) {
      failedToSend(record, sequence, e);
      return false;
    }
    if (result.isDone()) {
      // Already failed (the callback counted it) or, rarely, already acknowledged.
      try {
        result.get();
      } catch (ExecutionException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private void failedToSend(ProducerRecord<String, byte[]> record, long sequence, Exception e) {
    failed.incrementAndGet();
    if (sequence >= 0) {
      lowestUnpublished.accumulateAndGet(sequence, Math::min);
    }
    logFailure(
        "a record for "
            + record.topic()
            + " (key "
            + record.key()
            + ") was not published; the store keeps it; lowest unpublished sequence: "
            + lowestUnpublished()
            + ", replay with: oretrace stream publish --from N",
        e);
  }

  /** Logs a failure at most every ten seconds, with the counts, so that an outage is one line. */
  private void logFailure(String message, Exception e) {
    long now = System.nanoTime();
    if (now - lastFailureLogged >= LOG_EVERY_NANOS) {
      lastFailureLogged = now;
      LOG.error("{} ({} failed so far, {} published)", message, failed.get(), published.get(), e);
    }
  }
}
