package org.oretrace.store;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.oretrace.core.custody.AcceptedBatch;
import org.oretrace.core.detection.Alert;
import org.oretrace.core.detection.DetectionEngine;
import org.oretrace.core.detection.DetectionParameters;

/**
 * Detection wired into the recorder: a {@link DetectionEngine} over the store's registry, brought
 * up to date with the events already stored (their alerts were stored when they were recorded),
 * then shown every batch the recorder stores, on the writer's thread, right after the batch's
 * transaction. The alerts a batch raises are stored before {@link Recorder#record} returns, so an
 * alert is visible to the API as soon as the batch that completed its pattern is acknowledged.
 *
 * <p>A failure in detection never fails the recording (the batch is already durable): it is logged,
 * and the alerts of that batch are lost.
 */
public final class Detection {

  private static final System.Logger LOG = System.getLogger(Detection.class.getName());
  private static final int REPLAY_PAGE = 10_000;

  private final DetectionEngine engine;
  private final AlertStore alerts;
  private final Clock clock;
  private final List<Consumer<List<Alert>>> observers = new CopyOnWriteArrayList<>();
  private long replayed;

  private Detection(DetectionEngine engine, AlertStore alerts, Clock clock) {
    this.engine = engine;
    this.alerts = alerts;
    this.clock = clock;
  }

  /** Attaches detection with default parameters to a recorder. */
  public static Detection attach(Recorder recorder) {
    return attach(recorder, DetectionParameters.defaults());
  }

  public static Detection attach(Recorder recorder, DetectionParameters parameters) {
    requireNonNull(recorder, "recorder is null");
    requireNonNull(parameters, "parameters is null");
    Store store = recorder.store();
    Detection detection =
        new Detection(
            DetectionEngine.create(store.registry(), parameters),
            store.alerts(),
            Clock.systemUTC());
    detection.replay(store.custody());
    recorder.addListener(detection::accept);
    return detection;
  }

  /** How many stored events the engine was warmed up on when it was attached (each once). */
  public long replayedEvents() {
    return replayed;
  }

  /** Calls the observer, on the writer's thread, with the alerts of every batch once stored. */
  public void onAlerts(Consumer<List<Alert>> observer) {
    observers.add(requireNonNull(observer, "observer is null"));
  }

  private void replay(org.oretrace.store.CustodyStore custody) {
    long next = 0;
    while (true) {
      List<org.oretrace.store.CustodyStore.StoredEvent> page = custody.events(next, REPLAY_PAGE);
      if (page.isEmpty()) {
        return;
      }
      engine.warmUp(page.stream().map(org.oretrace.store.CustodyStore.StoredEvent::event).toList());
      replayed += page.size();
      // Sequences are ledger positions, which records (registry changes, case actions) share:
      // the next page starts after the last event read, not after as many events as were read.
      next = page.getLast().sequence() + 1;
    }
  }

  private void accept(AcceptedBatch batch) {
    try {
      List<Alert> raised = engine.accept(batch.events());
      if (!raised.isEmpty()) {
        alerts.add(raised, clock.instant());
        for (Consumer<List<Alert>> observer : observers) {
          observer.accept(raised);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "detection failed on a stored batch", e);
    }
  }
}
