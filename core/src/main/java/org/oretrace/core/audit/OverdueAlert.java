package org.oretrace.core.audit;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.oretrace.core.detection.Alert;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.core.detection.Severity;
import org.oretrace.core.registry.Site;

/**
 * The alert (A1) that tells the regulator a site's corrective actions are past their deadline. Its
 * id names the audit and the earliest missed deadline, so raising it again for the same lapse
 * changes nothing, while a later lapse of the same audit is a new alert.
 */
public final class OverdueAlert {

  private OverdueAlert() {}

  /**
   * The alert for the audit's actions overdue on {@code day}, or null when none is.
   *
   * @param site the audited site as registered
   */
  public static Alert of(Audit audit, Site site, LocalDate day) {
    requireNonNull(site, "site is null");
    List<Integer> overdue = audit.overdueActions(day);
    if (overdue.isEmpty()) {
      return null;
    }
    LocalDate missed =
        overdue.stream()
            .map(index -> audit.correctiveActions().get(index).deadline())
            .min(LocalDate::compareTo)
            .orElseThrow();
    long daysLate = day.toEpochDay() - missed.toEpochDay();
    double score = Math.min(1.0, 0.5 + overdue.size() * 0.1 + daysLate / 365.0);
    return new Alert(
        DetectorId.A1.name() + "-" + audit.id() + "-" + missed,
        DetectorId.A1,
        score,
        Severity.forScore(score),
        missed.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
        List.of(),
        List.of(),
        List.of(),
        List.of(site.id()),
        List.of(site.country()),
        Map.of(
            "overdueActions", BigDecimal.valueOf(overdue.size()),
            "daysLate", BigDecimal.valueOf(daysLate)),
        overdue.size()
            + " corrective action"
            + (overdue.size() == 1 ? "" : "s")
            + " of the "
            + audit.date()
            + " audit of "
            + site.name()
            + " by "
            + audit.auditor()
            + " "
            + (overdue.size() == 1 ? "is" : "are")
            + " not done, "
            + daysLate
            + " days after the deadline of "
            + missed);
  }
}
