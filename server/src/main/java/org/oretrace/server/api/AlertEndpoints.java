package org.oretrace.server.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.oretrace.core.Country;
import org.oretrace.core.Violation;
import org.oretrace.core.cases.CaseAction.AlertStatus;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.core.detection.Severity;
import org.oretrace.server.auth.AccessPolicy;
import org.oretrace.server.auth.AccessPolicy.Action;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.Caller;
import org.oretrace.server.auth.NeedToKnow;
import org.oretrace.server.auth.Scope;
import org.oretrace.store.AlertStore;
import org.oretrace.store.AlertStore.AlertFilter;
import org.oretrace.store.AlertStore.Status;
import org.oretrace.store.AlertStore.StatusChange;
import org.oretrace.store.AlertStore.StoredAlert;
import org.oretrace.store.PageRequest;
import org.oretrace.store.json.AlertJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts raised by detection: a filtered, paged listing (newest first) and one alert by id, with
 * its status and the trail of who closed or reopened it. Detection writes alerts as batches are
 * recorded; here an analyst, investigator or admin of an organisation that sees an alert (agencies
 * and customs, {@link Action#CLOSE_ALERTS}) closes it with a reason, or reopens it. Each caller
 * sees the alerts its {@link Scope} allows, and may close only those. A change is also written into
 * the audit trail of every case citing the alert ({@link CaseEndpoints#recordAlertStatus}).
 */
final class AlertEndpoints {

  private static final Logger LOG = LoggerFactory.getLogger(AlertEndpoints.class);

  private final AlertStore alerts;
  private final Authenticator authenticator;
  private final NeedToKnow needToKnow;
  private final CaseEndpoints cases;

  AlertEndpoints(
      AlertStore alerts, Authenticator authenticator, NeedToKnow needToKnow, CaseEndpoints cases) {
    this.alerts = requireNonNull(alerts, "alerts is null");
    this.cases = requireNonNull(cases, "cases is null");
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.needToKnow = requireNonNull(needToKnow, "needToKnow is null");
  }

  void list(Context context) {
    Scope scope = needToKnow.scope(authenticator.authenticate(context));
    AlertFilter filter =
        new AlertFilter(
            QueryParameters.optional(context, "detector", DetectorId::parse),
            QueryParameters.optional(context, "severity", Severity::fromWireName),
            QueryParameters.text(context, "site"),
            QueryParameters.text(context, "actor"),
            QueryParameters.optional(context, "country", Country::new),
            QueryParameters.optional(context, "from", AlertEndpoints::instant),
            QueryParameters.optional(context, "until", AlertEndpoints::instant),
            null,
            QueryParameters.optional(context, "status", Status::fromWireName));
    PageRequest page = QueryParameters.page(context);
    Responses.json(
        context,
        200,
        Responses.page(
            scope.page(
                request -> alerts.alerts(filter, request),
                stored -> scope.seesAlert(stored.alert()),
                page),
            page,
            AlertEndpoints::encode));
  }

  void get(Context context) {
    Scope scope = needToKnow.scope(authenticator.authenticate(context));
    String id = context.pathParam("id");
    StoredAlert alert =
        alerts
            .alert(id)
            .filter(stored -> scope.seesAlert(stored.alert()))
            .orElseThrow(() -> ApiProblem.notFound("alert", id));
    Responses.json(context, 200, withHistory(alert));
  }

  /** {@code {"status": "closed" or "open", "reason": "..."}}: closes or reopens a visible alert. */
  void changeStatus(Context context) {
    Caller caller = authenticator.authenticate(context);
    AccessPolicy.require(caller, Action.CLOSE_ALERTS);
    Scope scope = needToKnow.scope(caller);
    String id = context.pathParam("id");
    if (alerts.alert(id).filter(stored -> scope.seesAlert(stored.alert())).isEmpty()) {
      throw ApiProblem.notFound("alert", id);
    }
    JsonNode body = Responses.parseBody(context.bodyAsBytes());
    Status status;
    try {
      status = Status.fromWireName(body.path("status").asText(""));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badParameter("status", "must be open or closed");
    }
    StatusChange change;
    try {
      change =
          new StatusChange(
              status,
              body.path("reason").asText("").strip(),
              caller.organisation(),
              caller.username(),
              caller.role(),
              Instant.now());
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badParameter("reason", e.getMessage());
    }
    if (!alerts.changeStatus(id, change)) {
      throw new ApiProblem(
          ProblemType.ALERT_STATUS_UNCHANGED,
          "alert " + id + " is " + status.wireName() + " already",
          List.of(Violation.of(-1, "status", "is the alert's status already")));
    }
    int citing =
        cases.recordAlertStatus(
            context,
            caller,
            new AlertStatus(id, status.wireName(), change.reason(), caller.username()));
    LOG.info(
        "alert {} {} by {}, in the trail of {} cases",
        id,
        status.wireName(),
        caller.organisation(),
        citing);
    Responses.json(context, 200, withHistory(alerts.alert(id).orElseThrow()));
  }

  private ObjectNode withHistory(StoredAlert stored) {
    ObjectNode node = encode(stored);
    ArrayNode history = node.putArray("statusHistory");
    for (StatusChange change : alerts.statusHistory(stored.alert().id())) {
      ObjectNode item = history.addObject();
      item.put("status", change.status().wireName());
      item.put("reason", change.reason());
      item.put("organisation", change.organisation());
      if (change.username() != null) {
        item.put("username", change.username());
      }
      item.put("role", change.role().wireName());
      item.put("at", change.at().toString());
    }
    return node;
  }

  private static ObjectNode encode(StoredAlert stored) {
    ObjectNode node = AlertJson.encode(stored.alert());
    node.put("raisedAt", stored.raisedAt().toString());
    node.put("status", stored.status().wireName());
    return node;
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "must be an ISO 8601 instant such as 2025-03-01T00:00:00Z, got '" + text + "'", e);
    }
  }
}
