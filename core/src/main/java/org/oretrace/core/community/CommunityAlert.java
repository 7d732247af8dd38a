package org.oretrace.core.community;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.oretrace.core.detection.Alert;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.core.detection.Severity;
import org.oretrace.core.registry.Site;

/**
 * The alert (C1) a community report becomes for the regulator. It says what kind of incident was
 * reported where, and nothing of the report's words: alerts are read more widely than reports,
 * which only the regulator reads. Armed presence and child labour (Annex II red flags that make a
 * site red) score high; the rest medium.
 */
public final class CommunityAlert {

  private CommunityAlert() {}

  public static Alert of(CommunityReport report, Site site) {
    requireNonNull(report, "report is null");
    requireNonNull(site, "site is null");
    double score =
        switch (report.kind()) {
          case ARMED_PRESENCE, CHILD_LABOUR -> 0.8;
          case ILLEGAL_TAXATION, SMUGGLING -> 0.6;
          case OTHER -> 0.4;
        };
    return new Alert(
        DetectorId.C1.name() + "-" + report.id(),
        DetectorId.C1,
        score,
        Severity.forScore(score),
        report.receivedAt(),
        List.of(),
        List.of(),
        List.of(),
        List.of(site.id()),
        List.of(site.country()),
        Map.of(),
        "A community report of "
            + report.kind().wireName().replace('-', ' ')
            + " ("
            + report.kind().description()
            + ") at "
            + site.name()
            + " ("
            + site.id()
            + "); the report is with the regulator as "
            + report.id());
  }
}
