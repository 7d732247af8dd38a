package org.oretrace.server.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.oretrace.core.custody.Lot;
import org.oretrace.core.custody.LotState;
import org.oretrace.core.registry.ArmedGroupPresence;
import org.oretrace.core.registry.IcglrStatus;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Site;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.NeedToKnow;
import org.oretrace.server.auth.Scope;
import org.oretrace.server.stats.CustodyStatistics;
import org.oretrace.server.stats.FlowDiagram;
import org.oretrace.server.stats.FlowDiagram.FlowLink;
import org.oretrace.server.stats.FlowDiagram.FlowNode;
import org.oretrace.server.stats.MonthlyMasses;
import org.oretrace.store.CustodyStore.LotFilter;
import org.oretrace.store.Page;
import org.oretrace.store.PageRequest;
import org.oretrace.store.Recorder;
import org.oretrace.store.RegistryStore;
import org.oretrace.store.RegistryStore.SiteFilter;
import org.oretrace.store.json.Json;

/**
 * Aggregates for the web application: the overview's counts, mass per mineral and month, a site's
 * or an actor's throughput, and the flow diagram, each over the caller's {@link Scope}: counts of
 * lots and events and every mass are of what the caller may see (the registry's counts are of the
 * whole registry, which every organisation shares).
 */
final class StatsEndpoints {

  private final Recorder recorder;
  private final RegistryStore registry;
  private final CustodyStatistics statistics;
  private final Authenticator authenticator;
  private final NeedToKnow needToKnow;

  StatsEndpoints(Recorder recorder, Authenticator authenticator, NeedToKnow needToKnow) {
    this.recorder = requireNonNull(recorder, "recorder is null");
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.needToKnow = requireNonNull(needToKnow, "needToKnow is null");
    this.registry = recorder.store().registry();
    this.statistics = new CustodyStatistics(recorder.store().custody(), registry);
  }

  void summary(Context context) {
    Scope scope = scope(context);
    ObjectNode body = Json.object();
    body.put("sites", registry.siteCount());
    body.put("actors", registry.actorCount());
    body.put("lots", scope.everything() ? recorder.graph().lotCount() : scope.lotCount());
    body.put(
        "events",
        scope.everything() ? recorder.store().custody().eventCount() : scope.eventCount());

    Map<IcglrStatus, Integer> byStatus = new EnumMap<>(IcglrStatus.class);
    Map<ArmedGroupPresence, Integer> byPresence = new EnumMap<>(ArmedGroupPresence.class);
    for (IcglrStatus status : IcglrStatus.values()) {
      byStatus.put(status, 0);
    }
    for (ArmedGroupPresence presence : ArmedGroupPresence.values()) {
      byPresence.put(presence, 0);
    }
    long cahraSites = 0;
    PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
    while (true) {
      Page<Site> sites = registry.sites(SiteFilter.ANY, page);
      for (Site site : sites.items()) {
        byStatus.merge(site.icglrStatus(), 1, Integer::sum);
        byPresence.merge(site.armedGroupPresence(), 1, Integer::sum);
        cahraSites += site.cahra() ? 1 : 0;
      }
      if (sites.items().isEmpty() || page.offset() + sites.items().size() >= sites.total()) {
        break;
      }
      page = new PageRequest(page.offset() + sites.items().size(), page.limit());
    }
    ObjectNode statusNode = body.putObject("sitesByIcglrStatus");
    byStatus.forEach((status, count) -> statusNode.put(status.wireName(), count));
    ObjectNode presenceNode = body.putObject("sitesByArmedGroupPresence");
    byPresence.forEach((presence, count) -> presenceNode.put(presence.wireName(), count));
    body.put("cahraSites", cahraSites);

    ObjectNode stateNode = body.putObject("lotsByState");
    for (LotState state : LotState.values()) {
      long total;
      if (scope.everything()) {
        total =
            recorder
                .store()
                .custody()
                .lots(new LotFilter(null, null, null, null, state), PageRequest.first(1))
                .total();
      } else {
        total =
            scope.lotIds().stream()
                .filter(id -> recorder.graph().lot(id).map(Lot::state).orElse(null) == state)
                .count();
      }
      stateNode.put(state.wireName(), total);
    }

    MonthlyMasses monthly = statistics.monthly(null, scope::seesEvent);
    ArrayNode minerals = body.putArray("minerals");
    Map<Mineral, ObjectNode> mineralNodes = new EnumMap<>(Mineral.class);
    for (MonthlyMasses.Series series : monthly.series()) {
      mineralNodes
          .computeIfAbsent(
              series.mineral(), mineral -> minerals.addObject().put("mineral", mineral.wireName()))
          .put(series.measure() + "Grams", series.totalGrams());
    }
    if (!monthly.months().isEmpty()) {
      body.put("firstMonth", monthly.months().getFirst().toString());
      body.put("lastMonth", monthly.months().getLast().toString());
    }
    Responses.json(context, 200, body);
  }

  void monthly(Context context) {
    Scope scope = scope(context);
    Mineral mineral = QueryParameters.optional(context, "mineral", Mineral::fromWireName);
    Responses.json(context, 200, encode(statistics.monthly(mineral, scope::seesEvent)));
  }

  void siteThroughput(Context context) {
    Scope scope = scope(context);
    String id = context.pathParam("id");
    if (registry.site(id).isEmpty()) {
      throw ApiProblem.notFound("site", id);
    }
    Responses.json(context, 200, encode(statistics.throughput("site:" + id, scope::seesEvent)));
  }

  void actorThroughput(Context context) {
    Scope scope = scope(context);
    String id = context.pathParam("id");
    if (registry.actor(id).isEmpty()) {
      throw ApiProblem.notFound("actor", id);
    }
    Responses.json(context, 200, encode(statistics.throughput("actor:" + id, scope::seesEvent)));
  }

  void flows(Context context) {
    Scope scope = scope(context);
    Mineral mineral = QueryParameters.optional(context, "mineral", Mineral::fromWireName);
    YearMonth from = QueryParameters.optional(context, "from", StatsEndpoints::month);
    YearMonth to = QueryParameters.optional(context, "to", StatsEndpoints::month);
    if (from != null && to != null && to.isBefore(from)) {
      throw ApiProblem.badParameter("to", "must not be before from (" + from + ")");
    }
    Responses.json(context, 200, encode(statistics.flows(mineral, from, to, scope::seesEvent)));
  }

  private Scope scope(Context context) {
    return needToKnow.scope(authenticator.authenticate(context));
  }

  private static YearMonth month(String text) {
    try {
      return YearMonth.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("must be a month as YYYY-MM, got '" + text + "'", e);
    }
  }

  private static ObjectNode encode(MonthlyMasses monthly) {
    ObjectNode body = Json.object();
    ArrayNode months = body.putArray("months");
    monthly.months().forEach(month -> months.add(month.toString()));
    ArrayNode seriesArray = body.putArray("series");
    for (MonthlyMasses.Series series : monthly.series()) {
      ObjectNode node =
          seriesArray
              .addObject()
              .put("mineral", series.mineral().wireName())
              .put("measure", series.measure());
      ArrayNode values = node.putArray("massGrams");
      for (long grams : series.massGrams()) {
        values.add(grams);
      }
    }
    return body;
  }

  private static ObjectNode encode(FlowDiagram diagram) {
    ObjectNode body = Json.object();
    ArrayNode nodes = body.putArray("nodes");
    for (FlowNode node : diagram.nodes()) {
      ObjectNode item = nodes.addObject().put("id", node.id()).put("kind", node.kind());
      item.put("name", node.name());
      if (node.country() != null) {
        item.put("country", node.country().code());
      }
      if (node.location() != null) {
        item.putObject("location")
            .put("lat", node.location().latitude())
            .put("lon", node.location().longitude());
      }
      if (node.site() != null) {
        item.put("icglrStatus", node.site().icglrStatus().wireName());
        item.put("armedGroupPresence", node.site().armedGroupPresence().wireName());
      }
    }
    ArrayNode links = body.putArray("links");
    List<FlowLink> flowLinks = diagram.links();
    for (FlowLink link : flowLinks) {
      links
          .addObject()
          .put("source", link.source())
          .put("target", link.target())
          .put("massGrams", link.massGrams())
          .put("lots", link.lots());
    }
    body.put("omittedGrams", diagram.omittedGrams());
    return body;
  }
}
