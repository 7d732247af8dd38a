package org.oretrace.sim;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Registry;
import org.oretrace.core.registry.Site;
import org.oretrace.core.trade.TradeStatistic;

/**
 * A generated world: the registry's sites and actors, and the custody events in an order in which
 * they can be applied (every event comes after the events that create or move the lots it names),
 * which is the order a server would have received them in, late uploads included; and the ground
 * truth of the schemes planted in it; and the national trade statistics its customs offices and its
 * partners' would publish (Comtrade-like lines, monthly).
 */
public record World(
    List<Site> sites,
    List<Actor> actors,
    List<CustodyEvent> events,
    GroundTruth groundTruth,
    List<TradeStatistic> tradeStatistics) {

  public World {
    requireNonNull(groundTruth, "groundTruth is null");
    tradeStatistics = List.copyOf(requireNonNull(tradeStatistics, "tradeStatistics is null"));
    sites = List.copyOf(requireNonNull(sites, "sites is null"));
    actors = List.copyOf(requireNonNull(actors, "actors is null"));
    events = List.copyOf(requireNonNull(events, "events is null"));
    requireUnique(sites.stream().map(Site::id).toList(), "site");
    requireUnique(actors.stream().map(Actor::id).toList(), "actor");
  }

  /** An honest world: no scheme planted. */
  public World(List<Site> sites, List<Actor> actors, List<CustodyEvent> events) {
    this(sites, actors, events, GroundTruth.empty(), List.of());
  }

  /** A registry over this world's sites and actors, for checking its events. */
  public Registry registry() {
    return new WorldRegistry(sites, actors);
  }

  private static void requireUnique(List<String> ids, String what) {
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      if (!seen.add(id)) {
        throw new IllegalArgumentException(what + " id " + id + " appears twice");
      }
    }
  }
}
