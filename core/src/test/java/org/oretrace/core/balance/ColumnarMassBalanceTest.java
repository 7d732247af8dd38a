package org.oretrace.core.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oretrace.core.registry.Mineral;

/** The columnar scan against the obvious computation: a map keyed by actor, mineral and month. */
class ColumnarMassBalanceTest {

  private static final long JANUARY_2024 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

  @Test
  void aTransferIsShippedByOneActorAndReceivedByTheOther() {
    CustodyColumns columns = new CustodyColumns(4);
    long may = Instant.parse("2025-05-31T23:59:59Z").toEpochMilli();
    long june = Instant.parse("2025-06-01T00:00:00Z").toEpochMilli();
    columns.append(may, Movement.TAG, 1, -1, Mineral.COLTAN, 50_000);
    columns.append(june, Movement.TRANSFER, 1, 2, Mineral.COLTAN, 50_000);
    columns.append(june, Movement.LOSS, 2, -1, Mineral.COLTAN, 1_000);
    columns.append(june, Movement.TAG, 2, -1, Mineral.COLTAN, 3_000);
    columns.append(june, Movement.EXPORT, 2, -1, Mineral.COLTAN, 52_000);

    MonthlyBalances books = ColumnarMassBalance.compute(columns, 2).sorted();

    assertThat(books.size()).isEqualTo(3);
    assertThat(books.month(0)).isEqualTo(YearMonth.of(2025, 5));
    assertThat(books.heldChangeGrams(0)).isEqualTo(50_000);
    assertThat(books.unaccountedGrams(0)).isEqualTo(50_000);
    assertThat(books.month(1)).isEqualTo(YearMonth.of(2025, 6));
    assertThat(books.actor(1)).isEqualTo(1);
    assertThat(books.shippedGrams(1)).isEqualTo(50_000);
    assertThat(books.unaccountedGrams(1)).isZero();
    assertThat(books.actor(2)).isEqualTo(2);
    assertThat(books.mineral(2)).isEqualTo(Mineral.COLTAN);
    assertThat(books.receivedGrams(2)).isEqualTo(50_000);
    assertThat(books.shippedGrams(2)).isEqualTo(52_000);
    assertThat(books.heldChangeGrams(2)).isZero();
    assertThat(books.bookings(2)).isEqualTo(4);
    // Received 50 kg, lost 1 kg, tagged 3 kg at the depot, exported 52 kg: 2 kg from nowhere.
    assertThat(books.unaccountedGrams(2)).isEqualTo(2_000);
    assertThat(books.countUnaccountedAbove(1_000)).isEqualTo(2);
  }

  @Test
  void agreesWithAMapOnRandomRecords() {
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 30; round++) {
      CustodyColumns columns =
          randomColumns(random, 1 + random.nextInt(5_000), 1 + random.nextInt(40));
      MonthlyBalances expected = byMap(columns);
      MonthlyBalances actual = ColumnarMassBalance.compute(columns, 1 + random.nextInt(3)).sorted();
      assertThat(actual.firstDifference(expected)).as("round " + round).isEmpty();
    }
  }

  @Test
  void threadsSplitALargeRecordWithoutChangingTheBooks() {
    CustodyColumns columns = randomColumns(new SplittableRandom(11), 2_050_000, 3_000);
    MonthlyBalances expected = byMap(columns);
    assertThat(ColumnarMassBalance.compute(columns, 3).sorted().firstDifference(expected))
        .isEmpty();
    assertThat(ColumnarMassBalance.compute(columns, 1).sorted().firstDifference(expected))
        .isEmpty();
  }

  @Test
  void noRowsNoBooks() {
    assertThat(ColumnarMassBalance.compute(new CustodyColumns(0), 2).size()).isZero();
  }

  @Test
  void aDifferenceIsNamed() {
    CustodyColumns columns = new CustodyColumns(1);
    columns.append(JANUARY_2024, Movement.TAG, 3, -1, Mineral.GOLD, 10);
    MonthlyBalances books = ColumnarMassBalance.compute(columns, 1);
    MonthlyBalances other =
        MonthlyBalances.builder(1).add(648, 3, Mineral.GOLD.ordinal(), 0, 0, 11, 1).build();
    assertThat(books.firstDifference(other))
        .hasValueSatisfying(text -> assertThat(text).contains("2024-01", "held change 10"));
  }

  @Test
  void columnsRefuseWhatNoEventDoes() {
    CustodyColumns columns = new CustodyColumns(1);
    assertThatThrownBy(() -> columns.append(0, Movement.TAG, 1, 2, Mineral.GOLD, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> columns.append(0, Movement.TRANSFER, 1, -1, Mineral.GOLD, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> columns.append(0, Movement.TAG, 1, -1, Mineral.GOLD, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> columns.append(-1, Movement.TAG, 1, -1, Mineral.GOLD, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static CustodyColumns randomColumns(SplittableRandom random, int rows, int actors) {
    CustodyColumns columns = new CustodyColumns(16);
    Mineral[] minerals = Mineral.values();
    long spanMillis = 1 + random.nextLong(3 * 365 * 86_400_000L);
    long time = JANUARY_2024 + random.nextLong(86_400_000L * 400);
    for (int row = 0; row < rows; row++) {
      // Mostly in time order, as the record is, with some rows late.
      time += random.nextLong(1 + 2 * spanMillis / rows);
      long rowTime =
          random.nextInt(20) == 0 ? Math.max(0, time - random.nextLong(spanMillis)) : time;
      Movement movement = Movement.values()[random.nextInt(Movement.values().length)];
      int actor = random.nextInt(actors);
      int counterparty = movement == Movement.TRANSFER ? random.nextInt(actors) : -1;
      Mineral mineral =
          minerals[random.nextInt(3) == 0 ? random.nextInt(minerals.length) : actor % 3];
      columns.append(
          rowTime, movement, actor, counterparty, mineral, 1 + random.nextLong(1_000_000));
    }
    return columns;
  }

  /** The obvious computation, for comparison. */
  private static MonthlyBalances byMap(CustodyColumns columns) {
    record Key(int month, int actor, int mineral) {}
    Map<Key, long[]> books = new HashMap<>();
    YearMonth epoch = YearMonth.of(1970, 1);
    for (int row = 0; row < columns.size(); row++) {
      YearMonth month =
          YearMonth.from(Instant.ofEpochMilli(columns.timeMillis(row)).atZone(ZoneOffset.UTC));
      int epochMonth = (int) epoch.until(month, java.time.temporal.ChronoUnit.MONTHS);
      int mineral = columns.mineral(row).ordinal();
      long mass = columns.massGrams(row);
      long[] own =
          books.computeIfAbsent(
              new Key(epochMonth, columns.actor(row), mineral), key -> new long[4]);
      own[3]++;
      switch (columns.movement(row)) {
        case TAG -> own[2] += mass;
        case LOSS -> own[2] -= mass;
        case EXPORT, SHIP -> {
          own[2] -= mass;
          own[1] += mass;
        }
        case RECEIVE -> {
          own[2] += mass;
          own[0] += mass;
        }
        case TRANSFER -> {
          own[2] -= mass;
          own[1] += mass;
          long[] other =
              books.computeIfAbsent(
                  new Key(epochMonth, columns.counterparty(row), mineral), key -> new long[4]);
          other[0] += mass;
          other[2] += mass;
          other[3]++;
        }
      }
    }
    MonthlyBalances.Builder builder = MonthlyBalances.builder(books.size());
    books.forEach(
        (key, sums) ->
            builder.add(
                key.month(), key.actor(), key.mineral(), sums[0], sums[1], sums[2], sums[3]));
    return builder.build().sorted();
  }
}
