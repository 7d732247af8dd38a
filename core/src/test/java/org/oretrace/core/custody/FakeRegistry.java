package org.oretrace.core.custody;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.oretrace.core.Country;
import org.oretrace.core.GeoPoint;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.ActorKind;
import org.oretrace.core.registry.ArmedGroupPresence;
import org.oretrace.core.registry.IcglrStatus;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Registry;
import org.oretrace.core.registry.Site;

/** A small in-memory registry for custody tests: two mine sites in Congo and the usual actors. */
final class FakeRegistry implements Registry {

  static final String RUBAYA = "site-rubaya";
  static final String NYABIBWE = "site-nyabibwe";
  static final String COOPERATIVE = "coop-cooperamma";
  static final String TRADER = "trader-goma";
  static final String COMPTOIR = "comptoir-bukavu";
  static final String TRANSPORTER = "transport-kivu";
  static final String SMELTER = "smelter-penang";
  static final String CUSTOMS = "customs-gisenyi";

  private final Map<String, Site> sites = new HashMap<>();
  private final Map<String, Actor> actors = new HashMap<>();

  static FakeRegistry standard() {
    FakeRegistry registry = new FakeRegistry();
    registry.addSite(RUBAYA, new GeoPoint(-1.5760, 28.8920));
    registry.addSite(NYABIBWE, new GeoPoint(-2.0780, 28.9360));
    registry.addActor(COOPERATIVE, ActorKind.COOPERATIVE, "CD");
    registry.addActor(TRADER, ActorKind.TRADER, "CD");
    registry.addActor(COMPTOIR, ActorKind.COMPTOIR, "CD");
    registry.addActor(TRANSPORTER, ActorKind.TRANSPORTER, "CD");
    registry.addActor(SMELTER, ActorKind.SMELTER, "MY");
    registry.addActor(CUSTOMS, ActorKind.CUSTOMS_OFFICE, "RW");
    return registry;
  }

  FakeRegistry addSite(String id, GeoPoint location) {
    sites.put(
        id,
        new Site(
            id,
            "Site " + id,
            Country.of("CD"),
            location,
            EnumSet.of(Mineral.COLTAN, Mineral.CASSITERITE),
            Map.of(Mineral.COLTAN, 50_000L),
            IcglrStatus.GREEN,
            ArmedGroupPresence.NONE,
            true));
    return this;
  }

  FakeRegistry addActor(String id, ActorKind kind, String country) {
    actors.put(id, new Actor(id, "Actor " + id, kind, Country.of(country), null, null));
    return this;
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
