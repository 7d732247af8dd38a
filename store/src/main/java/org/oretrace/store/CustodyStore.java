package org.oretrace.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.oretrace.core.Country;
import org.oretrace.core.custody.AcceptedBatch;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.LineageEdge;
import org.oretrace.core.custody.Lot;
import org.oretrace.core.custody.LotState;
import org.oretrace.core.registry.Mineral;

/**
 * The custody record: events in the order they were accepted (each with its sequence number, which
 * is its position in the ledger), the current state of every lot, and the lineage edges.
 */
public interface CustodyStore {

  /**
   * Writes a checked batch in one transaction: its events (numbered from the ledger's size, since
   * events and ledger records share the log's positions), the new state of the lots it touched, its
   * lineage edges and, when given, the idempotency record of the request that carried it. Either
   * all of it is durable when this returns, or none.
   *
   * @return the sequence number of the batch's first event
   */
  default long append(AcceptedBatch batch, IdempotencyRecord idempotency) {
    return append(batch, EncodedBatch.of(batch.events()), idempotency);
  }

  /**
   * {@link #append(AcceptedBatch, IdempotencyRecord)} with the batch's events already encoded,
   * outside the writer's lock; {@code encoded} holds the same events in the same order.
   */
  long append(AcceptedBatch batch, EncodedBatch encoded, IdempotencyRecord idempotency);

  /**
   * Why the store refuses writes (each {@link #append} then throws {@link
   * StoreUnavailableException} with this reason), or empty while it takes them.
   */
  default Optional<String> refusingWrites() {
    return Optional.empty();
  }

  /** The ids among these that are already stored. */
  Set<String> existingEventIds(Collection<String> eventIds);

  Optional<IdempotencyRecord> idempotencyRecord(String key);

  /** The number of stored events. */
  long eventCount();

  /**
   * One more than the highest stored event's sequence number: the bound to read events up to with
   * {@link #events}. Sequence numbers are leaf indexes of the ledger, which registry changes and
   * case actions share, so they may skip numbers: this is not {@link #eventCount()}.
   */
  long nextSequence();

  Optional<StoredEvent> event(String eventId);

  /** Every event that touched the lot, in sequence order. */
  List<StoredEvent> eventsOfLot(String lotId);

  /** Events with sequence numbers from {@code fromSequence}, at most {@code limit}, in order. */
  List<StoredEvent> events(long fromSequence, int limit);

  Optional<Lot> lot(String lotId);

  /** Lots matching every given filter (null means any), ordered by id. */
  Page<Lot> lots(LotFilter filter, PageRequest page);

  /** Streams every lot and every lineage edge, to rebuild the in-memory custody graph. */
  void forEachLot(Consumer<Lot> consumer);

  void forEachEdge(Consumer<LineageEdge> consumer);

  /**
   * Filters for listing lots; a null field matches any value.
   *
   * @param siteId the origin site
   * @param holderId the current holder
   * @param country the country of the origin site
   */
  record LotFilter(
      Mineral mineral, String siteId, String holderId, Country country, LotState state) {
    public static final LotFilter ANY = new LotFilter(null, null, null, null, null);
  }

  /** An accepted event with its ledger position and the time the system received it. */
  record StoredEvent(long sequence, Instant recordedAt, CustodyEvent event) {
    public StoredEvent {
      requireNonNull(recordedAt, "recordedAt is null");
      requireNonNull(event, "event is null");
    }
  }

  /**
   * What a request carrying an Idempotency-Key stored: a hash of its body, so that a different
   * request reusing the key is told apart, and the ids of the events it stored.
   */
  record IdempotencyRecord(String key, String requestHash, List<String> eventIds) {
    public IdempotencyRecord {
      requireNonNull(key, "key is null");
      requireNonNull(requestHash, "requestHash is null");
      eventIds = List.copyOf(requireNonNull(eventIds, "eventIds is null"));
    }
  }
}
