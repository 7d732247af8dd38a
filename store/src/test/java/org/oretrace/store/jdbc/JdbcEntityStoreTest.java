package org.oretrace.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.oretrace.core.Country;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.core.entities.EntityGraph;
import org.oretrace.core.entities.EntityGraph.EdgeKind;
import org.oretrace.core.entities.Party;
import org.oretrace.core.entities.PartyKind;
import org.oretrace.core.entities.Relation;
import org.oretrace.core.entities.RelationKind;
import org.oretrace.core.screening.EntityType;
import org.oretrace.core.screening.WatchListEntry;
import org.oretrace.store.AlertStore;
import org.oretrace.store.DatabaseTest;
import org.oretrace.store.EntityStore;
import org.oretrace.store.Fixtures;
import org.oretrace.store.PageRequest;
import org.oretrace.store.Recorder;
import org.oretrace.store.Store;
import org.oretrace.store.TestDatabase;

@ParameterizedClass
@EnumSource(TestDatabase.Kind.class)
class JdbcEntityStoreTest extends DatabaseTest {

  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

  private static Party person(String id, String name) {
    return new Party(
        id,
        PartyKind.PERSON,
        name,
        Country.of("CD"),
        1973,
        List.of("12 Avenue du Lac, Goma"),
        List.of("+243 81 555 0101"),
        List.of());
  }

  private static Relation owns(String party, String subject, String share) {
    return new Relation(
        RelationKind.OWNERSHIP,
        party,
        subject,
        new BigDecimal(share),
        null,
        LocalDate.of(2020, 1, 1),
        null);
  }

  private static WatchListEntry listedWarlord() {
    return new WatchListEntry(
        "UN",
        "CDi.005",
        EntityType.PERSON,
        List.of("Bosco Ntaganda", "Terminator"),
        List.of("1973"),
        List.of("Democratic Republic of the Congo"),
        List.of(),
        List.of("DRC"));
  }

  private static List<AlertStore.StoredAlert> d9Alerts(Store store) {
    return store
        .alerts()
        .alerts(
            new AlertStore.AlertFilter(DetectorId.D9, null, null, null, null, null, null),
            PageRequest.first(100))
        .items();
  }

  @Test
  void ownersAreReplacedKeptAcrossReopeningAndEveryChangeIsChained() {
    try (Store store = database.openWithRegistry()) {
      EntityStore entities = store.entities();
      entities.replaceOwners(
          "trader-1",
          List.of(person("p-1", "Jean Kabuya"), person("p-2", "Marie Uwase")),
          List.of(
              owns("p-1", "trader-1", "60"),
              new Relation(
                  RelationKind.DIRECTORSHIP, "p-2", "trader-1", null, "director", null, null)),
          "api:regulator",
          AT);
      entities.replaceOwners(
          "trader-1", List.of(), List.of(owns("p-2", "trader-1", "100")), "api:regulator", AT);
    }
    try (Store store = database.open()) {
      EntityStore entities = store.entities();
      assertThat(entities.owners("trader-1")).containsExactly(owns("p-2", "trader-1", "100"));
      assertThat(entities.parties()).extracting(Party::id).containsExactly("p-1", "p-2");
      assertThat(entities.party("p-1").orElseThrow().phones()).containsExactly("+243 81 555 0101");
      List<EntityStore.Change> history = entities.history("trader-1");
      assertThat(history).hasSize(2);
      assertThat(history.get(0).document()).contains("\"sharePercent\":60", "director");
      assertThat(history.get(1).document()).doesNotContain("p-1");
      assertThat(entities.historyIntact()).isTrue();
    }
  }

  @Test
  void aRewrittenChangeBreaksTheHistoryChain() throws Exception {
    try (Store store = database.openWithRegistry()) {
      store
          .entities()
          .replaceOwners(
              "trader-1",
              List.of(person("p-1", "Jean Kabuya")),
              List.of(owns("p-1", "trader-1", "60")),
              "api:regulator",
              AT);
      store
          .entities()
          .replaceOwners(
              "coop-1", List.of(), List.of(owns("p-1", "coop-1", "10")), "api:regulator", AT);
      try (Connection connection = database.connect();
          Statement statement = connection.createStatement()) {
        statement.executeUpdate(
            "UPDATE entity_changes SET document = REPLACE(document, '60', '6') WHERE sequence = 0");
      }
      assertThat(store.entities().historyIntact()).isFalse();
    }
  }

  @Test
  void anImportNamingAnUnknownPartyWritesNothing() {
    try (Store store = database.openWithRegistry()) {
      assertThatThrownBy(
              () ->
                  store
                      .entities()
                      .importEntities(
                          List.of(person("p-1", "Jean Kabuya")),
                          List.of(owns("p-1", "trader-1", "50"), owns("p-9", "trader-1", "50")),
                          "import:test",
                          AT))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("p-9");
      assertThat(store.entities().parties()).isEmpty();
      assertThat(store.entities().relations()).isEmpty();
    }
  }

  @Test
  void anActorOwnedByAListedPersonGetsAD9AlertWithTheOwnershipPath() {
    try (Store store = database.openWithRegistry()) {
      store.watchLists().replace("UN", "un.xml", List.of(listedWarlord()), AT);
      assertThat(d9Alerts(store)).isEmpty();

      store
          .entities()
          .replaceOwners(
              "trader-1",
              List.of(person("p-1", "Gen. Bosco Ntaganda")),
              List.of(owns("p-1", "trader-1", "60")),
              "api:regulator",
              AT);

      List<AlertStore.StoredAlert> alerts = d9Alerts(store);
      assertThat(alerts).hasSize(1);
      var alert = alerts.getFirst().alert();
      assertThat(alert.id()).isEqualTo("D9-trader-1-UN-CDi.005");
      assertThat(alert.actorIds()).containsExactly("trader-1");
      assertThat(alert.explanation())
          .contains("1 links from UN entry CDi.005", "person p-1", "owns 60% of actor trader-1");
      assertThat(alert.figures().get("links")).isEqualByComparingTo("1");
      assertThat(alert.score()).isLessThan(1.0).isGreaterThan(0.8);
    }
  }

  @Test
  void tradeWithAnOwnedActorBringsTheSellerIntoTheNetworkAndLowerScoredAlerts() {
    try (Store store = database.openWithRegistry()) {
      Recorder.open(store).record(Fixtures.chain());
      store.watchLists().replace("UN", "un.xml", List.of(listedWarlord()), AT);
      store
          .entities()
          .replaceOwners(
              "trader-1",
              List.of(person("p-1", "Bosco Ntaganda")),
              List.of(owns("p-1", "trader-1", "60")),
              "api:regulator",
              AT);

      EntityGraph.Network network = store.screening().network("trader-1", 2);
      assertThat(network.nodes())
          .extracting(EntityGraph.Node::id)
          .contains("actor:trader-1", "party:p-1", "listed:UN:CDi.005", "actor:coop-1");
      EntityGraph.Edge trade =
          network.edges().stream()
              .filter(edge -> edge.kind() == EdgeKind.TRADE)
              .findFirst()
              .orElseThrow();
      assertThat(trade.from()).isEqualTo("actor:coop-1");
      assertThat(trade.to()).isEqualTo("actor:trader-1");
      assertThat(trade.figures().get("massGrams")).isEqualByComparingTo("40000");
      assertThat(network.paths())
          .anySatisfy(
              path -> {
                assertThat(path.target()).isEqualTo("listed:UN:CDi.005");
                assertThat(path.hops()).isEqualTo(2);
              });

      // coop-1 sold to the owned trader: two links from the entry, scored lower.
      var byActor =
          d9Alerts(store).stream()
              .map(AlertStore.StoredAlert::alert)
              .collect(
                  java.util.stream.Collectors.toMap(alert -> alert.actorIds().getFirst(), a -> a));
      assertThat(byActor).containsKeys("trader-1", "coop-1");
      assertThat(byActor.get("coop-1").score()).isLessThan(byActor.get("trader-1").score());
      assertThat(byActor.get("coop-1").explanation()).contains("sold 40 kg");

      // coop-1 tagged at Rubaya, held by armed groups: a path to the site, no alert for that.
      assertThat(store.screening().network("coop-1", 1).paths())
          .anySatisfy(path -> assertThat(path.target()).isEqualTo("site:site-rubaya"));
    }
  }

  private static Relation payment(String payer, String payee) {
    return new Relation(
        RelationKind.PAYMENT,
        payer,
        payee,
        null,
        null,
        LocalDate.of(2024, 3, 1),
        null,
        new BigDecimal("25000"),
        "USD");
  }

  private static Relation brother(String person, String relative) {
    return new Relation(RelationKind.FAMILY, person, relative, null, "brother", null, null);
  }

  @Test
  void paymentsAndFamilyLinksAreAddedEndedKeptAndLoggedOneByOne() throws Exception {
    try (Store store = database.openWithRegistry()) {
      EntityStore entities = store.entities();
      entities.addRelation(
          List.of(person("p-1", "Jean Kabuya"), person("p-3", "Marie Uwase")),
          brother("p-1", "p-3"),
          "api:regulator",
          AT);
      entities.addRelation(List.of(), payment("p-3", "trader-1"), "api:regulator", AT);
      entities.addRelation(List.of(), payment("trader-1", "p-1"), "api:regulator", AT);
      // owners replaced later leave the payments to the actor alone
      entities.replaceOwners(
          "trader-1", List.of(), List.of(owns("p-1", "trader-1", "60")), "api:regulator", AT);
    }
    try (Store store = database.open()) {
      EntityStore entities = store.entities();
      assertThat(entities.owners("trader-1")).containsExactly(owns("p-1", "trader-1", "60"));
      assertThat(entities.relationsOf("trader-1"))
          .extracting(Relation::id)
          .containsExactlyInAnyOrder(
              "payment:p-3:trader-1", "payment:trader-1:p-1", "ownership:p-1:trader-1");
      Relation ended =
          entities
              .endRelation("payment:p-3:trader-1", LocalDate.of(2025, 6, 30), "api:police", AT)
              .orElseThrow();
      assertThat(ended.until()).isEqualTo(LocalDate.of(2025, 6, 30));
      assertThat(entities.endRelation("payment:p-9:trader-1", LocalDate.of(2025, 6, 30), "x", AT))
          .isEmpty();
      assertThatThrownBy(
              () ->
                  entities.endRelation(
                      "payment:p-3:trader-1", LocalDate.of(2025, 7, 1), "api:police", AT))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("ended already on 2025-06-30");
      assertThatThrownBy(
              () ->
                  entities.endRelation(
                      "payment:trader-1:p-1", LocalDate.of(2020, 1, 1), "api:police", AT))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("before it starts");
    }
    try (Store store = database.open()) {
      EntityStore entities = store.entities();
      assertThat(entities.relation("payment:p-3:trader-1").orElseThrow().until())
          .isEqualTo(LocalDate.of(2025, 6, 30));
      assertThat(entities.relation("payment:p-3:trader-1").orElseThrow().amount())
          .isEqualByComparingTo("25000");
      List<EntityStore.Change> history = entities.history("payment:p-3:trader-1");
      assertThat(history)
          .extracting(EntityStore.Change::by)
          .containsExactly("api:regulator", "api:police");
      assertThat(history.get(1).document()).contains("\"until\":\"2025-06-30\"", "\"USD\"");
      assertThat(entities.history("family:p-1:p-3")).hasSize(1);
      assertThat(entities.history("trader-1")).hasSize(1);
      assertThat(entities.historyIntact()).isTrue();
    }
    List<String> logged = new java.util.ArrayList<>();
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        java.sql.ResultSet rows =
            statement.executeQuery(
                "SELECT entry FROM log_records WHERE kind = 'owners' ORDER BY position")) {
      while (rows.next()) {
        logged.add(rows.getString(1));
      }
    }
    assertThat(logged).hasSize(5);
    assertThat(logged.get(0)).contains("\"subject\":\"family:p-1:p-3\"", "\"relation\":\"family\"");
    assertThat(logged.get(4)).contains("\"subject\":\"payment:p-3:trader-1\"", "2025-06-30");
  }

  @Test
  void relationsWithoutTheirEndsOrRecordedTwiceAreRefusedAndWriteNothing() {
    try (Store store = database.openWithRegistry()) {
      EntityStore entities = store.entities();
      Party company =
          new Party(
              "c-1",
              PartyKind.COMPANY,
              "Lake Holdings",
              null,
              null,
              List.of(),
              List.of(),
              List.of());
      assertThatThrownBy(
              () ->
                  entities.addRelation(
                      List.of(person("p-1", "Jean Kabuya"), company),
                      brother("p-1", "c-1"),
                      "api:regulator",
                      AT))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must be a person");
      assertThatThrownBy(
              () ->
                  entities.addRelation(
                      List.of(person("p-1", "Jean Kabuya")),
                      payment("p-1", "nobody-9"),
                      "api:regulator",
                      AT))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("nobody-9");
      assertThatThrownBy(
              () ->
                  entities.addRelation(
                      List.of(person("p-1", "Jean Kabuya")),
                      owns("p-1", "trader-1", "10"),
                      "api:regulator",
                      AT))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(entities.parties()).isEmpty();
      assertThat(entities.relations()).isEmpty();

      entities.addRelation(
          List.of(person("p-1", "Jean Kabuya")), payment("p-1", "trader-1"), "api:regulator", AT);
      assertThatThrownBy(
              () -> entities.addRelation(List.of(), payment("p-1", "trader-1"), "api:x", AT))
          .isInstanceOf(IllegalStateException.class);
      // once ended, the same relation may be recorded again (the history keeps the ended one)
      entities.endRelation("payment:p-1:trader-1", LocalDate.of(2025, 1, 31), "api:x", AT);
      entities.addRelation(List.of(), payment("p-1", "trader-1"), "api:x", AT);
      assertThat(entities.relation("payment:p-1:trader-1").orElseThrow().until()).isNull();
      assertThat(entities.history("payment:p-1:trader-1")).hasSize(3);
    }
  }
}
