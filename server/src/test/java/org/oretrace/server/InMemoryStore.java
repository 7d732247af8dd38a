package org.oretrace.server;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.oretrace.core.custody.AcceptedBatch;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.LineageEdge;
import org.oretrace.core.custody.Lot;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Site;
import org.oretrace.store.CustodyStore;
import org.oretrace.store.CustodyStore.IdempotencyRecord;
import org.oretrace.store.CustodyStore.StoredEvent;
import org.oretrace.store.Page;
import org.oretrace.store.PageRequest;
import org.oretrace.store.RegistryStore;
import org.oretrace.store.Store;
import org.oretrace.store.TokenStore;

/**
 * A TEST FAKE of {@link Store}, held in memory, until the SQLite store lands; the integrator will
 * switch the server's tests to {@code SqliteStore}. It keeps the contract the server relies on:
 * appends are all or nothing (built aside, then published under one lock), the idempotency record
 * is written with its batch, listings are ordered by id with filters and paging, and events are
 * numbered from 0 in the order they were appended.
 */
public final class InMemoryStore implements Store {

  private final Object lock = new Object();
  private final Clock clock = Clock.systemUTC();

  private final TreeMap<String, Site> sites = new TreeMap<>();
  private final TreeMap<String, Actor> actors = new TreeMap<>();
  private final List<StoredEvent> events = new ArrayList<>();
  private final Map<String, StoredEvent> eventsById = new HashMap<>();
  private final TreeMap<String, Lot> lots = new TreeMap<>();
  private final List<LineageEdge> edges = new ArrayList<>();
  private final Map<String, IdempotencyRecord> idempotency = new HashMap<>();
  private final Map<String, TokenStore.ApiToken> tokens = new HashMap<>();

  private final RegistryStore registry = new Registry();
  private final CustodyStore custody = new Custody();
  private final TokenStore tokenStore = new Tokens();

  @Override
  public RegistryStore registry() {
    return registry;
  }

  @Override
  public CustodyStore custody() {
    return custody;
  }

  @Override
  public TokenStore tokens() {
    return tokenStore;
  }

  @Override
  public void close() {}

  private static <T> Page<T> page(Collection<T> values, Predicate<T> filter, PageRequest request) {
    List<T> matching = values.stream().filter(filter).toList();
    int from = (int) Math.min(request.offset(), matching.size());
    int to = Math.min(from + request.limit(), matching.size());
    return new Page<>(matching.subList(from, to), request.offset(), matching.size());
  }

  private static <T> boolean matches(T wanted, T actual) {
    return wanted == null || wanted.equals(actual);
  }

  private final class Registry implements RegistryStore {

    @Override
    public Optional<Site> site(String id) {
      synchronized (lock) {
        return Optional.ofNullable(sites.get(id));
      }
    }

    @Override
    public Optional<Actor> actor(String id) {
      synchronized (lock) {
        return Optional.ofNullable(actors.get(id));
      }
    }

    @Override
    public void putSites(List<Site> values) {
      List<Site> copy = List.copyOf(values);
      synchronized (lock) {
        copy.forEach(site -> sites.put(site.id(), site));
      }
    }

    @Override
    public void putActors(List<Actor> values) {
      List<Actor> copy = List.copyOf(values);
      synchronized (lock) {
        copy.forEach(actor -> actors.put(actor.id(), actor));
      }
    }

    @Override
    public Page<Site> sites(SiteFilter filter, PageRequest request) {
      synchronized (lock) {
        return page(
            sites.values(),
            site ->
                matches(filter.country(), site.country())
                    && (filter.mineral() == null || site.minerals().contains(filter.mineral()))
                    && matches(filter.status(), site.icglrStatus()),
            request);
      }
    }

    @Override
    public Page<Actor> actors(ActorFilter filter, PageRequest request) {
      synchronized (lock) {
        return page(
            actors.values(),
            actor ->
                matches(filter.country(), actor.country()) && matches(filter.kind(), actor.kind()),
            request);
      }
    }

    @Override
    public long siteCount() {
      synchronized (lock) {
        return sites.size();
      }
    }

    @Override
    public long actorCount() {
      synchronized (lock) {
        return actors.size();
      }
    }
  }

  private final class Custody implements CustodyStore {

    @Override
    public long append(AcceptedBatch batch, IdempotencyRecord record) {
      synchronized (lock) {
        // Check everything before changing anything, so that a refused append leaves no trace.
        Set<String> ids = new HashSet<>();
        for (CustodyEvent event : batch.events()) {
          if (eventsById.containsKey(event.id()) || !ids.add(event.id())) {
            throw new IllegalStateException("event " + event.id() + " is already stored");
          }
        }
        if (record != null && idempotency.containsKey(record.key())) {
          throw new IllegalStateException("idempotency key " + record.key() + " is already stored");
        }
        long first = events.size();
        Instant now = clock.instant();
        for (CustodyEvent event : batch.events()) {
          StoredEvent stored = new StoredEvent(events.size(), now, event);
          events.add(stored);
          eventsById.put(event.id(), stored);
        }
        batch.lots().forEach(lot -> lots.put(lot.id(), lot));
        edges.addAll(batch.edges());
        if (record != null) {
          idempotency.put(record.key(), record);
        }
        return first;
      }
    }

    @Override
    public Set<String> existingEventIds(Collection<String> eventIds) {
      synchronized (lock) {
        Set<String> existing = new HashSet<>();
        eventIds.stream().filter(eventsById::containsKey).forEach(existing::add);
        return existing;
      }
    }

    @Override
    public Optional<IdempotencyRecord> idempotencyRecord(String key) {
      synchronized (lock) {
        return Optional.ofNullable(idempotency.get(key));
      }
    }

    @Override
    public long eventCount() {
      synchronized (lock) {
        return events.size();
      }
    }

    @Override
    public Optional<StoredEvent> event(String eventId) {
      synchronized (lock) {
        return Optional.ofNullable(eventsById.get(eventId));
      }
    }

    @Override
    public List<StoredEvent> eventsOfLot(String lotId) {
      synchronized (lock) {
        return events.stream().filter(stored -> stored.event().lotIds().contains(lotId)).toList();
      }
    }

    @Override
    public List<StoredEvent> events(long fromSequence, int limit) {
      synchronized (lock) {
        return events.stream().skip(Math.max(0, fromSequence)).limit(limit).toList();
      }
    }

    @Override
    public Optional<Lot> lot(String lotId) {
      synchronized (lock) {
        return Optional.ofNullable(lots.get(lotId));
      }
    }

    @Override
    public Page<Lot> lots(LotFilter filter, PageRequest request) {
      synchronized (lock) {
        return page(
            lots.values(),
            lot ->
                matches(filter.mineral(), lot.mineral())
                    && matches(filter.siteId(), lot.originSiteId())
                    && matches(filter.holderId(), lot.holderId())
                    && matches(filter.state(), lot.state())
                    && (filter.country() == null || filter.country().equals(originCountry(lot))),
            request);
      }
    }

    private Object originCountry(Lot lot) {
      Site site = lot.originSiteId() == null ? null : sites.get(lot.originSiteId());
      return site == null ? null : site.country();
    }

    @Override
    public void forEachLot(Consumer<Lot> consumer) {
      List<Lot> snapshot;
      synchronized (lock) {
        snapshot = List.copyOf(lots.values());
      }
      snapshot.forEach(consumer);
    }

    @Override
    public void forEachEdge(Consumer<LineageEdge> consumer) {
      List<LineageEdge> snapshot;
      synchronized (lock) {
        snapshot = List.copyOf(edges);
      }
      snapshot.forEach(consumer);
    }
  }

  private final class Tokens implements TokenStore {

    @Override
    public void add(ApiToken token) {
      synchronized (lock) {
        tokens.put(token.secretHash(), token);
      }
    }

    @Override
    public Optional<ApiToken> findByHash(String secretHash) {
      synchronized (lock) {
        return Optional.ofNullable(tokens.get(secretHash));
      }
    }
  }
}
