package org.oretrace.store.report;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Site;

/**
 * What an OECD five-step due-diligence report for a company and a year says, gathered from the
 * record by {@link DueDiligenceReports}; the server renders it as HTML and PDF. The steps: (1)
 * management systems: the chain-of-custody record the company keeps; (2) risks identified: its
 * supply chain, origins and the Annex II red flags met; (3) the response: how each red flag was
 * handled (cases); (4) third-party audits of its origin sites; (5) this report.
 *
 * @param eventsRecorded custody events the company performed in the year
 * @param ledgerSize entries in the verifiable ledger when the report was made
 * @param caseViewer the organisation whose view of cases the report shows
 */
public record DueDiligenceReport(
    Actor company,
    int year,
    Instant generatedAt,
    long eventsRecorded,
    long ledgerSize,
    List<MineralLine> minerals,
    List<OriginLine> origins,
    List<RedFlag> redFlags,
    List<AuditLine> audits,
    String caseViewer) {

  public DueDiligenceReport {
    requireNonNull(company, "company is null");
    requireNonNull(generatedAt, "generatedAt is null");
    minerals = List.copyOf(minerals);
    origins = List.copyOf(origins);
    redFlags = List.copyOf(redFlags);
    audits = List.copyOf(audits);
    requireNonNull(caseViewer, "caseViewer is null");
  }

  /** Lots of one mineral the company handled, and their mass now on record. */
  public record MineralLine(Mineral mineral, int lots, long massGrams) {}

  /** A mine site the company's lots come from, and how many tagged lots upstream came from it. */
  public record OriginLine(Site site, int taggedLots) {}

  /**
   * A red flag met: what kind (e.g. "origin: red site", "alert D3 impossible-travel"), what it is
   * about, the facts, and how it was handled (or that it was not).
   */
  public record RedFlag(String kind, String subject, String facts, String handling) {}

  /** An audit of an origin site. */
  public record AuditLine(
      String siteId,
      String auditor,
      String date,
      String resultingStatus,
      int findings,
      int correctiveActions,
      int overdueActions) {}
}
