package org.oretrace.core.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oretrace.core.balance.MonthlyBook;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.NewLot;

class BalanceProjectionTest {

  @Test
  void equalsD1sBooksThroughWeighingsSplitsMergesHeavierExportsAndLateRecords() {
    TestWorld world = new TestWorld();
    List<CustodyEvent> events = new ArrayList<>();
    for (int bag = 1; bag <= 4; bag++) {
      events.addAll(world.honestBagToComptoir("bag-" + bag, "B-" + bag, 1_000_000L * bag));
    }
    // A transfer, a split that loses 1 %, a merge that gains mass, an export declared heavier.
    events.add(world.transfer(TestWorld.COMPTOIR, "bag-1", TestWorld.COMPTOIR_NEXT_DOOR));
    events.add(world.split(TestWorld.COMPTOIR, "bag-2", new NewLot("bag-2a", "B-2A", 1_970_000)));
    events.add(world.merge(TestWorld.COMPTOIR, "merged", "M-1", 8_000_000, "bag-3", "bag-4"));
    world.after(Duration.ofDays(40));
    events.add(world.export(TestWorld.CUSTOMS, "merged", "AE", 8_300_000));
    // A late record: dated in the month the comptoir's books already closed.
    world.at(OffsetDateTime.of(2025, 3, 30, 12, 0, 0, 0, ZoneOffset.UTC));
    events.add(world.export(TestWorld.CUSTOMS, "bag-2a", "AE", 0));

    Map<String, MonthlyBook> d1 = new HashMap<>();
    BalanceProjection projection = BalanceProjection.create(world, 1);
    DetectionEngine engine = DetectionEngine.create(world);
    for (CustodyEvent event : events) {
      engine.accept(List.of(event));
      projection.accept(List.of(event));
      engine.massBalanceBooks().forEach(book -> d1.put(key(book), book));
    }
    d1.values().removeIf(MonthlyBook::isQuiet);

    Map<String, MonthlyBook> projected = new HashMap<>();
    for (MonthlyBook book : projection.books(actor -> true, null, null, null)) {
      if (d1.containsKey(key(book)) || !book.isQuiet()) {
        projected.put(key(book), book);
      }
    }
    assertThat(d1).hasSizeGreaterThan(3);
    assertThat(projected).isEqualTo(d1);
    MonthlyBook april = d1.get(TestWorld.COMPTOIR + "|COLTAN|2025-04");
    assertThat(april).isNotNull();
    // The late export of March is booked in April with the heavier one.
    assertThat(april.shippedGrams()).isEqualTo(8_300_000 + 1_970_000);
    assertThat(april.unaccountedGrams()).isEqualTo(300_000);
    // The cooperative's tags are its production: nothing from nowhere, and D1 keeps its books too.
    MonthlyBook cooperative = d1.get(TestWorld.COOPERATIVE + "|COLTAN|2025-03");
    assertThat(projected.get(key(cooperative))).isEqualTo(cooperative);
    assertThat(cooperative.producedGrams()).isEqualTo(10_000_000);
    assertThat(cooperative.shippedGrams()).isEqualTo(10_000_000);
    assertThat(cooperative.unaccountedGrams()).isZero();
    assertThat(cooperative.judgedUnaccountedGrams()).isEqualTo(10_000_000);
  }

  @Test
  void aTagIsProductionInTheMonthItIsBookedIn() {
    TestWorld world = new TestWorld();
    BalanceProjection projection = BalanceProjection.create(world, 1);
    projection.accept(world.honestBagToComptoir("bag-1", "B-1", 1_000_000));
    projection.accept(List.of(world.tag("bag-2", "B-2", 2_000_000, "30")));
    world.after(Duration.ofDays(30));
    projection.accept(List.of(world.tag("bag-3", "B-3", 4_000_000, "30")));
    // A late tag of March, recorded after the April one: booked in April, as D1 books it.
    world.at(OffsetDateTime.of(2025, 3, 30, 12, 0, 0, 0, ZoneOffset.UTC));
    projection.accept(List.of(world.tag("bag-4", "B-4", 8_000_000, "30")));
    projection.accept(
        List.of(world.tagAt(TestWorld.LUWOWO, TestWorld.TRADER, "bag-5", "B-5", 16_000_000, "30")));

    List<MonthlyBook> cooperative =
        projection.books(TestWorld.COOPERATIVE::equals, null, null, null);
    assertThat(cooperative)
        .extracting(MonthlyBook::month, MonthlyBook::producedGrams, MonthlyBook::heldGrams)
        .containsExactly(
            tuple(YearMonth.of(2025, 3), 3_000_000L, 2_000_000L),
            tuple(YearMonth.of(2025, 4), 12_000_000L, 14_000_000L));
    assertThat(cooperative).allSatisfy(book -> assertThat(book.unaccountedGrams()).isZero());
    // A trader does not mine: its tag is production on the books, and from nowhere to D1.
    assertThat(projection.books(TestWorld.TRADER::equals, null, YearMonth.of(2025, 3), null))
        .singleElement()
        .satisfies(
            book -> {
              assertThat(book.producedGrams()).isEqualTo(16_000_000);
              assertThat(book.unaccountedGrams()).isZero();
              assertThat(book.judgedUnaccountedGrams()).isEqualTo(16_000_000);
            });
  }

  @Test
  void aMonthCanBeSummedAgainAndAfterMoreEvents() {
    TestWorld world = new TestWorld();
    BalanceProjection projection = BalanceProjection.create(world, 2);
    projection.accept(world.honestBagToComptoir("bag-1", "B-1", 1_000_000));
    List<MonthlyBook> first = projection.books(actor -> true, null, null, null);
    assertThat(projection.books(actor -> true, null, null, null)).isEqualTo(first);
    projection.accept(world.honestBagToComptoir("bag-2", "B-2", 2_000_000));
    List<MonthlyBook> second = projection.books(actor -> true, null, null, null);
    assertThat(second).isNotEqualTo(first);
    assertThat(projection.books(TestWorld.TRADER::equals, null, YearMonth.of(2025, 3), null))
        .singleElement()
        .satisfies(
            book -> {
              assertThat(book.receivedGrams()).isEqualTo(997_000 + 1_994_000);
              assertThat(book.shippedGrams()).isEqualTo(997_000 + 1_994_000);
            });
    assertThat(projection.books(actor -> true, null, YearMonth.of(2025, 4), null)).isEmpty();
    assertThat(projection.events()).isEqualTo(10);
  }

  @Test
  void randomWorldsAgreeWithD1() {
    SplittableRandom random = new SplittableRandom(5);
    for (int round = 0; round < 20; round++) {
      TestWorld world = new TestWorld();
      List<CustodyEvent> events = new ArrayList<>();
      int bags = 2 + random.nextInt(6);
      for (int bag = 0; bag < bags; bag++) {
        events.addAll(
            world.honestBagToComptoir(
                "bag-" + bag, "B-" + bag, 1_000 + random.nextLong(5_000_000)));
        world.after(Duration.ofDays(random.nextInt(25)));
      }
      for (int bag = 0; bag < bags; bag++) {
        long declared = random.nextBoolean() ? 0 : 1_000 + random.nextLong(6_000_000);
        events.add(world.export(TestWorld.CUSTOMS, "bag-" + bag, "AE", declared));
        world.after(Duration.ofDays(random.nextInt(20)));
      }
      Map<String, MonthlyBook> d1 = new HashMap<>();
      BalanceProjection projection = BalanceProjection.create(world, 1);
      DetectionEngine engine = DetectionEngine.create(world);
      for (CustodyEvent event : events) {
        engine.accept(List.of(event));
        projection.accept(List.of(event));
        engine.massBalanceBooks().forEach(book -> d1.put(key(book), book));
      }
      d1.values().removeIf(MonthlyBook::isQuiet);
      Map<String, MonthlyBook> projected = new HashMap<>();
      for (MonthlyBook book : projection.books(actor -> true, null, null, null)) {
        if (d1.containsKey(key(book)) || !book.isQuiet()) {
          projected.put(key(book), book);
        }
      }
      assertThat(projected).as("round " + round).isEqualTo(d1);
    }
  }

  private static String key(MonthlyBook book) {
    return book.actorId() + '|' + book.mineral() + '|' + book.month();
  }
}
