package org.oretrace.store;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.custody.AcceptedBatch;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyGraph;
import org.oretrace.core.custody.LineageEdge;
import org.oretrace.core.custody.Lot;
import org.oretrace.store.CustodyStore.IdempotencyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where custody events enter Oretrace, whatever carried them (API, import, field
 * batch, simulator): check against the structural rules, store in one transaction, then update the
 * in-memory custody graph and tell the listeners (detection, later). Batches are serialised: the
 * ledger is a single sequence, and the graph's check-then-apply protocol needs one writer.
 *
 * <p>A batch is all or nothing: any violation refuses it whole, with every violation listed, and
 * nothing is written. A retried request with the same idempotency key returns the first answer and
 * writes nothing.
 */
public final class Recorder {

  private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);

  private final Store store;
  private final CustodyGraph graph;
  private final List<Consumer<AcceptedBatch>> listeners = new CopyOnWriteArrayList<>();

  private Recorder(Store store, CustodyGraph graph) {
    this.store = store;
    this.graph = graph;
  }

  /** Opens a recorder over a store, rebuilding the custody graph from what the store holds. */
  public static Recorder open(Store store) {
    requireNonNull(store, "store is null");
    List<Lot> lots = new ArrayList<>();
    List<LineageEdge> edges = new ArrayList<>();
    store.custody().forEachLot(lots::add);
    store.custody().forEachEdge(edges::add);
    CustodyGraph graph = new CustodyGraph();
    graph.restore(lots, edges);
    return new Recorder(store, graph);
  }

  /** The in-memory custody graph, for lookups and traces. */
  public CustodyGraph graph() {
    return graph;
  }

  public Store store() {
    return store;
  }

  /** Registers a listener called, on the writer's thread, after each batch is stored. */
  public void addListener(Consumer<AcceptedBatch> listener) {
    listeners.add(requireNonNull(listener, "listener is null"));
  }

  /** Records a batch without idempotency key. */
  public Recorded record(List<CustodyEvent> events) {
    return record(events, null);
  }

  /**
   * Records a batch: {@link #record(EncodedBatch, IdempotencyRequest)} of the batch encoded on the
   * caller's thread.
   */
  public Recorded record(List<CustodyEvent> events, IdempotencyRequest idempotency) {
    return record(EncodedBatch.of(requireNonNull(events, "events is null")), idempotency);
  }

  /**
   * Records a batch already encoded. Encoding needs no lock, so a caller that must keep batches in
   * order (a pipeline) may encode the next batch while this one is written.
   *
   * @param idempotency the request's key and body hash, or null
   * @throws InvalidInputException when any event breaks a rule; nothing is written then
   * @throws IdempotencyConflictException when the key was used for another request
   */
  public synchronized Recorded record(EncodedBatch encoded, IdempotencyRequest idempotency) {
    List<CustodyEvent> events = requireNonNull(encoded, "encoded is null").events();
    if (idempotency != null) {
      Optional<IdempotencyRecord> previous = store.custody().idempotencyRecord(idempotency.key());
      if (previous.isPresent()) {
        if (!previous.get().requestHash().equals(idempotency.requestHash())) {
          throw new IdempotencyConflictException(idempotency.key());
        }
        return new Recorded(previous.get().eventIds(), true);
      }
    }
    if (events.isEmpty()) {
      throw InvalidInputException.of("", "the batch holds no event");
    }
    List<String> ids = events.stream().map(CustodyEvent::id).toList();
    List<Violation> violations = new ArrayList<>();
    Set<String> stored = store.custody().existingEventIds(ids);
    for (int item = 0; item < ids.size(); item++) {
      if (stored.contains(ids.get(item))) {
        violations.add(Violation.of(item, "id", "event " + ids.get(item) + " is already recorded"));
      }
    }
    AcceptedBatch batch = null;
    try {
      batch = graph.check(events, store.registry());
    } catch (InvalidInputException e) {
      violations.addAll(e.violations());
    }
    if (!violations.isEmpty()) {
      violations.sort((first, second) -> Integer.compare(first.item(), second.item()));
      throw new InvalidInputException(violations);
    }
    IdempotencyRecord record =
        idempotency == null
            ? null
            : new IdempotencyRecord(idempotency.key(), idempotency.requestHash(), ids);
    store.custody().append(batch, encoded, record);
    graph.apply(batch);
    for (Consumer<AcceptedBatch> listener : listeners) {
      try {
        listener.accept(batch);
      } catch (RuntimeException e) {
        // The batch is stored and acknowledged; a failing listener (detection) must not turn
        // that into an error for the sender. It is logged for the operator instead.
        LOG.error("a listener failed on a batch of {} events; the batch is stored", ids.size(), e);
      }
    }
    return new Recorded(ids, false);
  }

  /** A request's idempotency key and a hash of its body. */
  public record IdempotencyRequest(String key, String requestHash) {
    public IdempotencyRequest {
      requireNonNull(key, "key is null");
      requireNonNull(requestHash, "requestHash is null");
      if (key.isBlank() || key.length() > 255) {
        throw new IllegalArgumentException("an idempotency key must be 1 to 255 characters");
      }
    }
  }

  /**
   * The answer to a recorded batch: the ids of its events, and whether it was a replay of an
   * earlier request with the same idempotency key (then nothing was written).
   */
  public record Recorded(List<String> eventIds, boolean replayed) {
    public Recorded {
      eventIds = List.copyOf(requireNonNull(eventIds, "eventIds is null"));
    }
  }
}
