package org.oretrace.server.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.oretrace.core.Country;
import org.oretrace.core.custody.CustodyGraph;
import org.oretrace.core.custody.Lot;
import org.oretrace.core.custody.LotState;
import org.oretrace.core.custody.Trace;
import org.oretrace.core.lineage.Direction;
import org.oretrace.core.registry.Mineral;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.NeedToKnow;
import org.oretrace.server.auth.Scope;
import org.oretrace.store.CustodyStore;
import org.oretrace.store.CustodyStore.LotFilter;
import org.oretrace.store.CustodyStore.StoredEvent;
import org.oretrace.store.PageRequest;
import org.oretrace.store.Recorder;
import org.oretrace.store.json.EventJson;
import org.oretrace.store.json.Json;
import org.oretrace.store.json.LotJson;
import org.oretrace.store.json.TraceJson;

/**
 * Lots: listing with filters, lookup by id or by live tag number, the events of a lot, and its
 * trace. Lookups and traces are answered by the in-memory custody graph; listings and event
 * histories by the store. Every answer is filtered by the caller's {@link Scope}: a lot outside it
 * is not found, its events and trace show only what is in it.
 */
final class LotEndpoints {

  private final CustodyGraph graph;
  private final CustodyStore custody;
  private final TraceJson traces;
  private final Authenticator authenticator;
  private final NeedToKnow needToKnow;

  LotEndpoints(Recorder recorder, Authenticator authenticator, NeedToKnow needToKnow) {
    requireNonNull(recorder, "recorder is null");
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.needToKnow = requireNonNull(needToKnow, "needToKnow is null");
    this.graph = recorder.graph();
    this.custody = recorder.store().custody();
    this.traces = new TraceJson(recorder.store().registry());
  }

  void list(Context context) {
    Scope scope = needToKnow.scope(authenticator.authenticate(context));
    LotFilter filter =
        new LotFilter(
            QueryParameters.optional(context, "mineral", Mineral::fromWireName),
            QueryParameters.text(context, "site"),
            QueryParameters.text(context, "holder"),
            QueryParameters.optional(context, "country", Country::new),
            QueryParameters.optional(context, "state", LotState::fromWireName));
    PageRequest page = QueryParameters.page(context);
    Responses.json(
        context,
        200,
        Responses.page(
            scope.page(
                request -> custody.lots(filter, request), lot -> scope.seesLot(lot.id()), page),
            page,
            LotJson::encode));
  }

  void get(Context context) {
    Responses.json(context, 200, LotJson.encode(lot(context, scope(context))));
  }

  void events(Context context) {
    Scope scope = scope(context);
    Lot lot = lot(context, scope);
    ObjectNode answer = Json.object();
    answer.put("lot", lot.id());
    ArrayNode events = answer.putArray("events");
    for (StoredEvent stored : custody.eventsOfLot(lot.id())) {
      if (!scope.seesEvent(stored.event().context().id())) {
        continue;
      }
      ObjectNode event = EventJson.encode(stored.event());
      event.put("sequence", stored.sequence());
      event.put("recordedAt", stored.recordedAt().toString());
      events.add(event);
    }
    Responses.json(context, 200, answer);
  }

  void trace(Context context) {
    Scope scope = scope(context);
    Lot lot = lot(context, scope);
    Direction direction = QueryParameters.optional(context, "direction", Direction::fromWireName);
    Trace trace =
        graph
            .trace(lot.id(), direction == null ? Direction.UPSTREAM : direction)
            .orElseThrow(() -> ApiProblem.notFound("lot", lot.id()));
    Responses.json(context, 200, traces.encode(scope.filter(trace)));
  }

  private Scope scope(Context context) {
    return needToKnow.scope(authenticator.authenticate(context));
  }

  /**
   * The lot named by the path, by id or else the live lot carrying that tag number, when in scope.
   */
  private Lot lot(Context context, Scope scope) {
    String id = context.pathParam("id");
    return graph
        .lot(id)
        .or(() -> graph.liveLotByTag(id))
        .filter(lot -> scope.seesLot(lot.id()))
        .orElseThrow(() -> ApiProblem.notFound("lot nor live tag", id));
  }
}
