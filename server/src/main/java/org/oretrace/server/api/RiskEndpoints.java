package org.oretrace.server.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oretrace.core.custody.CustodyGraph;
import org.oretrace.core.custody.Lot;
import org.oretrace.core.custody.Trace;
import org.oretrace.core.detection.Alert;
import org.oretrace.core.lineage.Direction;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Registry;
import org.oretrace.core.registry.Site;
import org.oretrace.core.risk.RiskScore;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.NeedToKnow;
import org.oretrace.server.auth.Scope;
import org.oretrace.store.AlertStore;
import org.oretrace.store.AlertStore.AlertFilter;
import org.oretrace.store.AlertStore.StoredAlert;
import org.oretrace.store.PageRequest;
import org.oretrace.store.Recorder;
import org.oretrace.store.json.Json;

/**
 * Risk scores (0-100, with their factors; the formula is {@link RiskScore}'s) for a site, an actor
 * or a lot. A lot's origins are the mine sites its upstream lineage reaches. Sites and actors are
 * scored for any authenticated caller (they are in the registry every caller reads); a lot only for
 * callers who see it (others: 404).
 */
final class RiskEndpoints {

  private final CustodyGraph graph;
  private final Registry registry;
  private final AlertStore alerts;
  private final Authenticator authenticator;
  private final NeedToKnow needToKnow;

  RiskEndpoints(Recorder recorder, Authenticator authenticator, NeedToKnow needToKnow) {
    requireNonNull(recorder, "recorder is null");
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.needToKnow = requireNonNull(needToKnow, "needToKnow is null");
    this.graph = recorder.graph();
    this.registry = recorder.store().registry();
    this.alerts = recorder.store().alerts();
  }

  void site(Context context) {
    authenticator.authenticate(context);
    String id = context.pathParam("id");
    Site site = registry.site(id).orElseThrow(() -> ApiProblem.notFound("site", id));
    List<Alert> about = alerts(new AlertFilter(null, null, site.id(), null, null, null, null));
    answer(context, "site", site.id(), RiskScore.site(site, about));
  }

  void actor(Context context) {
    authenticator.authenticate(context);
    String id = context.pathParam("id");
    Actor actor = registry.actor(id).orElseThrow(() -> ApiProblem.notFound("actor", id));
    answer(context, "actor", actor.id(), RiskScore.actor(actor, actorAlerts(actor.id()), today()));
  }

  void lot(Context context) {
    Scope scope = needToKnow.scope(authenticator.authenticate(context));
    String id = context.pathParam("id");
    Lot lot =
        graph
            .lot(id)
            .or(() -> graph.liveLotByTag(id))
            .filter(found -> scope.seesLot(found.id()))
            .orElseThrow(() -> ApiProblem.notFound("lot nor live tag", id));
    Map<String, Site> origins = new LinkedHashMap<>();
    Trace trace = graph.trace(lot.id(), Direction.UPSTREAM).orElse(null);
    if (trace != null) {
      for (Trace.Node node : trace.endpoints()) {
        String siteId = node.lot().originSiteId();
        if (siteId != null) {
          registry.site(siteId).ifPresent(site -> origins.putIfAbsent(site.id(), site));
        }
      }
    }
    Actor holder = registry.actor(lot.holderId()).orElse(null);
    RiskScore score =
        RiskScore.lot(
            origins.values(),
            alerts(AlertFilter.aboutLot(lot.id())),
            holder,
            holder == null ? List.of() : actorAlerts(holder.id()),
            today());
    answer(context, "lot", lot.id(), score);
  }

  private List<Alert> actorAlerts(String actorId) {
    return alerts(new AlertFilter(null, null, null, actorId, null, null, null));
  }

  private List<Alert> alerts(AlertFilter filter) {
    List<Alert> found = new ArrayList<>();
    for (StoredAlert stored :
        alerts.alerts(filter, new PageRequest(0, PageRequest.MAX_LIMIT)).items()) {
      found.add(stored.alert());
    }
    return found;
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  private static void answer(Context context, String subject, String id, RiskScore score) {
    ObjectNode answer = Json.object();
    answer.put("subject", subject);
    answer.put("id", id);
    answer.put("score", score.score());
    ArrayNode factors = answer.putArray("factors");
    for (RiskScore.Factor factor : score.factors()) {
      factors
          .addObject()
          .put("name", factor.name())
          .put("points", factor.points())
          .put("detail", factor.detail());
    }
    Responses.json(context, 200, answer);
  }
}
