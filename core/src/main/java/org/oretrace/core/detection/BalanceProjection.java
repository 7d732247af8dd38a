package org.oretrace.core.detection;

import static java.util.Objects.requireNonNull;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.oretrace.core.balance.ColumnarMassBalance;
import org.oretrace.core.balance.CustodyColumns;
import org.oretrace.core.balance.MonthlyBalances;
import org.oretrace.core.balance.MonthlyBook;
import org.oretrace.core.balance.Movement;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Export;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Registry;

/**
 * The custody record projected onto {@link CustodyColumns}: every booking D1 mass-balance makes
 * (received, shipped, produced or tagged, lost or consumed, exported), for every actor, as rows the
 * {@link ColumnarMassBalance} scan sums into the books of each actor per mineral and month.
 *
 * <p>Why here and not in {@code core/balance}: a booking depends on the lots as they were just
 * before the event (who held a lot, what it weighed, whether it was in transit), which the
 * detectors' {@link LotBook} tracks, and the bookings are D1's own ({@link
 * MassBalanceDetector#movements}), so the national books and D1's alerts cannot drift apart. D1
 * keeps only the month in progress and only for the actors whose books must balance; the projection
 * keeps every row, so any month of any actor can be summed again.
 *
 * <p>How a D1 movement becomes rows. A shipment out by one actor paired with its receipt by another
 * in the same event, of the same mass, is one {@link Movement#TRANSFER} row with the receiver as
 * counterparty. Any other movement (held change h, received r, shipped s) becomes up to three rows
 * that add up to it exactly: {@link Movement#RECEIVE} r, {@link Movement#EXPORT} (for an export) or
 * {@link Movement#SHIP} s, and the rest {@code h - r + s} as {@link Movement#TAG} when positive or
 * {@link Movement#LOSS} when negative. Movements of zero mass make no row.
 *
 * <p>Production (mass tagged at a mine site, {@link MonthlyBook#producedGrams}) is in the {@link
 * Movement#TAG} rows with the other mass that enters without a receipt (the outputs of merges and
 * processing), which the columnar scan does not tell apart; so the projection also keeps a small
 * tally of tagged grams per account and month (one entry per account and month that tagged, a few
 * per cooperative), read beside the scan's sums.
 *
 * <p>Months are closed as D1 closes them: an account's month is open from its first booking dated
 * in it until it books one dated later; a late record of a closed month (a receipt entered days
 * after the month turned) is booked in the account's open month, at its first instant. So the books
 * of a past month, once the record moved on, never change, and D1's running account and the
 * projection's sums are the same numbers.
 *
 * <p>Actors are numbered densely in the order they first appear. Thread-safe: {@link #accept} and
 * the readers synchronise on the projection; the books are summed again only when rows were added
 * since the last reading.
 */
public final class BalanceProjection {

  private static final long DAY_MILLIS = 86_400_000L;

  private final LotBook lots;
  private final CustodyColumns columns = new CustodyColumns(1 << 16);
  private final Object2IntOpenHashMap<String> actorNumbers = new Object2IntOpenHashMap<>();
  private final ObjectArrayList<String> actorIds = new ObjectArrayList<>();
  private final Long2IntOpenHashMap openMonths = new Long2IntOpenHashMap();
  private final Long2LongOpenHashMap produced = new Long2LongOpenHashMap();
  private final int threads;
  private long events;
  private Summed summed;

  private BalanceProjection(Registry registry, int threads) {
    this.lots = new LotBook(registry);
    this.threads = threads;
    actorNumbers.defaultReturnValue(-1);
  }

  /** An empty projection whose sums use every processor. */
  public static BalanceProjection create(Registry registry) {
    return create(registry, Runtime.getRuntime().availableProcessors());
  }

  /** An empty projection whose sums use up to {@code threads} threads. */
  public static BalanceProjection create(Registry registry, int threads) {
    requireNonNull(registry, "registry is null");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    return new BalanceProjection(registry, threads);
  }

  /** Books accepted events, in ledger order. */
  public synchronized void accept(List<CustodyEvent> accepted) {
    requireNonNull(accepted, "accepted is null");
    for (CustodyEvent event : accepted) {
      book(event);
      lots.apply(event);
      events++;
    }
  }

  private void book(CustodyEvent event) {
    List<MassBalanceDetector.Movement> movements = MassBalanceDetector.movements(event, lots);
    if (movements.isEmpty()) {
      return;
    }
    long eventTime = event.context().instant().toEpochMilli();
    int eventMonth = epochMonth(eventTime);
    long[] times = new long[movements.size()];
    for (int index = 0; index < times.length; index++) {
      MassBalanceDetector.Movement movement = movements.get(index);
      long account =
          (long) actorNumber(movement.actorId()) * CustodyColumns.MINERALS
              + movement.mineral().ordinal();
      int month = Math.max(eventMonth, openMonths.get(account));
      openMonths.put(account, month);
      times[index] = month == eventMonth ? eventTime : firstMillisOf(month);
      if (movement.produced() > 0) {
        produced.addTo(monthlyAccount(account, month), movement.produced());
      }
    }
    boolean export = event instanceof Export;
    for (int index = 0; index < movements.size(); index++) {
      MassBalanceDetector.Movement movement = movements.get(index);
      long time = times[index];
      if (index + 1 < movements.size()
          && times[index + 1] == time
          && isTransfer(movement, movements.get(index + 1))) {
        MassBalanceDetector.Movement receipt = movements.get(index + 1);
        columns.append(
            time,
            Movement.TRANSFER,
            actorNumber(movement.actorId()),
            actorNumber(receipt.actorId()),
            movement.mineral(),
            movement.shipped());
        index++;
        continue;
      }
      if (movement.received() < 0 || movement.shipped() < 0) {
        throw new IllegalStateException("a negative receipt or shipment: " + movement);
      }
      int actor = actorNumber(movement.actorId());
      if (movement.received() > 0) {
        columns.append(time, Movement.RECEIVE, actor, -1, movement.mineral(), movement.received());
      }
      if (movement.shipped() > 0) {
        columns.append(
            time,
            export ? Movement.EXPORT : Movement.SHIP,
            actor,
            -1,
            movement.mineral(),
            movement.shipped());
      }
      long rest = movement.heldChange() - movement.received() + movement.shipped();
      if (rest > 0) {
        columns.append(time, Movement.TAG, actor, -1, movement.mineral(), rest);
      } else if (rest < 0) {
        columns.append(time, Movement.LOSS, actor, -1, movement.mineral(), -rest);
      }
    }
  }

  /** The month of a time (UTC), counted from January 1970. */
  private static int epochMonth(long timeMillis) {
    LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(timeMillis, DAY_MILLIS));
    return (day.getYear() - 1970) * 12 + day.getMonthValue() - 1;
  }

  private static long firstMillisOf(int epochMonth) {
    return LocalDate.of(1970 + epochMonth / 12, epochMonth % 12 + 1, 1).toEpochDay() * DAY_MILLIS;
  }

  /** An account's key for one month: the account in the high half, the month in the low. */
  private static long monthlyAccount(long account, int epochMonth) {
    return account << 32 | epochMonth;
  }

  /** A shipment out followed by the receipt of the same mass by someone else. */
  private static boolean isTransfer(
      MassBalanceDetector.Movement out, MassBalanceDetector.Movement in) {
    long mass = out.shipped();
    return mass > 0
        && out.received() == 0
        && out.heldChange() == -mass
        && in.shipped() == 0
        && in.received() == mass
        && in.heldChange() == mass
        && in.mineral() == out.mineral()
        && !in.actorId().equals(out.actorId());
  }

  private int actorNumber(String actorId) {
    int number = actorNumbers.getInt(actorId);
    if (number < 0) {
      number = actorIds.size();
      actorIds.add(actorId);
      actorNumbers.put(actorId, number);
    }
    return number;
  }

  /** How many events were booked. */
  public synchronized long events() {
    return events;
  }

  /** How many rows the bookings made. */
  public synchronized int rows() {
    return columns.size();
  }

  /**
   * The projection's columns themselves, for a benchmark to scan: read them only while no events
   * are being accepted. Actor numbers are those of {@link #actorId}.
   */
  public synchronized CustodyColumns columns() {
    return columns;
  }

  /** The actor a column's actor number stands for. */
  public synchronized String actorId(int actorNumber) {
    return actorIds.get(actorNumber);
  }

  /**
   * The books of the actors {@code actors} accepts, per mineral and month, ordered by month, actor
   * number and mineral.
   *
   * @param mineral only this mineral, or every one when null
   * @param from the first month, or from the start when null
   * @param to the last month, or to the end when null
   */
  public synchronized List<MonthlyBook> books(
      Predicate<String> actors, Mineral mineral, YearMonth from, YearMonth to) {
    requireNonNull(actors, "actors is null");
    if (summed == null || summed.rows != columns.size()) {
      summed = sum();
    }
    MonthlyBalances balances = summed.balances;
    List<MonthlyBook> books = new ArrayList<>();
    for (int row = 0; row < balances.size(); row++) {
      YearMonth month = balances.month(row);
      if ((mineral != null && balances.mineral(row) != mineral)
          || (from != null && month.isBefore(from))
          || (to != null && month.isAfter(to))) {
        continue;
      }
      String actorId = actorIds.get(balances.actor(row));
      if (actors.test(actorId)) {
        long opening = summed.openings[row];
        long account =
            (long) balances.actor(row) * CustodyColumns.MINERALS + balances.mineral(row).ordinal();
        books.add(
            new MonthlyBook(
                actorId,
                balances.mineral(row),
                month,
                opening,
                balances.receivedGrams(row),
                produced.get(monthlyAccount(account, balances.epochMonth(row))),
                balances.shippedGrams(row),
                opening + balances.heldChangeGrams(row)));
      }
    }
    return books;
  }

  /** The books summed by the columnar scan, with each row's opening stock (held before it). */
  private Summed sum() {
    MonthlyBalances balances = ColumnarMassBalance.compute(columns, threads).sorted();
    long[] openings = new long[balances.size()];
    Long2LongOpenHashMap held = new Long2LongOpenHashMap();
    for (int row = 0; row < balances.size(); row++) {
      long account =
          (long) balances.actor(row) * CustodyColumns.MINERALS + balances.mineral(row).ordinal();
      long opening = held.get(account);
      openings[row] = opening;
      held.put(account, opening + balances.heldChangeGrams(row));
    }
    return new Summed(columns.size(), balances, openings);
  }

  /** The books as last summed, for the number of rows they were summed over. */
  private static final class Summed {
    final int rows;
    final MonthlyBalances balances;
    final long[] openings;

    Summed(int rows, MonthlyBalances balances, long[] openings) {
      this.rows = rows;
      this.balances = balances;
      this.openings = openings;
    }
  }
}
