package org.oretrace.core.customs;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oretrace.core.custody.CustodyGraph;
import org.oretrace.core.custody.Lot;
import org.oretrace.core.custody.Trace;
import org.oretrace.core.detection.Alert;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.core.lineage.Direction;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.ArmedGroupPresence;
import org.oretrace.core.registry.Licence;
import org.oretrace.core.registry.Registry;
import org.oretrace.core.registry.Site;

/**
 * Customs go/no-go for an export declaration, answered from memory: the custody graph (lots, their
 * holders, masses, grades and upstream lineage), the registry (sites, actors, licences) and the
 * alerts by subject. Nothing here touches a database, so an answer takes the time of one upstream
 * trace per declared lot (microseconds to a millisecond or two at national scale).
 *
 * <p>Every rule is evaluated and every objection kept, rather than stopping at the first: the
 * officer needs the whole list to decide, and the exporter to fix. The rules, each a {@link
 * ReasonCode}: the exporter is registered and licensed on the day, and not a watch-list hit; every
 * lot is tagged, live, held by the exporter, assayed, and declared at its recorded mass (within
 * {@link #MASS_TOLERANCE_PER_MILLE} per mille, weighing error); no lot traces to a red, unvalidated
 * (blue), armed-group or unknown site; no alert names the exporter or any lot upstream.
 */
public final class CustomsCheck {

  /** How far (per mille of the recorded mass) a declared mass may be from the record. */
  public static final long MASS_TOLERANCE_PER_MILLE = 10;

  private final CustodyGraph graph;
  private final Registry registry;
  private final AlertSubjects alerts;

  public CustomsCheck(CustodyGraph graph, Registry registry, AlertSubjects alerts) {
    this.graph = requireNonNull(graph, "graph is null");
    this.registry = requireNonNull(registry, "registry is null");
    this.alerts = requireNonNull(alerts, "alerts is null");
  }

  /** The verdict on a declaration lodged on {@code day}. */
  public Verdict check(Declaration declaration, LocalDate day) {
    requireNonNull(declaration, "declaration is null");
    requireNonNull(day, "day is null");
    List<Reason> reasons = new ArrayList<>();
    Map<String, Alert> alertsFound = new LinkedHashMap<>();
    checkExporter(declaration.exporterId(), day, reasons, alertsFound);
    Set<String> origins = new LinkedHashSet<>();
    for (Declaration.DeclaredLot declared : declaration.lots()) {
      checkLot(declared, declaration.exporterId(), reasons, origins, alertsFound);
    }
    for (String siteId : origins) {
      checkOrigin(siteId, reasons);
    }
    for (Alert alert : alertsFound.values()) {
      if (alert.detector() != DetectorId.D9) {
        reasons.add(
            new Reason(
                ReasonCode.OPEN_ALERT,
                alert.id(),
                "alert "
                    + alert.id()
                    + " ("
                    + alert.detector().slug()
                    + ", "
                    + alert.severity().wireName()
                    + "): "
                    + alert.explanation()));
      }
    }
    return new Verdict(reasons, List.copyOf(origins));
  }

  private void checkExporter(
      String exporterId, LocalDate day, List<Reason> reasons, Map<String, Alert> alertsFound) {
    Optional<Actor> exporter = registry.actor(exporterId);
    if (exporter.isEmpty()) {
      reasons.add(
          new Reason(
              ReasonCode.UNKNOWN_EXPORTER,
              exporterId,
              "exporter " + exporterId + " is not in the registry"));
      return;
    }
    Licence licence = exporter.get().licence();
    if (licence == null) {
      reasons.add(
          new Reason(
              ReasonCode.EXPORTER_UNLICENSED,
              exporterId,
              exporter.get().name() + " holds no licence"));
    } else if (!licence.validOn(day)) {
      reasons.add(
          new Reason(
              ReasonCode.EXPORTER_LICENCE_INVALID,
              exporterId,
              "licence "
                  + licence.number()
                  + " of "
                  + exporter.get().name()
                  + " is valid from "
                  + licence.validFrom()
                  + " to "
                  + licence.validUntil()
                  + ", not on "
                  + day));
    }
    for (Alert alert : alerts.aboutActor(exporterId)) {
      if (alert.detector() == DetectorId.D9) {
        reasons.add(
            new Reason(
                ReasonCode.SANCTIONS_HIT,
                exporterId,
                "watch-list hit (alert " + alert.id() + "): " + alert.explanation(),
                alert.id()));
      } else {
        alertsFound.putIfAbsent(alert.id(), alert);
      }
    }
  }

  private void checkLot(
      Declaration.DeclaredLot declared,
      String exporterId,
      List<Reason> reasons,
      Set<String> origins,
      Map<String, Alert> alertsFound) {
    Optional<Lot> found =
        graph.lot(declared.lotId()).or(() -> graph.liveLotByTag(declared.lotId()));
    if (found.isEmpty()) {
      reasons.add(
          new Reason(
              ReasonCode.NO_TAG,
              declared.lotId(),
              "lot " + declared.lotId() + " is not in the custody record: it was never tagged"));
      return;
    }
    Lot lot = found.get();
    if (!lot.state().live()) {
      reasons.add(
          new Reason(
              ReasonCode.LOT_NOT_LIVE,
              lot.id(),
              "lot " + lot.id() + " is already " + lot.state().wireName()));
    } else if (!lot.holderId().equals(exporterId)) {
      reasons.add(
          new Reason(
              ReasonCode.NOT_HELD_BY_EXPORTER,
              lot.id(),
              "the custody record has lot " + lot.id() + " with " + lot.holderId()));
    }
    if (lot.grade() == null) {
      reasons.add(
          new Reason(
              ReasonCode.NO_ASSAY,
              lot.id(),
              "lot " + lot.id() + " has no assay: its grade is not on record"));
    }
    long difference = Math.abs(declared.massGrams() - lot.massGrams());
    if (difference * 1000 > lot.massGrams() * MASS_TOLERANCE_PER_MILLE) {
      reasons.add(
          new Reason(
              ReasonCode.MASS_NOT_ACCOUNTED,
              lot.id(),
              "lot "
                  + lot.id()
                  + " is declared at "
                  + declared.massGrams()
                  + " g; the custody record accounts for "
                  + lot.massGrams()
                  + " g"));
    }
    Trace upstream = graph.trace(lot.id(), Direction.UPSTREAM).orElseThrow();
    for (Trace.Node node : upstream.lots()) {
      alerts.aboutLot(node.lot().id()).forEach(alert -> alertsFound.putIfAbsent(alert.id(), alert));
    }
    for (Trace.Node endpoint : upstream.endpoints()) {
      String site = endpoint.lot().originSiteId();
      if (site != null) {
        origins.add(site);
      }
    }
  }

  private void checkOrigin(String siteId, List<Reason> reasons) {
    Optional<Site> found = registry.site(siteId);
    if (found.isEmpty()) {
      reasons.add(
          new Reason(
              ReasonCode.ORIGIN_UNKNOWN, siteId, "origin site " + siteId + " is not registered"));
      return;
    }
    Site site = found.get();
    switch (site.icglrStatus()) {
      case RED ->
          reasons.add(
              new Reason(
                  ReasonCode.ORIGIN_RED,
                  siteId,
                  "origin site " + site.name() + " (" + siteId + ") is red under the ICGLR RCM"));
      case BLUE ->
          reasons.add(
              new Reason(
                  ReasonCode.ORIGIN_UNVALIDATED,
                  siteId,
                  "origin site "
                      + site.name()
                      + " ("
                      + siteId
                      + ") is blue: not inspected or validated"));
      case GREEN, YELLOW -> {}
    }
    if (site.armedGroupPresence() != ArmedGroupPresence.NONE) {
      reasons.add(
          new Reason(
              ReasonCode.ORIGIN_ARMED_PRESENCE,
              siteId,
              "armed groups are "
                  + (site.armedGroupPresence() == ArmedGroupPresence.CONTROLLED
                      ? "in control of"
                      : "present at")
                  + " origin site "
                  + site.name()
                  + " ("
                  + siteId
                  + ")"));
    }
  }
}
