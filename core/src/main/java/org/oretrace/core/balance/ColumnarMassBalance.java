package org.oretrace.core.balance;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The books of every actor, per mineral and month, computed in one scan of the {@link
 * CustodyColumns}: what {@code SELECT actor, mineral, month, sum(...) ... GROUP BY ALL} over the
 * bookings would return, without a hash table.
 *
 * <p>How. An account is an (actor, mineral) pair; accounts are numbered densely through a plain
 * array indexed by {@code actor * MINERALS + mineral} (actors are already dense ints). The sums
 * live in one long array, four longs a slot (received, shipped, held change, bookings: half a cache
 * line), laid out month-major: {@code slot = month * accounts + account}. The custody record is in
 * time order, so while the scan is in one month it touches only that month's block (tens of
 * thousands of accounts, a few hundred kilobytes, which stays in the core's cache) and the next
 * month's block follows in memory; a hash aggregation pays a probe and a likely cache miss per row
 * instead. The day of a row is one division of its time, its month a lookup in a table of the days
 * the columns span, so no calendar arithmetic runs per row.
 *
 * <p>Threads. The rows are cut into contiguous ranges, one a thread; each thread numbers the
 * accounts it meets in a first pass over its range (so its table has only the accounts it needs),
 * sums into its own slots in a second pass, and the partial books are added into one table at the
 * end (a few operations per account and month, nothing per row). No locks, no sharing while
 * scanning.
 *
 * <p>Sums are exact longs (grams): an overflow would need more than 9 * 10^12 tonnes in one
 * account.
 */
public final class ColumnarMassBalance {

  private static final long DAY_MILLIS = 86_400_000L;

  // The slot's four longs.
  private static final int RECEIVED = 0;
  private static final int SHIPPED = 1;
  private static final int HELD = 2;
  private static final int BOOKINGS = 3;
  private static final int SLOT_WIDTH = 4;

  // Movement ordinals, as constants for the scan's switch.
  private static final int TAG = 0;
  private static final int TRANSFER = 1;
  private static final int LOSS = 2;
  private static final int EXPORT = 3;
  private static final int RECEIVE = 4;
  private static final int SHIP = 5;

  private static final int MINIMUM_ROWS_PER_THREAD = 1_000_000;
  private static final long MAXIMUM_ACCOUNT_KEYS = 1L << 28;

  static {
    if (Movement.TAG.ordinal() != TAG
        || Movement.TRANSFER.ordinal() != TRANSFER
        || Movement.LOSS.ordinal() != LOSS
        || Movement.EXPORT.ordinal() != EXPORT
        || Movement.RECEIVE.ordinal() != RECEIVE
        || Movement.SHIP.ordinal() != SHIP) {
      throw new ExceptionInInitializerError("Movement's order changed: update the scan");
    }
  }

  private ColumnarMassBalance() {}

  /**
   * Computes the books of every actor in the columns.
   *
   * @param threads how many threads may scan (ranges under a million rows are not split)
   * @throws IllegalArgumentException when actor numbers are too sparse for an array of accounts
   */
  public static MonthlyBalances compute(CustodyColumns columns, int threads) {
    requireNonNull(columns, "columns is null");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    int rows = columns.size();
    if (rows == 0) {
      return MonthlyBalances.builder(0).build();
    }
    long accountKeys = (columns.maximumActor() + 1L) * CustodyColumns.MINERALS;
    if (accountKeys > MAXIMUM_ACCOUNT_KEYS) {
      throw new IllegalArgumentException(
          "actor numbers up to " + columns.maximumActor() + " are too sparse for dense accounts");
    }
    Calendar calendar = Calendar.of(columns.minimumTimeMillis(), columns.maximumTimeMillis());
    int parts = (int) Math.max(1, Math.min(threads, rows / MINIMUM_ROWS_PER_THREAD));
    Partial[] partials = new Partial[parts];
    for (int part = 0; part < parts; part++) {
      int from = (int) ((long) rows * part / parts);
      int to = (int) ((long) rows * (part + 1) / parts);
      partials[part] = new Partial(columns, calendar, (int) accountKeys, from, to);
    }
    runAll(partials);
    return merge(partials, calendar, (int) accountKeys);
  }

  /** Runs the first partial on the calling thread and the others on threads of their own. */
  private static void runAll(Partial[] partials) {
    Thread[] threads = new Thread[partials.length];
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (int part = 1; part < partials.length; part++) {
      Partial partial = partials[part];
      threads[part] =
          new Thread(
              () -> {
                try {
                  partial.scan();
                } catch (RuntimeException | Error e) {
                  failure.compareAndSet(null, e);
                }
              },
              "mass-balance-" + part);
      threads[part].start();
    }
    partials[0].scan();
    for (int part = 1; part < partials.length; part++) {
      try {
        threads[part].join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a scan", e);
      }
    }
    if (failure.get() != null) {
      throw new IllegalStateException("a scan failed: " + failure.get(), failure.get());
    }
  }

  private static MonthlyBalances merge(Partial[] partials, Calendar calendar, int accountKeys) {
    int[] accountOf = new int[accountKeys];
    Arrays.fill(accountOf, -1);
    int[] keyOfAccount = new int[1024];
    int accounts = 0;
    for (Partial partial : partials) {
      for (int local = 0; local < partial.accounts; local++) {
        int key = partial.keyOfAccount[local];
        if (accountOf[key] < 0) {
          if (accounts == keyOfAccount.length) {
            keyOfAccount = Arrays.copyOf(keyOfAccount, accounts * 2);
          }
          keyOfAccount[accounts] = key;
          accountOf[key] = accounts++;
        }
      }
    }
    int months = calendar.months();
    long[] slots = new long[Math.multiplyExact(Math.multiplyExact(months, accounts), SLOT_WIDTH)];
    for (Partial partial : partials) {
      for (int local = 0; local < partial.accounts; local++) {
        int account = accountOf[partial.keyOfAccount[local]];
        for (int month = 0; month < months; month++) {
          int from = (month * partial.accounts + local) * SLOT_WIDTH;
          int to = (month * accounts + account) * SLOT_WIDTH;
          for (int field = 0; field < SLOT_WIDTH; field++) {
            slots[to + field] += partial.slots[from + field];
          }
        }
      }
    }
    MonthlyBalances.Builder builder = MonthlyBalances.builder(accounts * 4);
    for (int month = 0; month < months; month++) {
      for (int account = 0; account < accounts; account++) {
        int slot = (month * accounts + account) * SLOT_WIDTH;
        if (slots[slot + BOOKINGS] > 0) {
          int key = keyOfAccount[account];
          builder.add(
              calendar.firstEpochMonth + month,
              key / CustodyColumns.MINERALS,
              key % CustodyColumns.MINERALS,
              slots[slot + RECEIVED],
              slots[slot + SHIPPED],
              slots[slot + HELD],
              slots[slot + BOOKINGS]);
        }
      }
    }
    return builder.build();
  }

  /** The months of the days the columns span: day index to month index, both from the first. */
  private record Calendar(long firstDay, int firstEpochMonth, int[] monthOfDay) {

    static Calendar of(long minimumTimeMillis, long maximumTimeMillis) {
      long firstDay = minimumTimeMillis / DAY_MILLIS;
      int days = Math.toIntExact(maximumTimeMillis / DAY_MILLIS - firstDay + 1);
      LocalDate epoch = LocalDate.ofEpochDay(0);
      LocalDate day = LocalDate.ofEpochDay(firstDay);
      int firstEpochMonth = (int) ChronoUnit.MONTHS.between(epoch.withDayOfMonth(1), day);
      int[] monthOfDay = new int[days];
      int month = 0;
      for (int index = 0; index < days; index++) {
        if (index > 0 && day.getDayOfMonth() == 1) {
          month++;
        }
        monthOfDay[index] = month;
        day = day.plusDays(1);
      }
      return new Calendar(firstDay, firstEpochMonth, monthOfDay);
    }

    int months() {
      return monthOfDay[monthOfDay.length - 1] + 1;
    }
  }

  /** One thread's range of rows and its own accounts and sums. */
  private static final class Partial {
    private final CustodyColumns columns;
    private final Calendar calendar;
    private final int from;
    private final int to;
    private final int[] accountOf;
    int[] keyOfAccount = new int[1024];
    int accounts;
    long[] slots;

    Partial(CustodyColumns columns, Calendar calendar, int accountKeys, int from, int to) {
      this.columns = columns;
      this.calendar = calendar;
      this.from = from;
      this.to = to;
      this.accountOf = new int[accountKeys];
    }

    void scan() {
      numberAccounts();
      sum();
    }

    private void numberAccounts() {
      Arrays.fill(accountOf, -1);
      int[] actors = columns.actorColumn();
      int[] counterparties = columns.counterpartyColumn();
      byte[] minerals = columns.mineralColumn();
      for (int row = from; row < to; row++) {
        int mineral = minerals[row];
        number(actors[row] * CustodyColumns.MINERALS + mineral);
        int counterparty = counterparties[row];
        if (counterparty >= 0) {
          number(counterparty * CustodyColumns.MINERALS + mineral);
        }
      }
    }

    private void number(int key) {
      if (accountOf[key] < 0) {
        if (accounts == keyOfAccount.length) {
          keyOfAccount = Arrays.copyOf(keyOfAccount, accounts * 2);
        }
        keyOfAccount[accounts] = key;
        accountOf[key] = accounts++;
      }
    }

    private void sum() {
      long[] times = columns.timeColumn();
      byte[] movements = columns.movementColumn();
      int[] actors = columns.actorColumn();
      int[] counterparties = columns.counterpartyColumn();
      byte[] minerals = columns.mineralColumn();
      long[] masses = columns.massColumn();
      int[] monthOfDay = calendar.monthOfDay();
      long firstDay = calendar.firstDay();
      int width = accounts;
      long[] sums =
          new long[Math.multiplyExact(Math.multiplyExact(calendar.months(), width), SLOT_WIDTH)];
      int[] accountOfKey = accountOf;
      for (int row = from; row < to; row++) {
        int monthBase = monthOfDay[(int) (times[row] / DAY_MILLIS - firstDay)] * width;
        int mineral = minerals[row];
        int slot =
            (monthBase + accountOfKey[actors[row] * CustodyColumns.MINERALS + mineral])
                * SLOT_WIDTH;
        long mass = masses[row];
        switch (movements[row]) {
          case TAG -> sums[slot + HELD] += mass;
          case TRANSFER -> {
            sums[slot + HELD] -= mass;
            sums[slot + SHIPPED] += mass;
            int receiver =
                (monthBase + accountOfKey[counterparties[row] * CustodyColumns.MINERALS + mineral])
                    * SLOT_WIDTH;
            sums[receiver + HELD] += mass;
            sums[receiver + RECEIVED] += mass;
            sums[receiver + BOOKINGS]++;
          }
          case LOSS -> sums[slot + HELD] -= mass;
          case EXPORT, SHIP -> {
            sums[slot + HELD] -= mass;
            sums[slot + SHIPPED] += mass;
          }
          case RECEIVE -> {
            sums[slot + HELD] += mass;
            sums[slot + RECEIVED] += mass;
          }
          default -> throw new IllegalStateException("unknown movement " + movements[row]);
        }
        sums[slot + BOOKINGS]++;
      }
      slots = sums;
    }
  }
}
