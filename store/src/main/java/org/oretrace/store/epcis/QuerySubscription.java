package org.oretrace.store.epcis;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A subscription to a named query (the REST binding's {@code /queries/{name}/subscriptions}): the
 * query's new events are posted to {@code destination} whenever they are captured ({@code stream})
 * or on a schedule.
 *
 * @param subscriptionId unique
 * @param queryName the named query it follows
 * @param destination the webhook URL (http or https) the results are posted to
 * @param signatureToken the client's secret that signs each delivery, or null for none
 * @param stream whether results are sent as events are captured
 * @param schedule the binding's schedule ({@code {"hour": "1", "minute": "5"}}), or null
 * @param reportIfEmpty whether a scheduled run with no new event still posts (an empty result)
 * @param organisation the subscriber's organisation, whose need-to-know scope limits the results
 * @param role the subscriber's role (a {@code Role} wire name)
 * @param createdAt when it was made
 * @param minRecordTime the record time from which events are still to be sent
 * @param lastNotifiedAt the last delivery the destination accepted, or null
 */
public record QuerySubscription(
    String subscriptionId,
    String queryName,
    String destination,
    String signatureToken,
    boolean stream,
    ObjectNode schedule,
    boolean reportIfEmpty,
    String organisation,
    String role,
    Instant createdAt,
    Instant minRecordTime,
    Instant lastNotifiedAt) {

  public QuerySubscription {
    requireNonNull(subscriptionId, "subscriptionId is null");
    requireNonNull(queryName, "queryName is null");
    requireNonNull(destination, "destination is null");
    requireNonNull(organisation, "organisation is null");
    requireNonNull(role, "role is null");
    requireNonNull(createdAt, "createdAt is null");
    requireNonNull(minRecordTime, "minRecordTime is null");
    if (stream == (schedule != null)) {
      throw new IllegalArgumentException("a subscription is either a stream or scheduled");
    }
    schedule = schedule == null ? null : schedule.deepCopy();
  }

  @Override
  public ObjectNode schedule() {
    return schedule == null ? null : schedule.deepCopy();
  }

  /** The same subscription after a delivery the destination accepted. */
  public QuerySubscription delivered(Instant nextRecordTime, Instant notifiedAt) {
    return new QuerySubscription(
        subscriptionId,
        queryName,
        destination,
        signatureToken,
        stream,
        schedule,
        reportIfEmpty,
        organisation,
        role,
        createdAt,
        nextRecordTime,
        notifiedAt);
  }
}
