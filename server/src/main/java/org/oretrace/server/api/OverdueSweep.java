package org.oretrace.server.api;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oretrace.core.audit.Audit;
import org.oretrace.core.audit.OverdueAlert;
import org.oretrace.core.detection.Alert;
import org.oretrace.core.registry.Site;
import org.oretrace.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises an A1 alert for the regulator for every audit whose corrective actions are overdue. It
 * runs when the server starts, after every audit write, and when sites, audits or alerts are read,
 * at most once per {@link #INTERVAL} otherwise: deadlines pass by the day, so a lazy sweep needs no
 * timer thread to own and stop. Alert ids name the audit and the missed deadline, so sweeping again
 * adds nothing new.
 */
final class OverdueSweep {

  private static final Logger LOG = LoggerFactory.getLogger(OverdueSweep.class);
  static final Duration INTERVAL = Duration.ofMinutes(10);

  private final Store store;
  private final Clock clock;
  private Instant lastRun = Instant.MIN;

  OverdueSweep(Store store, Clock clock) {
    this.store = requireNonNull(store, "store is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Sweeps if the last sweep is older than the interval. */
  synchronized void maybeRun() {
    if (Duration.between(lastRun, clock.instant()).compareTo(INTERVAL) >= 0) {
      run();
    }
  }

  /** Sweeps now. */
  synchronized void run() {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    List<Alert> alerts = new ArrayList<>();
    for (Audit audit : store.audits().withOverdueActions(today)) {
      Optional<Site> site = store.registry().site(audit.siteId());
      if (site.isPresent()) {
        Alert alert = OverdueAlert.of(audit, site.get(), today);
        if (alert != null && store.alerts().alert(alert.id()).isEmpty()) {
          alerts.add(alert);
        }
      }
    }
    if (!alerts.isEmpty()) {
      store.alerts().add(alerts, now);
      LOG.info("{} sites with overdue corrective actions alerted", alerts.size());
    }
    lastRun = now;
  }

  /** The number of the site's corrective actions overdue today, across its audits. */
  int overdueActions(String siteId) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    return store.audits().ofSite(siteId).stream()
        .mapToInt(audit -> audit.overdueActions(today).size())
        .sum();
  }
}
