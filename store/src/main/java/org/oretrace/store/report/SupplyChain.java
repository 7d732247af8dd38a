package org.oretrace.store.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyGraph;
import org.oretrace.core.custody.EventType;
import org.oretrace.core.custody.LineageEdge;
import org.oretrace.core.custody.Trace;
import org.oretrace.core.lineage.Direction;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.ActorKind;
import org.oretrace.core.registry.Registry;
import org.oretrace.store.CustodyStore;
import org.oretrace.store.CustodyStore.StoredEvent;

/**
 * A company's supply chain as the reports need it: the lots it handled in a period (those touched
 * by an event it performed), where each came from (the origin sites of its upstream lineage), and
 * the smelters it passed through (actors of kind smelter that processed a lot upstream or
 * downstream of it).
 *
 * <p>Finding the lots reads every event once, in sequence order, since the record is indexed by lot
 * and not by actor: a report is a monthly or yearly document, not a hot path. Lineage comes from
 * the in-memory custody graph.
 */
final class SupplyChain {

  private static final int EVENTS_PER_READ = 1000;

  /** The lots the actor handled, in the order first touched, and how many events it performed. */
  record Handled(List<String> lotIds, long events) {}

  private SupplyChain() {}

  /**
   * Lots touched by events the actor performed at or after {@code from} and before {@code until}.
   */
  static Handled handledBy(CustodyStore custody, String actorId, Instant from, Instant until) {
    Set<String> lots = new LinkedHashSet<>();
    long events = 0;
    long next = 0;
    while (true) {
      List<StoredEvent> read = custody.events(next, EVENTS_PER_READ);
      for (StoredEvent stored : read) {
        CustodyEvent event = stored.event();
        Instant at = event.context().instant();
        if (event.context().actorId().equals(actorId) && !at.isBefore(from) && at.isBefore(until)) {
          lots.addAll(event.lotIds());
          events++;
        }
        next = stored.sequence() + 1;
      }
      if (read.size() < EVENTS_PER_READ) {
        return new Handled(List.copyOf(lots), events);
      }
    }
  }

  /** The origin sites of a lot, with the number of upstream tagged lots from each. */
  static Map<String, Integer> origins(CustodyGraph graph, String lotId) {
    Map<String, Integer> origins = new LinkedHashMap<>();
    graph
        .trace(lotId, Direction.UPSTREAM)
        .ifPresent(
            trace -> {
              for (Trace.Node endpoint : trace.endpoints()) {
                String site = endpoint.lot().originSiteId();
                if (site != null) {
                  origins.merge(site, 1, Integer::sum);
                }
              }
            });
    return origins;
  }

  /** The smelters (by id) that processed a lot upstream or downstream of this one. */
  static List<String> smelters(
      CustodyGraph graph, CustodyStore custody, Registry registry, String lotId) {
    Set<String> processEvents = new LinkedHashSet<>();
    for (Direction direction : Direction.values()) {
      graph
          .trace(lotId, direction)
          .ifPresent(
              trace -> {
                for (LineageEdge edge : trace.edges()) {
                  if (edge.eventType() == EventType.PROCESS) {
                    processEvents.add(edge.eventId());
                  }
                }
              });
    }
    List<String> smelters = new ArrayList<>();
    for (String eventId : processEvents) {
      custody
          .event(eventId)
          .map(stored -> stored.event().context().actorId())
          .flatMap(registry::actor)
          .filter(actor -> actor.kind() == ActorKind.SMELTER)
          .map(Actor::id)
          .filter(id -> !smelters.contains(id))
          .ifPresent(smelters::add);
    }
    return smelters;
  }
}
