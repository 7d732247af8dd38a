package org.oretrace.store.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oretrace.core.custody.LineageEdge;
import org.oretrace.core.custody.Lot;
import org.oretrace.core.custody.Trace;
import org.oretrace.core.lineage.Direction;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Registry;
import org.oretrace.core.registry.Site;

/**
 * The JSON answer to a trace: the lots reached with their depth, the edges with the mass that
 * flowed along each, the endpoints, and what a reader came for. Upstream that is {@code origins}:
 * each distinct origin site of the endpoint lots, joined with the registry for its risk (ICGLR
 * status, armed-group presence, CAHRA), and the mass its lots put into the traced chain (the mass
 * along their edges in the trace; a lot traced from itself counts its own mass). Downstream it is
 * {@code destinations}: where the material is now, with state and holder.
 */
public final class TraceJson {

  private final Registry registry;

  public TraceJson(Registry registry) {
    this.registry = requireNonNull(registry, "registry is null");
  }

  public ObjectNode encode(Trace trace) {
    ObjectNode body = Json.object();
    body.put("lot", trace.lotId());
    body.put("direction", trace.direction().wireName());
    ArrayNode lots = body.putArray("lots");
    for (Trace.Node node : trace.lots()) {
      lots.add(LotJson.encode(node.lot()).put("depth", node.depth()));
    }
    ArrayNode edges = body.putArray("edges");
    for (LineageEdge edge : trace.edges()) {
      edges
          .addObject()
          .put("from", edge.fromLotId())
          .put("to", edge.toLotId())
          .put("massGrams", edge.massGrams())
          .put("event", edge.eventId())
          .put("eventType", edge.eventType().wireName());
    }
    ArrayNode endpoints = body.putArray("endpoints");
    trace.endpoints().forEach(node -> endpoints.add(node.lot().id()));
    if (trace.direction() == Direction.UPSTREAM) {
      body.set("origins", origins(trace));
    } else {
      body.set("destinations", destinations(trace));
    }
    return body;
  }

  private ArrayNode origins(Trace trace) {
    Map<String, Long> outflow = new HashMap<>();
    for (LineageEdge edge : trace.edges()) {
      outflow.merge(edge.fromLotId(), edge.massGrams(), Math::addExact);
    }
    Map<String, Origin> bySite = new LinkedHashMap<>();
    for (Trace.Node node : trace.endpoints()) {
      Lot lot = node.lot();
      if (lot.originSiteId() == null) {
        continue;
      }
      long mass =
          lot.id().equals(trace.lotId())
              ? lot.massGrams()
              : outflow.getOrDefault(lot.id(), lot.massGrams());
      bySite.computeIfAbsent(lot.originSiteId(), Origin::new).add(lot.id(), mass);
    }
    List<Origin> origins = new ArrayList<>(bySite.values());
    origins.sort(
        (first, second) ->
            first.massGrams != second.massGrams
                ? Long.compare(second.massGrams, first.massGrams)
                : first.siteId.compareTo(second.siteId));
    ArrayNode array = Json.array();
    for (Origin origin : origins) {
      ObjectNode node = array.addObject();
      ObjectNode site = node.putObject("site");
      site.put("id", origin.siteId);
      Optional<Site> known = registry.site(origin.siteId);
      known.ifPresent(
          value ->
              site.put("name", value.name())
                  .put("country", value.country().code())
                  .put("icglrStatus", value.icglrStatus().wireName())
                  .put("armedGroupPresence", value.armedGroupPresence().wireName())
                  .put("cahra", value.cahra()));
      node.put("massGrams", origin.massGrams);
      ArrayNode lots = node.putArray("lots");
      origin.lotIds.forEach(lots::add);
    }
    return array;
  }

  private ArrayNode destinations(Trace trace) {
    ArrayNode array = Json.array();
    for (Trace.Node node : trace.endpoints()) {
      Lot lot = node.lot();
      ObjectNode destination =
          array
              .addObject()
              .put("lot", lot.id())
              .put("tagNumber", lot.tagNumber())
              .put("mineral", lot.mineral().wireName())
              .put("massGrams", lot.massGrams())
              .put("state", lot.state().wireName())
              .put("holder", lot.holderId());
      Optional<Actor> holder = registry.actor(lot.holderId());
      holder.ifPresent(
          actor ->
              destination
                  .put("holderName", actor.name())
                  .put("holderKind", actor.kind().wireName())
                  .put("holderCountry", actor.country().code()));
    }
    return array;
  }

  /** The endpoint lots of one origin site and the mass they put into the chain. */
  private static final class Origin {
    private final String siteId;
    private final List<String> lotIds = new ArrayList<>();
    private long massGrams;

    Origin(String siteId) {
      this.siteId = siteId;
    }

    void add(String lotId, long mass) {
      lotIds.add(lotId);
      massGrams = Math.addExact(massGrams, mass);
    }
  }
}
