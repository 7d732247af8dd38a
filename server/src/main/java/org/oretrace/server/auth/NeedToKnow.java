package org.oretrace.server.auth;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.oretrace.core.Country;
import org.oretrace.core.access.Organisation;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Export;
import org.oretrace.core.custody.CustodyEvent.Import;
import org.oretrace.core.custody.CustodyEvent.Ship;
import org.oretrace.core.custody.CustodyEvent.Transfer;
import org.oretrace.core.custody.CustodyGraph;
import org.oretrace.core.lineage.Direction;
import org.oretrace.core.registry.Actor;
import org.oretrace.store.CustodyStore;
import org.oretrace.store.CustodyStore.StoredEvent;
import org.oretrace.store.Recorder;
import org.oretrace.store.RegistryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The need-to-know rule, in one place: from a caller's organisation (type, country, actors) it
 * computes the {@link Scope} of the custody record the caller may see (docs/access.md has the
 * table).
 *
 * <ul>
 *   <li>The platform administrator (start-up token) sees everything.
 *   <li>The regulator, police, anti-corruption body and FIU see the custody record of their
 *       country: every event performed by an actor of that country, and the lots those events name.
 *   <li>Customs sees declarations and what crosses its borders: exports from and to its country,
 *       imports into and from it, the lots declared, and the in-country events of those lots.
 *   <li>A company sees its own supply chain: the lots its actors held or were sent, everything
 *       upstream and downstream of them in the lineage, and the events on those lots.
 *   <li>Auditors and community organisations see the registry but no custody record (audits and
 *       community reports, M8 and M9, bring their own rules; see {@link
 *       Scope#seesCommunityReport}). So do tokens of organisations not in the register.
 * </ul>
 *
 * <p>An event is in a scope only if every lot it names is. Scopes are computed by one pass over the
 * events (two for customs and companies) and kept per organisation until the record grows or the
 * registry changes (the server logs each computation with its time). A national record would keep
 * these sets up to date as batches arrive instead.
 */
public final class NeedToKnow {

  private static final Logger LOG = LoggerFactory.getLogger(NeedToKnow.class);
  private static final int READ_BATCH = 5_000;

  private final CustodyGraph graph;
  private final CustodyStore custody;
  private final RegistryStore registry;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public NeedToKnow(Recorder recorder) {
    requireNonNull(recorder, "recorder is null");
    this.graph = recorder.graph();
    this.custody = recorder.store().custody();
    this.registry = recorder.store().registry();
  }

  /** What the caller may see of the custody record. */
  public Scope scope(Caller caller) {
    requireNonNull(caller, "caller is null");
    if (caller.isPlatform()) {
      return Scope.everything(caller);
    }
    Organisation organisation = caller.registration();
    if (organisation == null) {
      return Scope.of(caller, Set.of(), Set.of(), actor -> false);
    }
    long version = custody.nextSequence() * 31 + registry.actorCount();
    Cached cached = cache.get(organisation.id());
    if (cached == null || cached.version != version || !cached.organisation.equals(organisation)) {
      long started = System.nanoTime();
      Sets computed = compute(organisation);
      LOG.info(
          "need-to-know scope of {} ({}): {} lots, {} events, computed in {} ms",
          organisation.id(),
          organisation.type().wireName(),
          computed.lots.size(),
          computed.events.size(),
          (System.nanoTime() - started) / 1_000_000);
      cached =
          new Cached(organisation, version, Set.copyOf(computed.lots), Set.copyOf(computed.events));
      cache.put(organisation.id(), cached);
    }
    return Scope.of(caller, cached.lots, cached.events, actorRule(organisation));
  }

  private static Predicate<Actor> actorRule(Organisation organisation) {
    return switch (organisation.type()) {
      case COMPANY -> actor -> organisation.actorIds().contains(actor.id());
      case REGULATOR, POLICE, ANTI_CORRUPTION, FIU ->
          actor -> actor.country().equals(organisation.country());
      default -> actor -> false;
    };
  }

  private Sets compute(Organisation organisation) {
    Country country = organisation.country();
    Map<String, Country> countries = new HashMap<>();
    Sets sets = new Sets();
    switch (organisation.type()) {
      case REGULATOR, POLICE, ANTI_CORRUPTION, FIU ->
          forEachEvent(
              event -> {
                if (country.equals(countryOf(event.context().actorId(), countries))) {
                  sets.events.add(event.context().id());
                  sets.lots.addAll(event.lotIds());
                }
              });
      case CUSTOMS -> {
        forEachEvent(
            event -> {
              if (crossesBorderOf(event, country, countries)) {
                sets.lots.addAll(event.lotIds());
              }
            });
        forEachEvent(
            event -> {
              boolean ours =
                  crossesBorderOf(event, country, countries)
                      || country.equals(countryOf(event.context().actorId(), countries));
              if (ours && sets.lots.containsAll(event.lotIds())) {
                sets.events.add(event.context().id());
              }
            });
      }
      case COMPANY -> {
        Set<String> actors = Set.copyOf(organisation.actorIds());
        Set<String> held = new HashSet<>();
        forEachEvent(
            event -> {
              boolean ours =
                  actors.contains(event.context().actorId())
                      || (event instanceof Transfer transfer
                          && actors.contains(transfer.toActorId()))
                      || (event instanceof Ship ship && actors.contains(ship.consigneeId()));
              if (ours) {
                held.addAll(event.lotIds());
              }
            });
        for (String lot : held) {
          for (Direction direction : Direction.values()) {
            graph.reach(lot, direction).ifPresent(sets.lots::addAll);
          }
        }
        forEachEvent(
            event -> {
              if (sets.lots.containsAll(event.lotIds())) {
                sets.events.add(event.context().id());
              }
            });
      }
      default -> {
        // auditors and community organisations: no custody record
      }
    }
    return sets;
  }

  private boolean crossesBorderOf(
      CustodyEvent event, Country country, Map<String, Country> countries) {
    return switch (event) {
      case Export export ->
          export.destination().equals(country)
              || country.equals(countryOf(export.context().actorId(), countries));
      case Import anImport ->
          anImport.origin().equals(country)
              || country.equals(countryOf(anImport.context().actorId(), countries));
      default -> false;
    };
  }

  private Country countryOf(String actorId, Map<String, Country> countries) {
    return countries.computeIfAbsent(
        actorId, id -> registry.actor(id).map(Actor::country).orElse(null));
  }

  private void forEachEvent(java.util.function.Consumer<CustodyEvent> consumer) {
    long count = custody.nextSequence();
    long next = 0;
    while (next < count) {
      List<StoredEvent> batch = custody.events(next, READ_BATCH);
      if (batch.isEmpty()) {
        break;
      }
      for (StoredEvent stored : batch) {
        consumer.accept(stored.event());
        next = stored.sequence() + 1;
      }
    }
  }

  private static final class Sets {
    final Set<String> lots = new HashSet<>();
    final Set<String> events = new HashSet<>();
  }

  private record Cached(
      Organisation organisation, long version, Set<String> lots, Set<String> events) {}
}
