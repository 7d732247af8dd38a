package org.oretrace.store.epcis;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oretrace.store.json.Json;

/**
 * The EPCIS events Oretrace holds (captured ones, and native custody events projected as EPCIS),
 * and the capture jobs. Captured events enter through {@link EpcisCapture}, never directly.
 */
public interface EpcisStore {

  /**
   * Stores records in one transaction, with their links to custody events; a record whose eventID
   * is already stored replaces it.
   *
   * @param projectedUpTo when not negative, the ledger sequence up to which (exclusive) native
   *     custody events are now projected
   */
  default void append(List<EpcisRecord> records, long projectedUpTo) {
    append(
        records, records.stream().map(record -> Json.text(record.event())).toList(), projectedUpTo);
  }

  /**
   * {@link #append(List, long)} with each record's event already written as JSON text (the text of
   * {@code records.get(i).event()} at position i), so that a capture can write them on another
   * thread while its custody events are recorded.
   */
  void append(List<EpcisRecord> records, List<String> eventTexts, long projectedUpTo);

  /**
   * Stores the records of a capture and its job in one transaction: {@link #append(List, List,
   * long)} for records whose eventIDs the capture found not stored (so nothing is looked up or
   * replaced; a stored one fails the whole transaction), then {@link #putCaptureJob}.
   */
  void appendCaptured(
      List<EpcisRecord> records, List<String> eventTexts, long projectedUpTo, CaptureJob job);

  /** Where projection of native custody events resumes. */
  long projectedUpTo();

  /** The ids among these custody event ids that some captured EPCIS event was mapped to. */
  java.util.Set<String> linkedCustodyEventIds(Collection<String> custodyEventIds);

  Optional<EpcisRecord> event(String eventId);

  /** The stored events among these ids, by id. */
  Map<String, EpcisRecord> events(Collection<String> eventIds);

  /** Events matching the query, skipping {@code offset}, at most {@code limit}. */
  List<EpcisRecord> query(EpcisQuery query, long offset, int limit);

  /** Every distinct bizStep of the stored events, sorted. */
  List<String> bizSteps();

  void putCaptureJob(CaptureJob job);

  Optional<CaptureJob> captureJob(String captureId);

  /** Capture jobs, newest first. */
  List<CaptureJob> captureJobs(long offset, int limit);

  /** Saves a named query; false (and nothing changed) when the name is taken. */
  boolean putNamedQuery(NamedQuery query);

  Optional<NamedQuery> namedQuery(String name);

  /** Named queries by name. */
  default List<NamedQuery> namedQueries(long offset, int limit) {
    return namedQueries(null, offset, limit);
  }

  /** The named queries one organisation saved, by name; every one when the owner is null. */
  List<NamedQuery> namedQueries(String owner, long offset, int limit);

  /** Deletes a named query and its subscriptions; false when there was none of that name. */
  boolean deleteNamedQuery(String name);

  /** Saves a query subscription. */
  void putSubscription(QuerySubscription subscription);

  Optional<QuerySubscription> subscription(String subscriptionId);

  /** The subscriptions of one named query, oldest first; every subscription when name is null. */
  List<QuerySubscription> subscriptions(String queryName, long offset, int limit);

  /** Deletes a subscription; false when there was none of that id. */
  boolean deleteSubscription(String subscriptionId);

  /** Records an accepted delivery: where the next one starts, and when this one was taken. */
  void subscriptionDelivered(
      String subscriptionId, java.time.Instant minRecordTime, java.time.Instant notifiedAt);
}
