package org.oretrace.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oretrace.core.Country;
import org.oretrace.core.access.Role;
import org.oretrace.core.detection.Alert;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.core.detection.Severity;
import org.oretrace.core.registry.WireNames;

/**
 * The alerts detection raised, with the moment each was raised, for review and for cases. An alert
 * is open until an analyst closes it (with a reason); it may be reopened. Each change of status is
 * appended to the alert's trail, which is never changed or shortened.
 */
public interface AlertStore {

  /** Stores alerts raised at {@code raisedAt}; an alert whose id is already stored is skipped. */
  void add(List<Alert> alerts, Instant raisedAt);

  Optional<StoredAlert> alert(String id);

  /** Alerts matching every given filter, newest (by when they occurred) first. */
  Page<StoredAlert> alerts(AlertFilter filter, PageRequest page);

  long count();

  /** Every alert, newest (by when it occurred) first, read a page of the most at a time. */
  default List<StoredAlert> all() {
    List<StoredAlert> all = new ArrayList<>();
    for (long offset = 0; ; offset += PageRequest.MAX_LIMIT) {
      List<StoredAlert> page =
          alerts(AlertFilter.ANY, new PageRequest(offset, PageRequest.MAX_LIMIT)).items();
      all.addAll(page);
      if (page.size() < PageRequest.MAX_LIMIT) {
        return all;
      }
    }
  }

  /**
   * Sets an alert's status and appends the change to its trail, in one transaction.
   *
   * @return false, writing nothing, when the alert is unknown or already has that status
   */
  boolean changeStatus(String alertId, StatusChange change);

  /** The alert's changes of status, oldest first (empty for an alert never closed). */
  List<StatusChange> statusHistory(String alertId);

  /**
   * A number that grows whenever an alert is added or changes status, so that an in-memory index of
   * the alerts can tell with one query whether it is current.
   */
  long version();

  /** An alert, when detection raised it, and whether it is still open. */
  record StoredAlert(Alert alert, Instant raisedAt, Status status) {
    public StoredAlert {
      requireNonNull(alert, "alert is null");
      requireNonNull(raisedAt, "raisedAt is null");
      requireNonNull(status, "status is null");
    }

    /** An open alert. */
    public StoredAlert(Alert alert, Instant raisedAt) {
      this(alert, raisedAt, Status.OPEN);
    }
  }

  /** Whether an alert still asks for attention. */
  enum Status {
    OPEN,
    CLOSED;

    public String wireName() {
      return WireNames.of(this);
    }

    public static Status fromWireName(String name) {
      return WireNames.parse(Status.class, name);
    }
  }

  /**
   * One change of an alert's status: to what, why, who made it and when.
   *
   * @param username the user who made it, or null for an API token
   */
  record StatusChange(
      Status status, String reason, String organisation, String username, Role role, Instant at) {
    public static final int MAX_REASON_LENGTH = 2000;

    public StatusChange {
      requireNonNull(status, "status is null");
      requireNonNull(reason, "reason is null");
      requireNonNull(organisation, "organisation is null");
      requireNonNull(role, "role is null");
      requireNonNull(at, "at is null");
      if (reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
        throw new IllegalArgumentException(
            "a reason of 1 to " + MAX_REASON_LENGTH + " characters is needed");
      }
    }
  }

  /**
   * Filters for listing alerts; a null field matches any value.
   *
   * @param siteId an alert naming this site
   * @param actorId an alert naming this actor
   * @param country an alert naming this country
   * @param from alerts whose pattern completed at or after this instant
   * @param until alerts whose pattern completed before this instant
   * @param lotId alerts that name this lot
   * @param status alerts in this status
   */
  record AlertFilter(
      DetectorId detector,
      Severity severity,
      String siteId,
      String actorId,
      Country country,
      Instant from,
      Instant until,
      String lotId,
      Status status) {
    public static final AlertFilter ANY = new AlertFilter(null, null, null, null, null, null, null);

    /** In any status. */
    public AlertFilter(
        DetectorId detector,
        Severity severity,
        String siteId,
        String actorId,
        Country country,
        Instant from,
        Instant until,
        String lotId) {
      this(detector, severity, siteId, actorId, country, from, until, lotId, null);
    }

    /** Without a lot filter. */
    public AlertFilter(
        DetectorId detector,
        Severity severity,
        String siteId,
        String actorId,
        Country country,
        Instant from,
        Instant until) {
      this(detector, severity, siteId, actorId, country, from, until, null, null);
    }

    /** The alerts that name a lot. */
    public static AlertFilter aboutLot(String lotId) {
      return new AlertFilter(null, null, null, null, null, null, null, lotId, null);
    }
  }
}
