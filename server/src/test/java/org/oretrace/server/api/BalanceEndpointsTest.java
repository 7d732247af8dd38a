package org.oretrace.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oretrace.core.balance.MonthlyBook;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.detection.DetectionEngine;
import org.oretrace.core.detection.DetectionParameters;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.ActorKind;
import org.oretrace.core.registry.Mineral;
import org.oretrace.server.DemoWorld;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;
import org.oretrace.server.TestStores;
import org.oretrace.sim.World;
import org.oretrace.store.Recorder;
import org.oretrace.store.Store;

/**
 * The national books endpoint over a simulated world, through real HTTP: the first half of the
 * world is stored before the server starts (the projection is built from the store), the second
 * recorded while it runs (the projection follows the batches), and the answer must equal D1's own
 * books, month by month, to the gram, for every kind of actor (D1 judges some, keeps all).
 */
class BalanceEndpointsTest {

  private static final int BATCH = 1_000;

  @Test
  void theBooksAgreeToTheGramWithD1sOnASimulatedWorld() {
    World world = DemoWorld.world(7, 400);
    List<CustodyEvent> events = world.events();
    Store store = TestStores.open();
    store.registry().putSites(world.sites());
    store.registry().putActors(world.actors());
    int half = events.size() / 2 / BATCH * BATCH;
    record(Recorder.open(store), events.subList(0, half));
    try (TestServer server = new TestServer(store)) {
      record(server.recorder(), events.subList(half, events.size()));

      Map<String, MonthlyBook> expected = d1Books(store, events);
      Map<String, Actor> actors = new HashMap<>();
      world.actors().forEach(actor -> actors.put(actor.id(), actor));
      Set<ActorKind> balanced = DetectionParameters.defaults().balancedKinds();
      Map<String, MonthlyBook> actual = new HashMap<>();
      List<JsonNode> rows = allRows(server, "/api/v1/balance");
      for (JsonNode row : rows) {
        MonthlyBook book = book(row);
        Actor actor = actors.get(book.actorId());
        assertThat(row.get("unaccountedGrams").asLong()).isEqualTo(book.unaccountedGrams());
        assertThat(row.get("judgedByD1").asBoolean()).isEqualTo(balanced.contains(actor.kind()));
        if (!book.isQuiet()) {
          actual.put(key(book), book);
        }
      }

      assertThat(expected).hasSizeGreaterThan(50);
      assertThat(expected.values())
          .anySatisfy(book -> assertThat(book.receivedGrams()).isPositive())
          .anySatisfy(book -> assertThat(book.shippedGrams()).isPositive());
      assertThat(actual).isEqualTo(expected);
      // Every actor's books, cooperatives' too: their tags are production, not mass from nowhere.
      List<MonthlyBook> cooperatives =
          expected.values().stream()
              .filter(book -> actors.get(book.actorId()).kind() == ActorKind.COOPERATIVE)
              .toList();
      assertThat(cooperatives)
          .anySatisfy(book -> assertThat(book.producedGrams()).isPositive())
          .allSatisfy(book -> assertThat(book.unaccountedGrams()).isNotPositive());
      assertThat(rows)
          .filteredOn(row -> kind(actors, row) == ActorKind.COOPERATIVE)
          .allSatisfy(row -> assertThat(row.get("judgedByD1").asBoolean()).isFalse());
    }
  }

  @Test
  void filtersAndTheNeedToKnowRule() {
    World world = DemoWorld.world(11, 200);
    try (TestServer server = new TestServer(DemoWorld.load(11, 200))) {
      List<JsonNode> all = allRows(server, "/api/v1/balance");
      JsonNode first = all.get(all.size() / 2);
      String mineral = first.get("mineral").asText();
      String month = first.get("month").asText();

      List<JsonNode> filtered =
          allRows(server, "/api/v1/balance?mineral=" + mineral + "&from=" + month + "&to=" + month);
      assertThat(filtered)
          .isNotEmpty()
          .hasSize(
              (int)
                  all.stream()
                      .filter(row -> row.get("mineral").asText().equals(mineral))
                      .filter(row -> row.get("month").asText().equals(month))
                      .count())
          .allSatisfy(row -> assertThat(row.get("month").asText()).isEqualTo(month));
      String actor = first.get("actor").asText();
      assertThat(allRows(server, "/api/v1/balance?actor=" + actor))
          .isNotEmpty()
          .allSatisfy(row -> assertThat(row.get("actor").asText()).isEqualTo(actor));

      // The DRC's regulator sees the books of the DRC's actors only.
      long congolese = all.stream().filter(row -> row.get("country").asText().equals("CD")).count();
      long foreign = all.size() - congolese;
      assertThat(congolese).isPositive();
      assertThat(foreign).as("the world has actors outside the DRC").isPositive();
      JsonNode regulator =
          server
              .get("/api/v1/balance?limit=1", "Authorization", "Bearer " + server.viewerToken())
              .json();
      assertThat(regulator.get("total").asLong()).isEqualTo(congolese);
      String other =
          all.stream()
              .map(row -> row.get("country").asText())
              .filter(code -> !code.equals("CD"))
              .findFirst()
              .orElseThrow();
      assertThat(
              server
                  .get(
                      "/api/v1/balance?country=" + other,
                      "Authorization",
                      "Bearer " + server.viewerToken())
                  .json()
                  .get("total")
                  .asLong())
          .isZero();
      assertThat(world.actors()).isNotEmpty();

      assertThat(server.getAnonymously("/api/v1/balance").status()).isEqualTo(401);
      Response badMonth = server.get("/api/v1/balance?from=2024-13");
      assertThat(badMonth.status()).isEqualTo(400);
      assertThat(server.get("/api/v1/balance?from=2024-05&to=2024-04").status()).isEqualTo(400);
    }
  }

  private static void record(Recorder recorder, List<CustodyEvent> events) {
    for (int start = 0; start < events.size(); start += BATCH) {
      recorder.record(events.subList(start, Math.min(events.size(), start + BATCH)));
    }
  }

  /**
   * D1's books of every month. The engine keeps only each account's open month (it books a late
   * record of a closed month in the open one), so its books are read after every event: the last
   * reading of an account's month, before it moves on, is that month's book.
   */
  private static Map<String, MonthlyBook> d1Books(Store store, List<CustodyEvent> events) {
    DetectionEngine engine = DetectionEngine.create(store.registry());
    Map<String, MonthlyBook> books = new HashMap<>();
    for (CustodyEvent event : events) {
      engine.accept(List.of(event));
      for (MonthlyBook book : engine.massBalanceBooks()) {
        books.put(key(book), book);
      }
    }
    books.values().removeIf(MonthlyBook::isQuiet);
    return books;
  }

  private static List<JsonNode> allRows(TestServer server, String path) {
    List<JsonNode> rows = new java.util.ArrayList<>();
    String separator = path.contains("?") ? "&" : "?";
    while (true) {
      Response response = server.get(path + separator + "limit=1000&offset=" + rows.size());
      assertThat(response.status()).as(response.text()).isEqualTo(200);
      JsonNode page = response.json();
      page.get("items").forEach(rows::add);
      if (page.get("items").isEmpty() || rows.size() >= page.get("total").asLong()) {
        return rows;
      }
    }
  }

  private static MonthlyBook book(JsonNode row) {
    return new MonthlyBook(
        row.get("actor").asText(),
        Mineral.fromWireName(row.get("mineral").asText()),
        YearMonth.parse(row.get("month").asText()),
        row.get("openingGrams").asLong(),
        row.get("receivedGrams").asLong(),
        row.get("producedGrams").asLong(),
        row.get("shippedGrams").asLong(),
        row.get("heldGrams").asLong());
  }

  private static ActorKind kind(Map<String, Actor> actors, JsonNode row) {
    return actors.get(row.get("actor").asText()).kind();
  }

  private static String key(MonthlyBook book) {
    return book.actorId() + '|' + book.mineral() + '|' + book.month();
  }
}
