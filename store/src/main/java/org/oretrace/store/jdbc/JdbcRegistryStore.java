package org.oretrace.store.jdbc;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Site;
import org.oretrace.store.Page;
import org.oretrace.store.PageRequest;
import org.oretrace.store.RegistryStore;
import org.oretrace.store.json.Json;
import org.oretrace.store.json.RegistryJson;
import org.oretrace.store.ledger.LedgerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sites and actors in SQL, with every one also held in memory: the registry is small (thousands of
 * entries) and every custody event looks up its actor, so lookups by id never touch the disk.
 */
final class JdbcRegistryStore implements RegistryStore {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcRegistryStore.class);

  private final Database database;
  private final JdbcLedger ledger;
  private final Map<String, Site> sites = new ConcurrentHashMap<>();
  private final Map<String, Actor> actors = new ConcurrentHashMap<>();
  private volatile Consumer<List<Actor>> afterActorsPut = actors -> {};
  private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();

  JdbcRegistryStore(Database database, JdbcLedger ledger) {
    this.database = database;
    this.ledger = ledger;
    database.read(
        connection -> {
          try (PreparedStatement statement =
                  connection.prepareStatement("SELECT document FROM sites");
              ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              Site site = decodeSite(rows.getString(1));
              sites.put(site.id(), site);
            }
          }
          try (PreparedStatement statement =
                  connection.prepareStatement("SELECT document FROM actors");
              ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              Actor actor = decodeActor(rows.getString(1));
              actors.put(actor.id(), actor);
            }
          }
          return null;
        });
  }

  @Override
  public Optional<Site> site(String id) {
    return Optional.ofNullable(sites.get(id));
  }

  @Override
  public Optional<Actor> actor(String id) {
    return Optional.ofNullable(actors.get(id));
  }

  @Override
  public void putSites(List<Site> newSites) {
    ledger.recording(
        (connection, records) -> {
          writeSites(connection, records, newSites);
          return null;
        },
        () -> {});
    cache(newSites);
  }

  /**
   * Writes sites inside another store's transaction (an audit changing a site's status); the caller
   * calls {@link #cache} once that transaction is committed. Each site is logged as a record.
   */
  void writeSites(Connection connection, JdbcLedger.RecordSink records, List<Site> newSites)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO sites (id, country, icglr_status, minerals, document) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET country = excluded.country,"
                + " icglr_status = excluded.icglr_status, minerals = excluded.minerals,"
                + " document = excluded.document")) {
      for (Site site : newSites) {
        statement.setString(1, site.id());
        statement.setString(2, site.country().code());
        statement.setString(3, site.icglrStatus().wireName());
        StringBuilder minerals = new StringBuilder(",");
        site.minerals().forEach(mineral -> minerals.append(mineral.wireName()).append(','));
        statement.setString(4, minerals.toString());
        statement.setString(5, Json.text(RegistryJson.encode(site)));
        statement.addBatch();
      }
      statement.executeBatch();
    }
    for (Site site : newSites) {
      records.append(LedgerRecords.SITE, site.id(), LedgerRecords.site(site));
    }
  }

  /** Makes committed sites the ones lookups by id answer, and tells the listeners. */
  void cache(List<Site> committed) {
    committed.forEach(site -> sites.put(site.id(), site));
    List<Site> put = List.copyOf(committed);
    tell(listener -> listener.sitesPut(put));
  }

  @Override
  public void putActors(List<Actor> newActors) {
    ledger.recording(
        (connection, records) -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO actors (id, kind, country, document) VALUES (?, ?, ?, ?)"
                      + " ON CONFLICT (id) DO UPDATE SET kind = excluded.kind,"
                      + " country = excluded.country, document = excluded.document")) {
            for (Actor actor : newActors) {
              statement.setString(1, actor.id());
              statement.setString(2, actor.kind().wireName());
              statement.setString(3, actor.country().code());
              statement.setString(4, Json.text(RegistryJson.encode(actor)));
              statement.addBatch();
            }
            statement.executeBatch();
          }
          for (Actor actor : newActors) {
            records.append(LedgerRecords.ACTOR, actor.id(), LedgerRecords.actor(actor));
          }
          return null;
        },
        () -> {});
    newActors.forEach(actor -> actors.put(actor.id(), actor));
    afterActorsPut.accept(List.copyOf(newActors));
    List<Actor> put = List.copyOf(newActors);
    tell(listener -> listener.actorsPut(put));
  }

  @Override
  public void addListener(ChangeListener listener) {
    listeners.add(requireNonNull(listener, "listener is null"));
  }

  private void tell(Consumer<ChangeListener> call) {
    for (ChangeListener listener : listeners) {
      try {
        call.accept(listener);
      } catch (RuntimeException e) {
        // The change is committed; a failing listener (a publisher) must not undo it for the
        // caller. It is logged for the operator instead.
        LOG.error("a registry listener failed; the change is stored", e);
      }
    }
  }

  /** Runs after every committed {@link #putActors}: the store screens new actors (D9) there. */
  void afterActorsPut(Consumer<List<Actor>> listener) {
    this.afterActorsPut = listener;
  }

  @Override
  public Page<Site> sites(SiteFilter filter, PageRequest page) {
    Sql where = new Sql();
    if (filter.country() != null) {
      where.and("country = ?", filter.country().code());
    }
    if (filter.mineral() != null) {
      where.and("minerals LIKE ?", "%," + filter.mineral().wireName() + ",%");
    }
    if (filter.status() != null) {
      where.and("icglr_status = ?", filter.status().wireName());
    }
    return page("sites", where, page, JdbcRegistryStore::decodeSite);
  }

  @Override
  public Page<Actor> actors(ActorFilter filter, PageRequest page) {
    Sql where = new Sql();
    if (filter.country() != null) {
      where.and("country = ?", filter.country().code());
    }
    if (filter.kind() != null) {
      where.and("kind = ?", filter.kind().wireName());
    }
    return page("actors", where, page, JdbcRegistryStore::decodeActor);
  }

  @Override
  public long siteCount() {
    return sites.size();
  }

  @Override
  public long actorCount() {
    return actors.size();
  }

  private <T> Page<T> page(String table, Sql where, PageRequest page, Function<String, T> decoder) {
    return database.read(
        connection ->
            where.page(
                connection,
                "document",
                table,
                "id",
                page,
                rows -> decoder.apply(rows.getString(1))));
  }

  private static Site decodeSite(String document) {
    return RegistryJson.decodeSite(Json.parse(document.getBytes(StandardCharsets.UTF_8)));
  }

  private static Actor decodeActor(String document) {
    return RegistryJson.decodeActor(Json.parse(document.getBytes(StandardCharsets.UTF_8)));
  }
}
