package org.oretrace.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Registry;
import org.oretrace.core.registry.Site;

/** An immutable in-memory registry over a world's sites and actors. */
final class WorldRegistry implements Registry {

  private final Map<String, Site> sites = new HashMap<>();
  private final Map<String, Actor> actors = new HashMap<>();

  WorldRegistry(List<Site> sites, List<Actor> actors) {
    sites.forEach(site -> this.sites.put(site.id(), site));
    actors.forEach(actor -> this.actors.put(actor.id(), actor));
  }

  @Override
  public Optional<Site> site(String id) {
    return Optional.ofNullable(sites.get(id));
  }

  @Override
  public Optional<Actor> actor(String id) {
    return Optional.ofNullable(actors.get(id));
  }
}
