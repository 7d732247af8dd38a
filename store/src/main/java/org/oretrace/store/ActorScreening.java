package org.oretrace.store;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.oretrace.core.detection.ActorRisk;
import org.oretrace.core.detection.Alert;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.screening.Screener;
import org.oretrace.core.screening.WatchList;
import org.oretrace.core.screening.WatchListEntry;

/**
 * D9 actor-risk in the store: actors are screened against the imported watch lists when they are
 * registered, and all of them again when a list is imported; every match is stored as a D9 alert
 * (see {@link ActorRisk}). An alert's id is made from the actor and the entry, so screening again
 * stores nothing twice.
 *
 * <p>The screener is built from the stored lists on first use after an import (about a second per
 * hundred thousand entries) and kept; with no list imported, registering actors costs nothing.
 */
public final class ActorScreening {

  private final WatchListStore watchLists;
  private final RegistryStore registry;
  private final AlertStore alerts;
  private final Clock clock;
  private volatile ActorRisk actorRisk;
  private volatile boolean stale = true;

  public ActorScreening(
      WatchListStore watchLists, RegistryStore registry, AlertStore alerts, Clock clock) {
    this.watchLists = requireNonNull(watchLists, "watchLists is null");
    this.registry = requireNonNull(registry, "registry is null");
    this.alerts = requireNonNull(alerts, "alerts is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Screens newly registered actors; returns the alerts raised. */
  public List<Alert> actorsRegistered(List<Actor> actors) {
    ActorRisk current = actorRisk();
    if (current == null || actors.isEmpty()) {
      return List.of();
    }
    List<Alert> raised = current.screen(actors, clock.instant());
    alerts.add(raised, clock.instant());
    return raised;
  }

  /** Screens every registered actor against the lists as they now are; returns the alerts. */
  public List<Alert> listsChanged() {
    stale = true;
    List<Actor> actors = new ArrayList<>();
    long offset = 0;
    while (true) {
      Page<Actor> page =
          registry.actors(
              RegistryStore.ActorFilter.ANY, new PageRequest(offset, PageRequest.MAX_LIMIT));
      actors.addAll(page.items());
      offset += page.items().size();
      if (page.items().isEmpty() || offset >= page.total()) {
        break;
      }
    }
    return actorsRegistered(actors);
  }

  private synchronized ActorRisk actorRisk() {
    if (stale) {
      List<WatchListEntry> entries = watchLists.entries();
      actorRisk = entries.isEmpty() ? null : new ActorRisk(Screener.of(WatchList.of(entries)));
      stale = false;
    }
    return actorRisk;
  }
}
