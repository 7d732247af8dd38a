package org.oretrace.server.api;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.time.ZoneOffset;
import org.oretrace.server.auth.AccessPolicy;
import org.oretrace.server.auth.AccessPolicy.Action;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.Caller;
import org.oretrace.server.auth.NeedToKnow;
import org.oretrace.store.AlertIndex;
import org.oretrace.store.Recorder;
import org.oretrace.store.report.CmrtExport;
import org.oretrace.store.report.DueDiligenceReport;
import org.oretrace.store.report.DueDiligenceReports;

/**
 * Company reports (docs/reports.md): the OECD five-step due-diligence report for a year, as HTML
 * and as PDF (the same page rendered), and the CMRT smelter list as CSV. Both need a token: the
 * report shows how red flags were handled through the cases the caller's organisation may see. A
 * company reads the reports of its own actors, the agencies those of any company ({@link
 * org.oretrace.server.auth.Scope#seesCompanyReports}); to anyone else the actor is not found.
 */
final class ReportEndpoints {

  private final DueDiligenceReports dueDiligence;
  private final CmrtExport cmrt;
  private final Authenticator authenticator;
  private final NeedToKnow needToKnow;

  ReportEndpoints(
      Recorder recorder, AlertIndex alerts, Authenticator authenticator, NeedToKnow needToKnow) {
    this.dueDiligence = new DueDiligenceReports(recorder.store(), recorder.graph(), alerts);
    this.cmrt = new CmrtExport(recorder.store(), recorder.graph());
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.needToKnow = requireNonNull(needToKnow, "needToKnow is null");
  }

  void oecdHtml(Context context) {
    DueDiligenceReport report = oecd(context);
    context
        .status(200)
        .contentType("text/html; charset=utf-8")
        .result(DueDiligencePage.html(report).getBytes(StandardCharsets.UTF_8));
  }

  void oecdPdf(Context context) {
    DueDiligenceReport report = oecd(context);
    context.header(
        "Content-Disposition",
        "attachment; filename=\"oecd-" + report.company().id() + "-" + report.year() + ".pdf\"");
    context.status(200).contentType("application/pdf").result(DueDiligencePage.pdf(report));
  }

  void cmrt(Context context) {
    Caller caller = authenticator.authenticate(context);
    AccessPolicy.require(caller, Action.READ_REPORTS);
    String actor = requireActor(context, caller);
    String csv = cmrt.csv(actor).orElseThrow(() -> ApiProblem.notFound("actor", actor));
    context.header("Content-Disposition", "attachment; filename=\"cmrt-" + actor + ".csv\"");
    context
        .status(200)
        .contentType("text/csv; charset=utf-8")
        .result(csv.getBytes(StandardCharsets.UTF_8));
  }

  private DueDiligenceReport oecd(Context context) {
    Caller caller = authenticator.authenticate(context);
    AccessPolicy.require(caller, Action.READ_REPORTS);
    String actor = requireActor(context, caller);
    long year =
        QueryParameters.wholeNumber(context, "year", Year.now(ZoneOffset.UTC).getValue() - 1L);
    if (year < 1900 || year > 9999) {
      throw ApiProblem.badParameter("year", "must be a year from 1900 to 9999");
    }
    return dueDiligence
        .build(actor, (int) year, caller.organisation())
        .orElseThrow(() -> ApiProblem.notFound("actor", actor));
  }

  private String requireActor(Context context, Caller caller) {
    String actor = QueryParameters.text(context, "actor");
    if (actor == null) {
      throw ApiProblem.badParameter("actor", "the company's actor id is required");
    }
    if (!needToKnow.scope(caller).seesCompanyReports(actor)) {
      throw ApiProblem.notFound("actor", actor);
    }
    return actor;
  }
}
