package org.oretrace.store;

import java.util.List;
import org.oretrace.core.Country;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.ActorKind;
import org.oretrace.core.registry.IcglrStatus;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Registry;
import org.oretrace.core.registry.Site;

/**
 * Mine sites and actors. Lookups by id ({@link Registry}) are served from memory, since every
 * custody event checks its actor and sites; listings go to the database.
 */
public interface RegistryStore extends Registry {

  /** Inserts or replaces sites, all or none. */
  void putSites(List<Site> sites);

  /** Inserts or replaces actors, all or none. */
  void putActors(List<Actor> actors);

  /** Sites matching every given filter (null means any), ordered by id. */
  Page<Site> sites(SiteFilter filter, PageRequest page);

  /** Actors matching every given filter (null means any), ordered by id. */
  Page<Actor> actors(ActorFilter filter, PageRequest page);

  long siteCount();

  long actorCount();

  /**
   * Calls the listener after every committed {@link #putSites} and {@link #putActors}, on the
   * writer's thread, with what was put (the stream publisher sends registry changes on from here).
   * A listener that throws is logged; the change stays committed. The database stores implement it;
   * a registry that cannot tell of changes (a test's wrapper) refuses listeners.
   */
  default void addListener(ChangeListener listener) {
    throw new UnsupportedOperationException(getClass().getName() + " does not tell of changes");
  }

  /** Told of sites and actors once they are stored. */
  interface ChangeListener {
    void sitesPut(List<Site> sites);

    void actorsPut(List<Actor> actors);
  }

  /** Filters for listing sites; a null field matches any value. */
  record SiteFilter(Country country, Mineral mineral, IcglrStatus status) {
    public static final SiteFilter ANY = new SiteFilter(null, null, null);
  }

  /** Filters for listing actors; a null field matches any value. */
  record ActorFilter(Country country, ActorKind kind) {
    public static final ActorFilter ANY = new ActorFilter(null, null);
  }
}
