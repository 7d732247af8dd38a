package org.oretrace.store.epcis;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.store.CustodyStore.StoredEvent;
import org.oretrace.store.EncodedBatch;
import org.oretrace.store.Recorder;
import org.oretrace.store.Recorder.Committed;
import org.oretrace.store.json.Json;

/**
 * Captures EPCIS documents, all or nothing: every event is mapped by {@link EpcisMapper}; the
 * custody events they give enter through the Recorder like native ones (so the structural rules,
 * the ledger and detection see them), its stages called one by one so that the EPCIS rows are
 * prepared and written on one core while the Recorder works on the other; then every EPCIS event,
 * with or without custody meaning, is stored as captured, linked to its custody events. Any problem
 * (a duplicate eventID with other content, an unmappable event, a custody rule broken) fails the
 * job and stores nothing; the job lists each problem under its event's position in the document.
 *
 * <p>Native custody events are projected into the EPCIS store lazily, by {@link #catchUp()} before
 * a query, rather than on the write path: native capture stays as fast as it was, and a query sees
 * every event recorded before it. Captures and catch-up are serialised on this object, so that
 * catch-up never sees custody events of a capture whose EPCIS events are not stored yet.
 */
public final class EpcisCapture {

  private static final int CATCH_UP_BATCH = 5000;

  private final Recorder recorder;
  private final EpcisStore store;
  private long projectedUpTo = -1;

  private EpcisCapture(Recorder recorder) {
    this.recorder = recorder;
    this.store = recorder.store().epcis();
  }

  public static EpcisCapture open(Recorder recorder) {
    return new EpcisCapture(requireNonNull(recorder, "recorder is null"));
  }

  public EpcisStore store() {
    return store;
  }

  /**
   * Captures the events of one document.
   *
   * @param context the document's {@code @context}
   * @param events the events, as JSON-LD objects; an event without eventID is given a urn:uuid
   * @param recordedBy who recorded events that do not say (ot:recordedBy), e.g. the caller's
   *     organisation
   */
  public CaptureJob capture(JsonNode context, List<ObjectNode> events, String recordedBy) {
    return capture(context, events, recordedBy, () -> {});
  }

  /**
   * Captures the events of one document whose validation is still running elsewhere: the events are
   * looked up and mapped meanwhile, and {@code beforeWriting} is run before anything of the capture
   * is written (and when mapping fails, since an invalid document's own refusal comes first); it
   * throws to refuse the document, and then nothing is stored, not even a failed job.
   *
   * @param beforeWriting waits for the document's validation and throws when it failed; it must not
   *     change the events
   */
  public synchronized CaptureJob capture(
      JsonNode context, List<ObjectNode> events, String recordedBy, Runnable beforeWriting) {
    requireNonNull(context, "context is null");
    requireNonNull(events, "events is null");
    requireNonNull(beforeWriting, "beforeWriting is null");
    String captureId = "capture-" + UUID.randomUUID();
    Instant createdAt = Instant.now();
    catchUp();
    List<Violation> violations = new ArrayList<>();
    List<String> eventIds = new ArrayList<>(events.size());
    Map<String, Integer> firstPosition = new HashMap<>();
    boolean[] alreadyStored = new boolean[events.size()];
    List<CustodyEvent> custody = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    List<List<String>> custodyIds = new ArrayList<>(events.size());
    try {
      mapAll(
          context,
          events,
          recordedBy,
          violations,
          eventIds,
          firstPosition,
          alreadyStored,
          custody,
          owners,
          custodyIds);
    } catch (RuntimeException e) {
      beforeWriting.run();
      throw e;
    }
    beforeWriting.run();
    long countBefore = recorder.store().custody().nextSequence();
    // The records and texts to store depend on the mapping only: another core prepares them while
    // the Recorder checks and commits the custody events (not needed if the capture fails).
    Instant recordTime = Instant.now();
    CompletableFuture<Prepared> preparing =
        violations.isEmpty()
            ? CompletableFuture.supplyAsync(
                () -> prepare(events, alreadyStored, context, custodyIds, captureId, recordTime),
                ForkJoinPool.commonPool())
            : null;
    Committed committed = null;
    if (violations.isEmpty() && !custody.isEmpty()) {
      try {
        committed = recorder.commit(recorder.check(EncodedBatch.of(custody), null));
      } catch (InvalidInputException e) {
        for (Violation violation : e.violations()) {
          int item = violation.item() >= 0 ? owners.get(violation.item()) : -1;
          violations.add(Violation.of(item, violation.field(), violation.message()));
        }
      }
    }
    if (!violations.isEmpty()) {
      violations.sort((first, second) -> Integer.compare(first.item(), second.item()));
      CaptureJob failed =
          new CaptureJob(
              captureId, createdAt, Instant.now(), false, false, events.size(), violations);
      store.putCaptureJob(failed);
      return failed;
    }
    // The custody events are stored. Applying them to the graph and telling the listeners
    // (Recorder.publish) needs no EPCIS row, so another core does it while the rows are written;
    // both are done before the capture answers (and before the next capture maps its events).
    Committed stored = committed;
    CompletableFuture<?> publishing =
        stored == null
            ? CompletableFuture.completedFuture(null)
            : CompletableFuture.runAsync(() -> recorder.publish(stored), ForkJoinPool.commonPool());
    try {
      Prepared ready = join(preparing);
      // When nothing else was recorded meanwhile, the projection need not revisit this capture's
      // custody events (they are linked): move its watermark past them in the same transaction.
      long countAfter = recorder.store().custody().nextSequence();
      boolean onlyOurs = projectedUpTo == countBefore && countAfter == countBefore + custody.size();
      // The events found stored are left out, the others were looked up under this object's lock
      // and are not stored: nothing to replace. The job is written in the same transaction.
      CaptureJob done =
          new CaptureJob(
              captureId, createdAt, Instant.now(), false, true, events.size(), List.of());
      store.appendCaptured(ready.records(), ready.texts(), onlyOurs ? countAfter : -1, done);
      if (onlyOurs) {
        projectedUpTo = countAfter;
      }
      return done;
    } finally {
      join(publishing);
    }
  }

  /** The result of work done on another thread; its exception as thrown there. */
  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** The records of the events to store and their JSON texts. */
  private record Prepared(List<EpcisRecord> records, List<String> texts) {}

  private static Prepared prepare(
      List<ObjectNode> events,
      boolean[] alreadyStored,
      JsonNode context,
      List<List<String>> custodyIds,
      String captureId,
      Instant recordTime) {
    List<EpcisRecord> records = new ArrayList<>(events.size());
    List<String> texts = new ArrayList<>(events.size());
    for (int item = 0; item < events.size(); item++) {
      if (!alreadyStored[item]) {
        ObjectNode event = events.get(item);
        records.add(EpcisRecord.of(event, context, recordTime, custodyIds.get(item), captureId));
        texts.add(Json.text(event));
      }
    }
    return new Prepared(records, texts);
  }

  /** Checks the eventIDs, finds the events stored before and maps the others (no writes). */
  private void mapAll(
      JsonNode context,
      List<ObjectNode> events,
      String recordedBy,
      List<Violation> violations,
      List<String> eventIds,
      Map<String, Integer> firstPosition,
      boolean[] alreadyStored,
      List<CustodyEvent> custody,
      List<Integer> owners,
      List<List<String>> custodyIds) {
    for (int item = 0; item < events.size(); item++) {
      ObjectNode event = events.get(item);
      if (!event.hasNonNull("eventID")) {
        event.put("eventID", "urn:uuid:" + UUID.randomUUID());
      }
      String eventId = event.get("eventID").asText();
      eventIds.add(eventId);
      Integer earlier = firstPosition.putIfAbsent(eventId, item);
      if (earlier != null) {
        violations.add(
            Violation.of(item, "eventID", "eventID " + eventId + " also names event " + earlier));
      }
    }
    Map<String, EpcisRecord> stored = store.events(eventIds);
    for (int item = 0; item < events.size(); item++) {
      EpcisRecord previous = stored.get(eventIds.get(item));
      if (previous != null) {
        if (previous.event().equals(events.get(item))) {
          alreadyStored[item] = true;
        } else {
          violations.add(
              Violation.of(
                  item,
                  "eventID",
                  "eventID " + eventIds.get(item) + " was captured before with other content"));
        }
      }
    }
    EpcisMapper mapper =
        new EpcisMapper(recorder.store().registry(), recorder.graph()::lot, context, recordedBy);
    for (int item = 0; item < events.size(); item++) {
      List<String> ids = new ArrayList<>();
      if (!alreadyStored[item]) {
        for (CustodyEvent mapped : mapper.toCustody(events.get(item), item, violations)) {
          custody.add(mapped);
          owners.add(item);
          ids.add(mapped.id());
        }
      }
      custodyIds.add(ids);
    }
  }

  /** Projects the native custody events recorded since the last catch-up as EPCIS events. */
  public synchronized void catchUp() {
    if (projectedUpTo < 0) {
      projectedUpTo = store.projectedUpTo();
    }
    long count = recorder.store().custody().nextSequence();
    while (projectedUpTo < count) {
      List<StoredEvent> batch = recorder.store().custody().events(projectedUpTo, CATCH_UP_BATCH);
      if (batch.isEmpty()) {
        break;
      }
      Set<String> linked =
          store.linkedCustodyEventIds(batch.stream().map(stored -> stored.event().id()).toList());
      List<EpcisRecord> records = new ArrayList<>();
      for (StoredEvent stored : batch) {
        if (!linked.contains(stored.event().id())) {
          records.add(
              EpcisRecord.of(
                  EpcisMapper.toEpcis(stored.event()),
                  EpcisMapper.context(),
                  stored.recordedAt(),
                  List.of(stored.event().id()),
                  null));
        }
      }
      long next = batch.getLast().sequence() + 1;
      store.append(records, next);
      projectedUpTo = next;
    }
  }
}
