package org.oretrace.stream;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.detection.Alert;
import org.oretrace.core.detection.DetectionEngine;
import org.oretrace.core.detection.DetectionParameters;
import org.oretrace.store.CustodyStore.StoredEvent;
import org.oretrace.store.Store;
import org.oretrace.store.json.AlertJson;
import org.oretrace.store.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stateful step of detection: the embedded {@link DetectionEngine}, shown the events in ledger
 * order, exactly once each, as the recorder's own detection sees them, so that both raise the same
 * alerts.
 *
 * <p>Why one task, and why it reorders: the detectors' state is global (an actor's mass balance
 * spans all its lots, origin risk follows merges across lots), so they must see every event, in the
 * order the ledger accepted them. The events topic is partitioned by lot, which keeps each lot's
 * order but not the order across lots; so the events arrive here through a one-partition
 * repartition topic, keyed by sequence, in no particular order across partitions. They wait in the
 * pending store until the next sequence comes (positions of the ledger that hold records, such as
 * registry changes, never come: the store tells them apart), and a sequence already judged (a
 * repeat of at-least-once publishing) is dropped.
 *
 * <p>State: the next sequence to judge and the pending events live in changelogged state stores;
 * the engine's own state (the lot book and the detectors' tallies) is rebuilt when the task starts,
 * by warming it up on the store's events before the next sequence, as the embedded detection does
 * at start-up. The store is the record, so it also fills gaps: when the next sequence has not come
 * for a whole catch-up period but the store holds it (a publication failed), it is judged from the
 * store.
 *
 * <p>Alerts go to the store (an alert already stored is skipped, so a replay after a crash adds
 * nothing twice) and on to the alerts topic, keyed by alert id.
 */
final class DetectionProcessor implements Processor<Long, byte[], String, String> {

  static final String CURSOR_STORE = "oretrace-detection-cursor";
  static final String PENDING_STORE = "oretrace-detection-pending";
  static final String SITES_STORE = "oretrace-sites";
  static final String ACTORS_STORE = "oretrace-actors";

  private static final Logger LOG = LoggerFactory.getLogger(DetectionProcessor.class);
  private static final String NEXT = "next";
  private static final int PAGE = 10_000;

  private final Store store;
  private final DetectionParameters parameters;
  private final Duration catchUpPeriod;
  private final AtomicLong judged;
  private final AtomicLong alertCount;
  private final Clock clock = Clock.systemUTC();

  private ProcessorContext<String, String> context;
  private KeyValueStore<String, Long> cursor;
  private KeyValueStore<Long, byte[]> pending;
  private DetectionEngine engine;
  private long next;
  private long nextAtLastCatchUp = -1;
  private long gapCheckedAt = -1;

  /**
   * @param judged set to the next sequence to judge, for progress and tests
   * @param alertCount incremented by the alerts raised
   */
  DetectionProcessor(
      Store store,
      DetectionParameters parameters,
      Duration catchUpPeriod,
      AtomicLong judged,
      AtomicLong alertCount) {
    this.store = store;
    this.parameters = parameters;
    this.catchUpPeriod = catchUpPeriod;
    this.judged = judged;
    this.alertCount = alertCount;
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.cursor = context.getStateStore(CURSOR_STORE);
    this.pending = context.getStateStore(PENDING_STORE);
    KeyValueStore<String, ValueAndTimestamp<byte[]>> sites = context.getStateStore(SITES_STORE);
    KeyValueStore<String, ValueAndTimestamp<byte[]>> actors = context.getStateStore(ACTORS_STORE);
    this.engine =
        DetectionEngine.create(new TopicRegistry(sites, actors, store.registry()), parameters);
    Long stored = cursor.get(NEXT);
    this.next = stored == null ? 0 : stored;
    warmUp();
    judged.set(next);
    context.schedule(catchUpPeriod, PunctuationType.WALL_CLOCK_TIME, this::catchUp);
  }

  /**
   * Brings the engine up to the events judged before this task started, raising nothing. Reads the
   * store rather than asking its event count, which another process's appends may have outdated.
   */
  private void warmUp() {
    // Sequences are ledger positions, which registry changes and case actions share: they may
    // skip numbers, so a page is read up to the next sequence, not counted.
    for (long sequence = 0; sequence < next; ) {
      List<StoredEvent> page =
          store.custody().events(sequence, (int) Math.min(PAGE, next - sequence));
      List<CustodyEvent> events =
          page.stream().filter(stored -> stored.sequence() < next).map(StoredEvent::event).toList();
      if (events.isEmpty()) {
        if (!page.isEmpty()) {
          break; // the events up to next are all read; the positions left hold records
        }
        throw new IllegalStateException(
            "detection has judged up to sequence "
                + next
                + " but the database holds events only up to "
                + sequence
                + ": is this the database the publisher reads (--data, --db)?");
      }
      engine.warmUp(events);
      sequence = page.get(events.size() - 1).sequence() + 1;
    }
    if (next > 0) {
      LOG.info("detection resumed at sequence {} (engine warmed up from the store)", next);
    }
  }

  @Override
  public void process(Record<Long, byte[]> record) {
    long sequence = record.key();
    if (sequence < next) {
      return;
    }
    pending.put(sequence, record.value());
    drain();
  }

  /**
   * Judges the pending events from the next sequence on, while they follow each other or are
   * separated only by ledger records.
   */
  private void drain() {
    long start = next;
    while (true) {
      byte[] value = pending.get(next);
      if (value != null) {
        judge(decode(next, value));
        pending.delete(next);
        next++;
      } else if (!skipRecordPositions()) {
        break;
      }
    }
    if (next != start) {
      cursor.put(NEXT, next);
      judged.set(next);
    }
  }

  /**
   * Moves past ledger positions that hold records (registry changes, case actions: never on the
   * events topic) when a later event is already waiting. The store answers: the first event stored
   * at or after the next sequence; if it lies beyond, the positions before it are records, since
   * the ledger commits positions in order and a later event was already published. Asked once per
   * value of the next sequence, and only while something waits behind it, so an event merely late
   * from another partition costs one query.
   */
  private boolean skipRecordPositions() {
    if (gapCheckedAt == next || !somethingWaitsAfter(next)) {
      return false;
    }
    gapCheckedAt = next;
    List<StoredEvent> first = store.custody().events(next, 1);
    if (first.isEmpty() || first.getFirst().sequence() <= next) {
      return false;
    }
    next = first.getFirst().sequence();
    return true;
  }

  private boolean somethingWaitsAfter(long sequence) {
    try (KeyValueIterator<Long, byte[]> waiting = pending.range(sequence + 1, Long.MAX_VALUE)) {
      return waiting.hasNext();
    }
  }

  private CustodyEvent decode(long sequence, byte[] value) {
    try {
      return org.oretrace.store.json.EventJson.decode(Json.parse(value), 0);
    } catch (InvalidInputException | IllegalArgumentException e) {
      LOG.warn("event {} on the topic does not decode; it is read from the store", sequence, e);
      return fromStore(sequence);
    }
  }

  private CustodyEvent fromStore(long sequence) {
    List<StoredEvent> stored = store.custody().events(sequence, 1);
    if (stored.isEmpty() || stored.getFirst().sequence() != sequence) {
      throw new IllegalStateException("event " + sequence + " is neither on the topic nor stored");
    }
    return stored.getFirst().event();
  }

  private void judge(CustodyEvent event) {
    List<Alert> alerts = engine.accept(List.of(event));
    if (alerts.isEmpty()) {
      return;
    }
    store.alerts().add(alerts, clock.instant());
    long now = clock.millis();
    for (Alert alert : alerts) {
      context.forward(new Record<>(alert.id(), Json.text(AlertJson.encode(alert)), now));
    }
    alertCount.addAndGet(alerts.size());
  }

  /**
   * Judges from the store what the topic has not brought for a whole period: a publication that
   * failed and was not replayed must not hold detection back for ever.
   */
  private void catchUp(long now) {
    List<StoredEvent> missing =
        next == nextAtLastCatchUp ? store.custody().events(next, PAGE) : List.of();
    if (!missing.isEmpty()) {
      long start = next;
      for (StoredEvent stored : missing) {
        if (stored.sequence() > next) {
          // No event is stored between: those positions are ledger records, never on the topic.
          next = stored.sequence();
        }
        judge(stored.event());
        pending.delete(next);
        next++;
      }
      LOG.warn(
          "events {} to {} did not arrive on the events topic within {}; judged them from the"
              + " store",
          start,
          next - 1,
          catchUpPeriod);
      cursor.put(NEXT, next);
      judged.set(next);
      drain();
    }
    nextAtLastCatchUp = next;
  }
}
