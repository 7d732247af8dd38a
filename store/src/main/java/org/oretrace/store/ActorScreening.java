package org.oretrace.store;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oretrace.core.detection.ActorRisk;
import org.oretrace.core.detection.Alert;
import org.oretrace.core.entities.CustodyTrades;
import org.oretrace.core.entities.EntityGraph;
import org.oretrace.core.entities.Party;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Site;
import org.oretrace.core.screening.Match;
import org.oretrace.core.screening.Query;
import org.oretrace.core.screening.Screener;
import org.oretrace.core.screening.WatchList;
import org.oretrace.core.screening.WatchListEntry;
import org.oretrace.store.CustodyStore.StoredEvent;

/**
 * D9 actor-risk in the store, and the entity graph behind it. Actors, their owners and directors
 * (persons and companies), and the actors they trade with are joined in an {@link EntityGraph};
 * every actor and party is screened against the imported watch lists; an actor within a few links
 * of a listed entry gets a D9 alert with the path as evidence (see {@link ActorRisk#assess}). This
 * runs when actors are registered, when owners or directors change and when a list is imported. An
 * alert's id is made from the actor and the entry, so assessing again stores nothing twice.
 *
 * <p>The screener is built from the stored lists on first use after an import (about a second per
 * hundred thousand entries) and kept; screening results are kept per name until the next import.
 * The graph is rebuilt when its sources changed (actors, parties, lists, new custody events, read
 * from where the previous rebuild stopped); trades recorded since the last assessment raise alerts
 * at the next one, not as they arrive.
 */
public final class ActorScreening {

  private static final int EVENT_PAGE = 10_000;

  private final WatchListStore watchLists;
  private final RegistryStore registry;
  private final EntityStore entities;
  private final CustodyStore custody;
  private final AlertStore alerts;
  private final Clock clock;
  private Screener screener;
  private boolean listsStale = true;
  private boolean graphStale = true;
  private EntityGraph graph;
  private final CustodyTrades trades = new CustodyTrades();
  private long eventsRead;
  private final Map<String, List<Match>> matchesByQuery = new HashMap<>();

  public ActorScreening(
      WatchListStore watchLists,
      RegistryStore registry,
      EntityStore entities,
      CustodyStore custody,
      AlertStore alerts,
      Clock clock) {
    this.watchLists = requireNonNull(watchLists, "watchLists is null");
    this.registry = requireNonNull(registry, "registry is null");
    this.entities = requireNonNull(entities, "entities is null");
    this.custody = requireNonNull(custody, "custody is null");
    this.alerts = requireNonNull(alerts, "alerts is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Assesses newly registered actors; returns the alerts raised. */
  public synchronized List<Alert> actorsRegistered(List<Actor> actors) {
    graphStale = true;
    if (screener() == null || actors.isEmpty()) {
      return List.of();
    }
    List<Alert> raised = ActorRisk.assess(actors, graph(), clock.instant());
    alerts.add(raised, clock.instant());
    return raised;
  }

  /** Assesses every actor after owners or directors changed; returns the alerts raised. */
  public synchronized List<Alert> ownersChanged() {
    graphStale = true;
    return actorsRegistered(allActors());
  }

  /** Assesses every registered actor against the lists as they now are; returns the alerts. */
  public synchronized List<Alert> listsChanged() {
    listsStale = true;
    graphStale = true;
    return actorsRegistered(allActors());
  }

  /**
   * The actor's neighbourhood within {@code depth} links and its shortest paths to listed entries
   * and armed-group sites.
   *
   * @throws IllegalArgumentException when no such actor is registered
   */
  public synchronized EntityGraph.Network network(String actorId, int depth) {
    return graph().network(actorId, depth);
  }

  /** The entity graph as the store now holds it (rebuilt if its sources changed). */
  public synchronized EntityGraph graph() {
    long events = custody.nextSequence();
    if (graph != null && !graphStale && events == eventsRead) {
      return graph;
    }
    while (eventsRead < events) {
      List<StoredEvent> page = custody.events(eventsRead, EVENT_PAGE);
      if (page.isEmpty()) {
        break;
      }
      for (StoredEvent stored : page) {
        trades.accept(stored.event());
      }
      eventsRead = page.get(page.size() - 1).sequence() + 1;
    }
    Screener current = screener();
    EntityGraph.Builder builder = EntityGraph.builder();
    List<Actor> actors = allActors();
    List<Party> parties = entities.parties();
    actors.forEach(builder::actor);
    parties.forEach(builder::party);
    allSites().forEach(builder::site);
    entities.relations().forEach(builder::relation);
    trades.trades().forEach(builder::trade);
    trades.sourcing().forEach(builder::sourcing);
    if (current != null) {
      for (Actor actor : actors) {
        Query query = new Query(actor.name(), actor.country().code(), null, null);
        for (Match match : matches(current, query)) {
          builder.match(EntityGraph.actorNode(actor.id()), match);
        }
      }
      for (Party party : parties) {
        Query query =
            new Query(
                party.name(),
                party.country() == null ? null : party.country().code(),
                party.kind().screeningType(),
                party.birthYear());
        for (Match match : matches(current, query)) {
          builder.match(EntityGraph.partyNode(party.id()), match);
        }
      }
    }
    graph = builder.build();
    graphStale = false;
    return graph;
  }

  private List<Match> matches(Screener current, Query query) {
    return matchesByQuery.computeIfAbsent(query.toString(), key -> current.screen(query));
  }

  private Screener screener() {
    if (listsStale) {
      List<WatchListEntry> entries = watchLists.entries();
      screener = entries.isEmpty() ? null : Screener.of(WatchList.of(entries));
      matchesByQuery.clear();
      listsStale = false;
    }
    return screener;
  }

  private List<Actor> allActors() {
    List<Actor> actors = new ArrayList<>();
    long offset = 0;
    while (true) {
      Page<Actor> page =
          registry.actors(
              RegistryStore.ActorFilter.ANY, new PageRequest(offset, PageRequest.MAX_LIMIT));
      actors.addAll(page.items());
      offset += page.items().size();
      if (page.items().isEmpty() || offset >= page.total()) {
        return actors;
      }
    }
  }

  private List<Site> allSites() {
    List<Site> sites = new ArrayList<>();
    long offset = 0;
    while (true) {
      Page<Site> page =
          registry.sites(
              RegistryStore.SiteFilter.ANY, new PageRequest(offset, PageRequest.MAX_LIMIT));
      sites.addAll(page.items());
      offset += page.items().size();
      if (page.items().isEmpty() || offset >= page.total()) {
        return sites;
      }
    }
  }
}
