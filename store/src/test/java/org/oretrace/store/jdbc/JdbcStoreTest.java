package org.oretrace.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.oretrace.core.Country;
import org.oretrace.core.access.Role;
import org.oretrace.core.custody.AcceptedBatch;
import org.oretrace.core.custody.CustodyGraph;
import org.oretrace.core.custody.EventType;
import org.oretrace.core.custody.Lot;
import org.oretrace.core.custody.LotState;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.ActorKind;
import org.oretrace.core.registry.IcglrStatus;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Site;
import org.oretrace.store.CustodyStore.IdempotencyRecord;
import org.oretrace.store.CustodyStore.LotFilter;
import org.oretrace.store.DatabaseTest;
import org.oretrace.store.Fixtures;
import org.oretrace.store.LedgerFixtures;
import org.oretrace.store.PageRequest;
import org.oretrace.store.RegistryStore;
import org.oretrace.store.RegistryStore.ActorFilter;
import org.oretrace.store.RegistryStore.SiteFilter;
import org.oretrace.store.Store;
import org.oretrace.store.StoreException;
import org.oretrace.store.TestDatabase;
import org.oretrace.store.TokenStore.ApiToken;
import org.oretrace.store.ledger.LedgerVerifier;

@ParameterizedClass
@EnumSource(TestDatabase.Kind.class)
class JdbcStoreTest extends DatabaseTest {

  private Store openWithRegistry() {
    return database.openWithRegistry();
  }

  private static AcceptedBatch checked(Store store) {
    return new CustodyGraph().check(Fixtures.chain(), store.registry());
  }

  @Test
  void registryListenersAreToldOfCommittedChangesAndCannotUndoThem() {
    try (Store store = openWithRegistry()) {
      List<String> heard = new ArrayList<>();
      store
          .registry()
          .addListener(
              new RegistryStore.ChangeListener() {
                @Override
                public void sitesPut(List<Site> sites) {
                  throw new IllegalStateException("a broken listener");
                }

                @Override
                public void actorsPut(List<Actor> actors) {
                  throw new IllegalStateException("a broken listener");
                }
              });
      store
          .registry()
          .addListener(
              new RegistryStore.ChangeListener() {
                @Override
                public void sitesPut(List<Site> sites) {
                  sites.forEach(site -> heard.add("site " + site.id()));
                }

                @Override
                public void actorsPut(List<Actor> actors) {
                  actors.forEach(actor -> heard.add("actor " + actor.id()));
                }
              });
      Site site = Fixtures.sites().getFirst();
      List<Actor> actors = Fixtures.actors().subList(0, 2);
      store.registry().putSites(List.of(site));
      store.registry().putActors(actors);
      assertThat(heard)
          .containsExactly(
              "site " + site.id(), "actor " + actors.get(0).id(), "actor " + actors.get(1).id());
      assertThat(store.registry().site(site.id())).contains(site);
    }
  }

  @Test
  void registryRoundTripsAndFilters() {
    try (Store store = openWithRegistry()) {
      assertThat(store.registry().site("site-rubaya")).contains(Fixtures.sites().getFirst());
      assertThat(store.registry().actor("coop-1")).contains(Fixtures.actors().getFirst());
      assertThat(
              store
                  .registry()
                  .sites(new SiteFilter(null, null, IcglrStatus.RED), PageRequest.first(10))
                  .items())
          .extracting(site -> site.id())
          .containsExactly("site-rubaya");
      assertThat(
              store
                  .registry()
                  .sites(
                      new SiteFilter(Country.of("CD"), Mineral.CASSITERITE, null),
                      PageRequest.first(10))
                  .items())
          .extracting(site -> site.id())
          .containsExactly("site-nyabibwe");
      var page = store.registry().actors(ActorFilter.ANY, new PageRequest(1, 1));
      assertThat(page.total()).isEqualTo(3);
      assertThat(page.items()).extracting(actor -> actor.id()).containsExactly("coop-1");
      assertThat(
              store
                  .registry()
                  .actors(new ActorFilter(null, ActorKind.COMPTOIR), PageRequest.first(5))
                  .items())
          .extracting(actor -> actor.id())
          .containsExactly("comptoir-1");
    }
    try (Store reopened = database.open()) {
      assertThat(reopened.registry().siteCount()).isEqualTo(2);
      assertThat(reopened.registry().actor("trader-1")).isPresent();
    }
  }

  @Test
  void appendStoresEventsLotsAndEdgesAndSurvivesReopening() {
    try (Store store = openWithRegistry()) {
      AcceptedBatch batch = checked(store);
      // The registry's records take the log's first positions; events follow.
      assertThat(store.custody().append(batch, null)).isEqualTo(LedgerFixtures.REGISTRY_ENTRIES);
      assertThat(store.custody().eventCount()).isEqualTo(6);
    }
    try (Store store = database.open()) {
      assertThat(store.custody().eventCount()).isEqualTo(6);
      assertThat(store.custody().event("ev-4"))
          .hasValueSatisfying(
              stored -> {
                assertThat(stored.sequence()).isEqualTo(LedgerFixtures.REGISTRY_ENTRIES + 3);
                assertThat(stored.event()).isEqualTo(Fixtures.chain().get(3));
              });
      assertThat(store.custody().eventsOfLot("lot-1"))
          .extracting(stored -> stored.event().id())
          .containsExactly("ev-1", "ev-3", "ev-4", "ev-5");
      long first = LedgerFixtures.REGISTRY_ENTRIES;
      assertThat(store.custody().events(first + 4, 10))
          .extracting(stored -> stored.sequence())
          .containsExactly(first + 4, first + 5);
      Lot merged = store.custody().lot("lot-3").orElseThrow();
      assertThat(merged.state()).isEqualTo(LotState.EXPORTED);
      assertThat(merged.massGrams()).isEqualTo(74_900);
      assertThat(store.custody().lot("lot-1").orElseThrow().state()).isEqualTo(LotState.CONSUMED);
      var edges = new java.util.ArrayList<org.oretrace.core.custody.LineageEdge>();
      store.custody().forEachEdge(edges::add);
      assertThat(edges)
          .extracting(edge -> edge.fromLotId() + ">" + edge.toLotId() + ":" + edge.massGrams())
          .containsExactlyInAnyOrder("lot-1>lot-3:39900", "lot-2>lot-3:35000");
      assertThat(edges).allMatch(edge -> edge.eventType() == EventType.MERGE);
      assertThat(
              store
                  .custody()
                  .lots(new LotFilter(null, "site-rubaya", null, null, null), PageRequest.first(10))
                  .items())
          .extracting(Lot::id)
          .containsExactly("lot-1");
      assertThat(
              store
                  .custody()
                  .lots(
                      new LotFilter(Mineral.COLTAN, null, null, Country.of("CD"), null),
                      PageRequest.first(10))
                  .total())
          .isEqualTo(2);
      assertThat(
              store
                  .custody()
                  .lots(
                      new LotFilter(null, null, null, null, LotState.EXPORTED),
                      PageRequest.first(10))
                  .items())
          .extracting(Lot::id)
          .containsExactly("lot-3");
      assertThat(store.custody().existingEventIds(List.of("ev-1", "ev-9", "ev-6")))
          .containsExactlyInAnyOrder("ev-1", "ev-6");
    }
  }

  @Test
  void migrationDropsTheUnusedLotIndexesOfAnOlderDataFolder() throws Exception {
    LotFilter coltan = new LotFilter(Mineral.COLTAN, null, null, null, null);
    List<String> coltanLots;
    try (Store store = openWithRegistry()) {
      store.custody().append(checked(store), null);
      coltanLots =
          store.custody().lots(coltan, PageRequest.first(10)).items().stream()
              .map(Lot::id)
              .toList();
    }
    assertThat(coltanLots).isNotEmpty();
    assertThat(lotIndexes()).containsExactlyInAnyOrder("lots_holder", "lots_origin_site");
    // A data folder made before V21 (and before V1 lost them on SQLite) holds the two indexes.
    database.tamper(
        "CREATE INDEX lots_mineral ON lots (mineral)",
        "CREATE INDEX lots_tag_number ON lots (tag_number)",
        "DELETE FROM flyway_schema_history WHERE version = '21'");
    assertThat(lotIndexes()).contains("lots_mineral", "lots_tag_number");
    try (Store store = database.open()) {
      assertThat(store.custody().eventsOfLot("lot-1"))
          .extracting(stored -> stored.event().id())
          .containsExactly("ev-1", "ev-3", "ev-4", "ev-5");
      assertThat(store.custody().lots(coltan, PageRequest.first(10)).items())
          .extracting(Lot::id)
          .containsExactlyElementsOf(coltanLots);
    }
    assertThat(lotIndexes()).containsExactlyInAnyOrder("lots_holder", "lots_origin_site");
  }

  /** The names of the indexes on lots other than its primary key. */
  private List<String> lotIndexes() throws java.sql.SQLException {
    String sql =
        kind == TestDatabase.Kind.SQLITE
            ? "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'lots'"
                + " AND name NOT LIKE 'sqlite_autoindex%'"
            : "SELECT indexname FROM pg_indexes WHERE tablename = 'lots'"
                + " AND schemaname = current_schema() AND indexname <> 'lots_pkey'";
    List<String> names = new ArrayList<>();
    try (java.sql.Connection connection = database.connect();
        java.sql.Statement statement = connection.createStatement();
        java.sql.ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }

  @Test
  void aFailedAppendWritesNothing() {
    try (Store store = openWithRegistry()) {
      AcceptedBatch batch = checked(store);
      store.custody().append(batch, new IdempotencyRecord("key-1", "hash", List.of("ev-1")));
      // The same events again break the unique event id: the whole second batch must roll back.
      assertThatThrownBy(
              () ->
                  store.custody().append(batch, new IdempotencyRecord("key-2", "hash", List.of())))
          .isInstanceOf(StoreException.class);
      assertThat(store.custody().eventCount()).isEqualTo(6);
      assertThat(store.custody().events(0, 100)).hasSize(6);
      assertThat(store.custody().idempotencyRecord("key-2")).isEmpty();
      assertThat(store.custody().idempotencyRecord("key-1"))
          .hasValueSatisfying(record -> assertThat(record.eventIds()).containsExactly("ev-1"));
    }
  }

  @Test
  void tokensAreFoundByHashOnly() {
    try (Store store = openWithRegistry()) {
      String hash = "a".repeat(64);
      store
          .tokens()
          .add(
              new ApiToken(
                  hash, "customs-rw", Role.RECORDER, Instant.parse("2025-01-01T00:00:00Z")));
      assertThat(store.tokens().findByHash(hash))
          .hasValueSatisfying(
              token -> {
                assertThat(token.organisation()).isEqualTo("customs-rw");
                assertThat(token.role()).isEqualTo(Role.RECORDER);
              });
      assertThat(store.tokens().findByHash("b".repeat(64))).isEmpty();
    }
  }

  @Test
  void concurrentAppendsOfOneStoreFormOneSequence() throws Exception {
    try (Store store = openWithRegistry()) {
      int writers = 4;
      int batches = 8;
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      try {
        List<Future<Long>> firsts = new ArrayList<>();
        for (int writer = 0; writer < writers; writer++) {
          for (int batch = 0; batch < batches; batch++) {
            int base = (writer * batches + batch) * 3;
            firsts.add(
                pool.submit(
                    () ->
                        store
                            .custody()
                            .append(
                                new CustodyGraph()
                                    .check(LedgerFixtures.tags(base, 3), store.registry()),
                                null)));
          }
        }
        List<Long> starts = new ArrayList<>();
        for (Future<Long> first : firsts) {
          starts.add(first.get());
        }
        assertThat(starts)
            .doesNotHaveDuplicates()
            .allMatch(start -> (start - LedgerFixtures.REGISTRY_ENTRIES) % 3 == 0);
      } finally {
        pool.shutdown();
      }
      assertThat(store.custody().eventCount()).isEqualTo(96);
      assertThat(store.ledger().size()).isEqualTo(LedgerFixtures.REGISTRY_ENTRIES + 96);
      // Writes sign at most once per signing interval; a reader of the checkpoint gets one that
      // covers
      // them (signed now), which verification then checks.
      store.ledger().latestCheckpoint();
      assertThat(new LedgerVerifier(store.ledger(), store.ledger().verifierKey()).verify(d -> {}))
          .satisfies(report -> assertThat(report.findings()).isEmpty());
    }
  }
}
