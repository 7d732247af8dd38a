package org.oretrace.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.oretrace.core.Country;
import org.oretrace.core.detection.Alert;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.core.detection.Severity;

/** The alerts detection raised, with the moment each was raised, for review and for cases. */
public interface AlertStore {

  /** Stores alerts raised at {@code raisedAt}; an alert whose id is already stored is skipped. */
  void add(List<Alert> alerts, Instant raisedAt);

  Optional<StoredAlert> alert(String id);

  /** Alerts matching every given filter, newest (by when they occurred) first. */
  Page<StoredAlert> alerts(AlertFilter filter, PageRequest page);

  long count();

  /** An alert and when detection raised it. */
  record StoredAlert(Alert alert, Instant raisedAt) {
    public StoredAlert {
      requireNonNull(alert, "alert is null");
      requireNonNull(raisedAt, "raisedAt is null");
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
   */
  record AlertFilter(
      DetectorId detector,
      Severity severity,
      String siteId,
      String actorId,
      Country country,
      Instant from,
      Instant until,
      String lotId) {
    public static final AlertFilter ANY = new AlertFilter(null, null, null, null, null, null, null);

    /** Without a lot filter. */
    public AlertFilter(
        DetectorId detector,
        Severity severity,
        String siteId,
        String actorId,
        Country country,
        Instant from,
        Instant until) {
      this(detector, severity, siteId, actorId, country, from, until, null);
    }

    /** The alerts that name a lot. */
    public static AlertFilter aboutLot(String lotId) {
      return new AlertFilter(null, null, null, null, null, null, null, lotId);
    }
  }
}
