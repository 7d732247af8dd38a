package org.oretrace.server.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.oretrace.core.Country;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.core.detection.Severity;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.NeedToKnow;
import org.oretrace.server.auth.Scope;
import org.oretrace.store.AlertStore;
import org.oretrace.store.AlertStore.AlertFilter;
import org.oretrace.store.AlertStore.StoredAlert;
import org.oretrace.store.PageRequest;
import org.oretrace.store.json.AlertJson;

/**
 * Alerts raised by detection: a filtered, paged listing (newest first) and one alert by id. They
 * are read-only here; detection writes them as batches are recorded. Each caller sees the alerts
 * its {@link Scope} allows.
 */
final class AlertEndpoints {

  private final AlertStore alerts;
  private final Authenticator authenticator;
  private final NeedToKnow needToKnow;

  AlertEndpoints(AlertStore alerts, Authenticator authenticator, NeedToKnow needToKnow) {
    this.alerts = requireNonNull(alerts, "alerts is null");
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
            QueryParameters.optional(context, "until", AlertEndpoints::instant));
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
    Responses.json(context, 200, encode(alert));
  }

  private static ObjectNode encode(StoredAlert stored) {
    ObjectNode node = AlertJson.encode(stored.alert());
    node.put("raisedAt", stored.raisedAt().toString());
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
