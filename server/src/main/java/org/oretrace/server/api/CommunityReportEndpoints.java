package org.oretrace.server.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.access.Organisation;
import org.oretrace.core.community.CommunityAlert;
import org.oretrace.core.community.CommunityReport;
import org.oretrace.core.community.ReceiptCode;
import org.oretrace.core.community.ReportMessage;
import org.oretrace.core.community.ReportStatus;
import org.oretrace.core.registry.Site;
import org.oretrace.server.auth.AccessDeniedException;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.Caller;
import org.oretrace.server.auth.CommunityReportAccess;
import org.oretrace.server.auth.NeedToKnow;
import org.oretrace.server.auth.Scope;
import org.oretrace.store.CommunityReportStore;
import org.oretrace.store.CommunityReportStore.Share;
import org.oretrace.store.CommunityReportStore.ShareChange;
import org.oretrace.store.EvidenceStore;
import org.oretrace.store.PageRequest;
import org.oretrace.store.Store;
import org.oretrace.store.json.CommunityReportJson;
import org.oretrace.store.json.CommunityReportJson.Submission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The anonymous community channel (docs/community-reports.md). The public side needs no token:
 * anyone may send a report, and whoever holds its receipt code may follow it and answer the
 * regulator's questions. The regulator's side ({@link CommunityReportAccess}: the regulator of the
 * site's country) lists reports, asks questions and changes their status. Every report becomes a C1
 * alert about its site.
 *
 * <p>Anonymity: nothing written names the sender. The client's address is used only to rate-limit,
 * through {@link RateLimiter}'s keyed pseudonym held in memory; the log lines name the report and
 * site, not the client; the receipt code is answered once and stored only as its SHA-256.
 */
final class CommunityReportEndpoints {

  private static final Logger LOG = LoggerFactory.getLogger(CommunityReportEndpoints.class);
  private static final int ATTEMPTS = 5;
  private static final String FORM_RESOURCE = "community-report.html";

  /** Reports one client may send per hour. */
  static final int REPORTS_PER_HOUR = 5;

  /** Receipt look-ups and answers one client may make per hour. */
  static final int RECEIPT_REQUESTS_PER_HOUR = 60;

  private final Store store;
  private final CommunityReportStore reports;
  private final Authenticator authenticator;
  private final NeedToKnow needToKnow;
  private final CommunityReportAccess access;
  private final RateLimiter submissions;
  private final RateLimiter receipts;
  private final byte[] formPage;

  CommunityReportEndpoints(
      Store store, Authenticator authenticator, NeedToKnow needToKnow, Clock clock) {
    this.store = requireNonNull(store, "store is null");
    this.reports = store.communityReports();
    this.access = new CommunityReportAccess(reports, store.registry());
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.needToKnow = requireNonNull(needToKnow, "needToKnow is null");
    this.submissions = new RateLimiter(REPORTS_PER_HOUR, Duration.ofHours(1), clock);
    this.receipts = new RateLimiter(RECEIPT_REQUESTS_PER_HOUR, Duration.ofHours(1), clock);
    this.formPage = formPage();
  }

  /** The public form at /report: plain HTML with its style and script inline, no login. */
  void form(Context context) {
    context.status(200).contentType("text/html; charset=utf-8").result(formPage);
  }

  private static byte[] formPage() {
    try (InputStream in = CommunityReportEndpoints.class.getResourceAsStream(FORM_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + FORM_RESOURCE + " is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void submit(Context context) {
    limit(submissions, context);
    Submission submission =
        CommunityReportJson.decodeSubmission(Responses.parseBody(context.bodyAsBytes()));
    Site site =
        store
            .registry()
            .site(submission.siteId())
            .orElseThrow(() -> InvalidInputException.of("site", "no site " + submission.siteId()));
    String photo = null;
    byte[] photoBytes = submission.photo();
    if (photoBytes != null) {
      if (photoBytes.length == 0 || photoBytes.length > EvidenceStore.MAX_BYTES) {
        throw InvalidInputException.of(
            "photo", "must be 1 byte to " + EvidenceStore.MAX_BYTES + " bytes");
      }
      photo = store.evidence().put(photoBytes, submission.photoMediaType()).sha256();
    }
    Instant now = Instant.now();
    String id = "report-" + UUID.randomUUID();
    CommunityReport report =
        new CommunityReport(
            id,
            submission.kind(),
            site.id(),
            submission.text(),
            photo,
            submission.contact(),
            now,
            ReportStatus.RECEIVED,
            List.of());
    String code = ReceiptCode.generate();
    reports.add(report, ReceiptCode.hash(code));
    store.alerts().add(List.of(CommunityAlert.of(report, site)), now);
    LOG.info("community report {} ({}) about site {}", id, report.kind().wireName(), site.id());
    ObjectNode body = CommunityReportJson.encode(report, true);
    body.put("receipt", code);
    body.put("followAt", ApiRoutes.PREFIX + "/community-reports/receipt/" + code);
    Responses.json(context, 201, body);
  }

  void byReceipt(Context context) {
    limit(receipts, context);
    CommunityReport report = findByReceipt(context);
    Responses.json(context, 200, CommunityReportJson.encode(report, true));
  }

  void reporterMessage(Context context) {
    limit(receipts, context);
    CommunityReport current = findByReceipt(context);
    String text = CommunityReportJson.decodeMessage(Responses.parseBody(context.bodyAsBytes()));
    CommunityReport next =
        change(
            current,
            report -> report.withMessage(new ReportMessage(true, text, Instant.now())),
            () -> findByReceipt(context));
    LOG.info("community report {}: message from the reporter", next.id());
    Responses.json(context, 200, CommunityReportJson.encode(next, true));
  }

  void list(Context context) {
    Caller caller = authenticator.authenticate(context);
    CommunityReportAccess.requireRead(caller);
    Scope scope = needToKnow.scope(caller);
    PageRequest page = QueryParameters.page(context);
    Responses.json(
        context,
        200,
        Responses.page(
            scope.page(reports::list, access.visibleTo(scope), page),
            page,
            report -> CommunityReportJson.encode(report, true)));
  }

  void get(Context context) {
    Caller caller = authenticator.authenticate(context);
    String id = context.pathParam("id");
    CommunityReport report = findVisible(needToKnow.scope(caller), id);
    Responses.json(context, 200, withShares(report));
  }

  /**
   * {@code {"organisation": "police-cd"}}: the regulator of the report's country shares it with
   * another agency, which may read it (and its photo) from then on. Each share is kept with who
   * made it and when, and shown in the report's {@code sharedWith} (and {@code shareHistory});
   * sharing again changes nothing.
   */
  void share(Context context) {
    ShareRequest request = shareRequest(context);
    Caller caller = request.caller();
    String organisation = request.organisation();
    Organisation target =
        store
            .accounts()
            .organisation(organisation)
            .orElseThrow(
                () ->
                    ApiProblem.badParameter(
                        "organisation", "'" + organisation + "' is not a registered organisation"));
    if (!target.type().isCountryAgency() || target.id().equals(caller.organisation())) {
      throw ApiProblem.badParameter(
          "organisation",
          "a report is shared with another agency (regulator, police, anti-corruption, FIU); "
              + organisation
              + " is "
              + (target.id().equals(caller.organisation())
                  ? "the caller's own organisation"
                  : "a " + target.type().wireName()));
    }
    if (reports.share(request.report().id(), request.shareWith(target.id()))) {
      LOG.info(
          "community report {} shared with {} by {}",
          request.report().id(),
          target.id(),
          caller.organisation());
    }
    Responses.json(context, 200, withShares(request.report()));
  }

  /**
   * {@code {"organisation": "police-cd"}}: the regulator of the report's country withdraws a share;
   * the agency no longer sees the report nor its photo, from this request on (every read asks
   * {@link CommunityReportAccess}, which reads the shares in force). The withdrawal is appended to
   * the report's {@code shareHistory} with who made it and when.
   */
  void withdrawShare(Context context) {
    ShareRequest request = shareRequest(context);
    String organisation = request.organisation();
    boolean withdrawn =
        !organisation.isEmpty()
            && reports.withdraw(request.report().id(), request.shareWith(organisation));
    if (!withdrawn) {
      throw ApiProblem.badParameter(
          "organisation", "the report is not shared with '" + organisation + "'");
    }
    LOG.info(
        "community report {}: share with {} withdrawn by {}",
        request.report().id(),
        organisation,
        request.caller().organisation());
    Responses.json(context, 200, withShares(request.report()));
  }

  /**
   * A request to share a report or withdraw a share: the caller, allowed to share, the report it
   * may answer for, and the organisation the body names (stripped; empty when it names none).
   */
  private record ShareRequest(Caller caller, CommunityReport report, String organisation) {

    /** The share (or withdrawal) with {@code organisation}, made by the caller now. */
    Share shareWith(String organisation) {
      return new Share(organisation, Instant.now(), caller.organisation(), caller.username());
    }
  }

  private ShareRequest shareRequest(Context context) {
    Caller caller = authenticator.authenticate(context);
    CommunityReportAccess.requireShare(caller);
    CommunityReport report = findAnswerable(needToKnow.scope(caller), context.pathParam("id"));
    String organisation =
        Responses.parseBody(context.bodyAsBytes()).path("organisation").asText("").strip();
    return new ShareRequest(caller, report, organisation);
  }

  private ObjectNode withShares(CommunityReport report) {
    ObjectNode body = CommunityReportJson.encode(report, true);
    ArrayNode shared = body.putArray("sharedWith");
    for (Share share : reports.shares(report.id())) {
      ObjectNode item = shared.addObject();
      item.put("organisation", share.organisation());
      item.put("at", share.at().toString());
      item.put("by", share.byOrganisation());
      if (share.byUsername() != null) {
        item.put("username", share.byUsername());
      }
    }
    ArrayNode history = body.putArray("shareHistory");
    for (ShareChange change : reports.shareTrail(report.id())) {
      ObjectNode item = history.addObject();
      item.put("sequence", change.sequence());
      item.put("action", change.withdrawal() ? "withdraw" : "share");
      item.put("organisation", change.change().organisation());
      item.put("at", change.change().at().toString());
      item.put("by", change.change().byOrganisation());
      if (change.change().byUsername() != null) {
        item.put("username", change.change().byUsername());
      }
    }
    return body;
  }

  void regulatorMessage(Context context) {
    Caller caller = authenticator.authenticate(context);
    CommunityReportAccess.requireAnswer(caller);
    String id = context.pathParam("id");
    findAnswerable(needToKnow.scope(caller), id);
    String text = CommunityReportJson.decodeMessage(Responses.parseBody(context.bodyAsBytes()));
    CommunityReport current =
        reports.find(id).orElseThrow(() -> ApiProblem.notFound("community report", id));
    CommunityReport next =
        change(
            current,
            report ->
                report
                    .withMessage(new ReportMessage(false, text, Instant.now()))
                    .withStatus(
                        report.status() == ReportStatus.RECEIVED
                            ? ReportStatus.UNDER_REVIEW
                            : report.status()),
            () -> reports.find(id).orElseThrow(() -> ApiProblem.notFound("community report", id)));
    LOG.info("community report {}: question from {}", id, caller.organisation());
    Responses.json(context, 200, CommunityReportJson.encode(next, true));
  }

  void setStatus(Context context) {
    Caller caller = authenticator.authenticate(context);
    CommunityReportAccess.requireAnswer(caller);
    String id = context.pathParam("id");
    findAnswerable(needToKnow.scope(caller), id);
    ReportStatus status =
        CommunityReportJson.decodeStatus(Responses.parseBody(context.bodyAsBytes()));
    CommunityReport current =
        reports.find(id).orElseThrow(() -> ApiProblem.notFound("community report", id));
    CommunityReport next =
        change(
            current,
            report -> report.withStatus(status),
            () -> reports.find(id).orElseThrow(() -> ApiProblem.notFound("community report", id)));
    LOG.info("community report {}: {} by {}", id, status.wireName(), caller.organisation());
    Responses.json(context, 200, CommunityReportJson.encode(next, true));
  }

  /** The report, hidden (404) from callers who may not see it, whatever their role. */
  private CommunityReport findVisible(Scope scope, String id) {
    return reports
        .find(id)
        .filter(report -> maySee(scope, report))
        .orElseThrow(() -> ApiProblem.notFound("community report", id));
  }

  private boolean maySee(Scope scope, CommunityReport report) {
    return access.maySee(scope, report);
  }

  /**
   * The report, hidden (404) from callers who may not see it; forbidden (403) to an agency that
   * sees it only because it was shared with it: answering and sharing are the regulator's.
   */
  private CommunityReport findAnswerable(Scope scope, String id) {
    CommunityReport report = findVisible(scope, id);
    if (!access.mayAnswer(scope, report)) {
      throw AccessDeniedException.forbidden(
          "only the regulator of the report's country answers and shares it; it was shared with "
              + scope.caller().organisation()
              + " to read");
    }
    return report;
  }

  private CommunityReport change(
      CommunityReport current,
      UnaryOperator<CommunityReport> change,
      Supplier<CommunityReport> reread) {
    CommunityReport base = current;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      CommunityReport next = change.apply(base);
      if (reports.replace(base, next)) {
        return next;
      }
      base = reread.get();
    }
    throw new ApiProblem(
        ProblemType.REPORT_CHANGED,
        "the report kept changing while this was applied; nothing was written, try again",
        List.of());
  }

  private CommunityReport findByReceipt(Context context) {
    String code = ReceiptCode.normalise(context.pathParam("code"));
    // Unknown and malformed codes get the same answer, which says nothing about other reports.
    return (code == null
            ? Optional.<CommunityReport>empty()
            : reports.findByReceipt(ReceiptCode.hash(code)))
        .orElseThrow(() -> ApiProblem.notFound("community report with this receipt code", "here"));
  }

  private static void limit(RateLimiter limiter, Context context) {
    if (!limiter.tryAcquire(context.ip())) {
      context.header("Retry-After", Long.toString(limiter.window().toSeconds()));
      throw new ApiProblem(
          ProblemType.TOO_MANY_REQUESTS,
          "too many requests from this client; try again later",
          List.of());
    }
  }
}
