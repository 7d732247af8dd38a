package org.oretrace.server.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.audit.ActionStatus;
import org.oretrace.core.audit.Audit;
import org.oretrace.core.audit.StatusChange;
import org.oretrace.core.registry.Site;
import org.oretrace.server.auth.AccessPolicy;
import org.oretrace.server.auth.AccessPolicy.Action;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.Caller;
import org.oretrace.server.auth.NeedToKnow;
import org.oretrace.server.auth.Scope;
import org.oretrace.store.Store;
import org.oretrace.store.json.AuditJson;
import org.oretrace.store.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Third-party audits of sites (docs/audits.md): recorded by the administrators of the regulator of
 * the site's country, read by the agencies and auditors of that country ({@link
 * Scope#seesSiteAudits}); to anyone else a site's audits do not exist (404). Recording an audit
 * that concludes a new ICGLR status changes the site and appends to its status history in the same
 * transaction; corrective actions are followed up one by one, and overdue ones flag the site (here,
 * in the site's answer, and as an A1 alert).
 */
final class AuditEndpoints {

  private static final Logger LOG = LoggerFactory.getLogger(AuditEndpoints.class);

  private final Store store;
  private final Authenticator authenticator;
  private final NeedToKnow needToKnow;
  private final OverdueSweep sweep;

  AuditEndpoints(
      Store store, Authenticator authenticator, NeedToKnow needToKnow, OverdueSweep sweep) {
    this.store = requireNonNull(store, "store is null");
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.needToKnow = requireNonNull(needToKnow, "needToKnow is null");
    this.sweep = requireNonNull(sweep, "sweep is null");
  }

  void record(Context context) {
    Caller caller = authenticator.authenticate(context);
    AccessPolicy.require(caller, Action.RECORD_AUDITS);
    String siteId = visibleSite(needToKnow.scope(caller), context.pathParam("id")).id();
    Audit audit =
        AuditJson.decodeRequest(
            Responses.parseBody(context.bodyAsBytes()),
            "audit-" + UUID.randomUUID(),
            siteId,
            Instant.now(),
            caller.organisation());
    Optional<StatusChange> change = store.audits().record(audit);
    LOG.info(
        "audit {} of {} recorded by {}{}",
        audit.id(),
        siteId,
        caller.organisation(),
        change.map(made -> ": status " + made.from() + " -> " + made.to()).orElse(""));
    sweep.run();
    ObjectNode body = AuditJson.encode(audit, today());
    change.ifPresent(made -> body.set("statusChange", AuditJson.encode(made)));
    context.header("Location", ApiRoutes.PREFIX + "/audits/" + audit.id());
    Responses.json(context, 201, body);
  }

  void ofSite(Context context) {
    String siteId = requireSite(context);
    sweep.maybeRun();
    ObjectNode body = Json.object();
    body.put("site", siteId);
    body.put("correctiveActionsOverdue", sweep.overdueActions(siteId));
    ArrayNode items = body.putArray("items");
    LocalDate today = today();
    store.audits().ofSite(siteId).forEach(audit -> items.add(AuditJson.encode(audit, today)));
    Responses.json(context, 200, body);
  }

  void statusHistory(Context context) {
    String siteId = requireSite(context);
    ObjectNode body = Json.object();
    body.put("site", siteId);
    body.put("current", store.registry().site(siteId).orElseThrow().icglrStatus().wireName());
    ArrayNode items = body.putArray("items");
    store.audits().statusHistory(siteId).forEach(change -> items.add(AuditJson.encode(change)));
    Responses.json(context, 200, body);
  }

  void get(Context context) {
    Scope scope = needToKnow.scope(authenticator.authenticate(context));
    String id = context.pathParam("id");
    Audit audit = visibleAudit(scope, id);
    Responses.json(context, 200, AuditJson.encode(audit, today()));
  }

  void followUp(Context context) {
    Caller caller = authenticator.authenticate(context);
    AccessPolicy.require(caller, Action.RECORD_AUDITS);
    String id = context.pathParam("id");
    Audit audit = visibleAudit(needToKnow.scope(caller), id);
    int index;
    try {
      index = Integer.parseInt(context.pathParam("index"));
    } catch (NumberFormatException e) {
      throw ApiProblem.badParameter("index", "must be a whole number");
    }
    if (index < 0 || index >= audit.correctiveActions().size()) {
      throw ApiProblem.notFound("corrective action", id + "/" + index);
    }
    ActionStatus status = AuditJson.decodeActionStatus(Responses.parseBody(context.bodyAsBytes()));
    if (audit.correctiveActions().get(index).status() == status) {
      throw InvalidInputException.of("status", "the action is already " + status.wireName());
    }
    Audit updated = audit.withActionStatus(index, status);
    store.audits().updateActions(updated);
    LOG.info("audit {} action {}: {} by {}", id, index, status, caller.organisation());
    Responses.json(context, 200, AuditJson.encode(updated, today()));
  }

  /** The site of the path, when the caller sees its audits; otherwise 404. */
  private String requireSite(Context context) {
    Scope scope = needToKnow.scope(authenticator.authenticate(context));
    return visibleSite(scope, context.pathParam("id")).id();
  }

  private Site visibleSite(Scope scope, String siteId) {
    return store
        .registry()
        .site(siteId)
        .filter(site -> scope.seesSiteAudits(site.country()))
        .orElseThrow(() -> ApiProblem.notFound("site", siteId));
  }

  private Audit visibleAudit(Scope scope, String id) {
    return store
        .audits()
        .find(id)
        .filter(
            audit ->
                store
                    .registry()
                    .site(audit.siteId())
                    .map(site -> scope.seesSiteAudits(site.country()))
                    .orElse(scope.everything()))
        .orElseThrow(() -> ApiProblem.notFound("audit", id));
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }
}
