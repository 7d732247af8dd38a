package org.oretrace.store.report;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oretrace.core.audit.Audit;
import org.oretrace.core.cases.CaseFile;
import org.oretrace.core.cases.CaseReference;
import org.oretrace.core.cases.ReferenceKind;
import org.oretrace.core.custody.CustodyGraph;
import org.oretrace.core.custody.Lot;
import org.oretrace.core.detection.Alert;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.ArmedGroupPresence;
import org.oretrace.core.registry.IcglrStatus;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Site;
import org.oretrace.store.AlertIndex;
import org.oretrace.store.Page;
import org.oretrace.store.PageRequest;
import org.oretrace.store.Store;
import org.oretrace.store.report.DueDiligenceReport.AuditLine;
import org.oretrace.store.report.DueDiligenceReport.MineralLine;
import org.oretrace.store.report.DueDiligenceReport.OriginLine;
import org.oretrace.store.report.DueDiligenceReport.RedFlag;

/**
 * Gathers an OECD due-diligence report ({@link DueDiligenceReport}) from the record: the lots the
 * company handled in the year, their origins traced upstream, the red flags (origin sites that are
 * red, unvalidated, armed-group-held or in a CAHRA; alerts naming the company or its lots that
 * occurred in the year), how each was handled (the cases, among those the reading organisation may
 * see, that hold the alert; the audits of the site), and the audits of every origin site.
 */
public final class DueDiligenceReports {

  private final Store store;
  private final CustodyGraph graph;
  private final AlertIndex alerts;

  public DueDiligenceReports(Store store, CustodyGraph graph, AlertIndex alerts) {
    this.store = requireNonNull(store, "store is null");
    this.graph = requireNonNull(graph, "graph is null");
    this.alerts = requireNonNull(alerts, "alerts is null");
  }

  /**
   * The report, or empty when the actor is unknown.
   *
   * @param caseViewer the organisation reading the report: only cases visible to it are shown
   */
  public Optional<DueDiligenceReport> build(String actorId, int year, String caseViewer) {
    Optional<Actor> company = store.registry().actor(actorId);
    if (company.isEmpty()) {
      return Optional.empty();
    }
    Instant from = LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant until = LocalDate.of(year + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    SupplyChain.Handled handled = SupplyChain.handledBy(store.custody(), actorId, from, until);

    Map<Mineral, long[]> byMineral = new EnumMap<>(Mineral.class);
    Map<String, Integer> originCounts = new LinkedHashMap<>();
    Map<String, Alert> alertsMet = new LinkedHashMap<>();
    alerts.refresh();
    for (Alert alert : alerts.aboutActor(actorId)) {
      alertsMet.putIfAbsent(alert.id(), alert);
    }
    for (String lotId : handled.lotIds()) {
      Optional<Lot> lot = graph.lot(lotId);
      if (lot.isEmpty()) {
        continue;
      }
      long[] line = byMineral.computeIfAbsent(lot.get().mineral(), mineral -> new long[2]);
      line[0]++;
      line[1] += lot.get().massGrams();
      SupplyChain.origins(graph, lotId)
          .forEach((site, count) -> originCounts.merge(site, count, Integer::sum));
      for (Alert alert : alerts.aboutLot(lotId)) {
        alertsMet.putIfAbsent(alert.id(), alert);
      }
    }
    List<MineralLine> minerals = new ArrayList<>();
    byMineral.forEach(
        (mineral, line) -> minerals.add(new MineralLine(mineral, (int) line[0], line[1])));

    List<OriginLine> origins = new ArrayList<>();
    List<AuditLine> audits = new ArrayList<>();
    Map<String, List<Audit>> auditsBySite = new HashMap<>();
    LocalDate reportDay = LocalDate.now(ZoneOffset.UTC);
    for (Map.Entry<String, Integer> origin : originCounts.entrySet()) {
      Optional<Site> site = store.registry().site(origin.getKey());
      if (site.isEmpty()) {
        continue;
      }
      origins.add(new OriginLine(site.get(), origin.getValue()));
      List<Audit> siteAudits = store.audits().ofSite(site.get().id());
      auditsBySite.put(site.get().id(), siteAudits);
      for (Audit audit : siteAudits) {
        audits.add(
            new AuditLine(
                audit.siteId(),
                audit.auditor(),
                audit.date().toString(),
                audit.resultingStatus() == null ? "" : audit.resultingStatus().wireName(),
                audit.findings().size(),
                audit.correctiveActions().size(),
                audit.overdueActions(reportDay).size()));
      }
    }

    List<RedFlag> redFlags = new ArrayList<>();
    for (OriginLine origin : origins) {
      originFlag(origin.site(), auditsBySite.getOrDefault(origin.site().id(), List.of()))
          .ifPresent(redFlags::add);
    }
    Map<String, CaseFile> casesByAlert = casesByAlert(caseViewer);
    for (Alert alert : alertsMet.values()) {
      if (alert.occurredAt().isBefore(from) || !alert.occurredAt().isBefore(until)) {
        continue;
      }
      CaseFile handling = casesByAlert.get(alert.id());
      redFlags.add(
          new RedFlag(
              "alert " + alert.detector().name() + " " + alert.detector().slug(),
              alert.id(),
              alert.explanation(),
              handling == null
                  ? "not in any case visible to " + caseViewer
                  : "case "
                      + handling.id()
                      + " ("
                      + handling.title()
                      + "), "
                      + handling.state().wireName()
                      + (handling.outcome() == null ? "" : ": " + handling.outcome())));
    }
    return Optional.of(
        new DueDiligenceReport(
            company.get(),
            year,
            Instant.now(),
            handled.events(),
            store.ledger().size(),
            minerals,
            origins,
            redFlags,
            audits,
            caseViewer));
  }

  private static Optional<RedFlag> originFlag(Site site, List<Audit> audits) {
    List<String> facts = new ArrayList<>();
    if (site.icglrStatus() == IcglrStatus.RED) {
      facts.add("ICGLR status red (excluded)");
    } else if (site.icglrStatus() == IcglrStatus.BLUE) {
      facts.add("ICGLR status blue (not inspected or validated)");
    }
    if (site.armedGroupPresence() != ArmedGroupPresence.NONE) {
      facts.add("armed groups " + site.armedGroupPresence().wireName());
    }
    if (site.cahra()) {
      facts.add("in a conflict-affected or high-risk area");
    }
    if (facts.isEmpty()) {
      return Optional.empty();
    }
    String handling =
        audits.isEmpty()
            ? "no third-party audit of the site on record"
            : "audited "
                + audits.size()
                + " time(s), latest "
                + audits.getFirst().date()
                + " by "
                + audits.getFirst().auditor()
                + (audits.getFirst().resultingStatus() == null
                    ? ""
                    : ", concluding " + audits.getFirst().resultingStatus().wireName());
    return Optional.of(
        new RedFlag("origin", site.id() + " " + site.name(), String.join("; ", facts), handling));
  }

  private Map<String, CaseFile> casesByAlert(String organisation) {
    Map<String, CaseFile> byAlert = new HashMap<>();
    long offset = 0;
    while (true) {
      Page<CaseFile> page =
          store
              .cases()
              .visibleTo(organisation, null, new PageRequest(offset, PageRequest.MAX_LIMIT));
      for (CaseFile caseFile : page.items()) {
        caseFile.alertIds().forEach(alert -> byAlert.putIfAbsent(alert, caseFile));
        for (CaseReference reference : caseFile.references()) {
          if (reference.kind() == ReferenceKind.ALERT) {
            byAlert.putIfAbsent(reference.value(), caseFile);
          }
        }
      }
      offset += page.items().size();
      if (page.items().isEmpty() || offset >= page.total()) {
        return byAlert;
      }
    }
  }
}
