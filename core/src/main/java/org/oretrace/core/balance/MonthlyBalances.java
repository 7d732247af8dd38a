package org.oretrace.core.balance;

import it.unimi.dsi.fastutil.ints.IntArrays;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Optional;
import org.oretrace.core.registry.Mineral;

/**
 * The books of every actor per mineral and calendar month (UTC): mass received, shipped out, the
 * change in what it holds, and how many bookings made them. From these, D1's unaccounted mass is
 * {@code shipped + held change - received} (the held change being held now minus held at the start
 * of the month).
 *
 * <p>Rows are kept in parallel primitive arrays, in the order they were added; {@link #sorted()}
 * orders them by month, actor and mineral so that two computations of the same books can be
 * compared row by row ({@link #firstDifference}). Months are counted from January 1970 (0).
 */
public final class MonthlyBalances {

  private final int[] months;
  private final int[] actors;
  private final byte[] minerals;
  private final long[] received;
  private final long[] shipped;
  private final long[] heldChange;
  private final long[] bookings;
  private final int size;

  private MonthlyBalances(Builder builder) {
    this.size = builder.size;
    this.months = Arrays.copyOf(builder.months, size);
    this.actors = Arrays.copyOf(builder.actors, size);
    this.minerals = Arrays.copyOf(builder.minerals, size);
    this.received = Arrays.copyOf(builder.received, size);
    this.shipped = Arrays.copyOf(builder.shipped, size);
    this.heldChange = Arrays.copyOf(builder.heldChange, size);
    this.bookings = Arrays.copyOf(builder.bookings, size);
  }

  /** Rows one at a time, in any order. */
  public static Builder builder(int capacity) {
    return new Builder(capacity);
  }

  public int size() {
    return size;
  }

  /** The month of a row, counted from January 1970. */
  public int epochMonth(int row) {
    return months[row];
  }

  public YearMonth month(int row) {
    return YearMonth.of(1970, 1).plusMonths(months[row]);
  }

  public int actor(int row) {
    return actors[row];
  }

  public Mineral mineral(int row) {
    return Mineral.values()[minerals[row]];
  }

  public long receivedGrams(int row) {
    return received[row];
  }

  public long shippedGrams(int row) {
    return shipped[row];
  }

  public long heldChangeGrams(int row) {
    return heldChange[row];
  }

  public long bookings(int row) {
    return bookings[row];
  }

  /** Mass shipped out or held beyond what came in: above zero, material from nowhere. */
  public long unaccountedGrams(int row) {
    return shipped[row] + heldChange[row] - received[row];
  }

  /** How many rows have more unaccounted mass than {@code toleranceGrams}. */
  public int countUnaccountedAbove(long toleranceGrams) {
    int count = 0;
    for (int row = 0; row < size; row++) {
      if (unaccountedGrams(row) > toleranceGrams) {
        count++;
      }
    }
    return count;
  }

  /** The same rows ordered by month, actor and mineral. */
  public MonthlyBalances sorted() {
    int[] order = new int[size];
    Arrays.setAll(order, row -> row);
    IntArrays.quickSort(
        order,
        (left, right) -> {
          int byMonth = Integer.compare(months[left], months[right]);
          if (byMonth != 0) {
            return byMonth;
          }
          int byActor = Integer.compare(actors[left], actors[right]);
          return byActor != 0 ? byActor : Byte.compare(minerals[left], minerals[right]);
        });
    Builder builder = new Builder(size);
    for (int row : order) {
      builder.add(
          months[row],
          actors[row],
          minerals[row],
          received[row],
          shipped[row],
          heldChange[row],
          bookings[row]);
    }
    return builder.build();
  }

  /**
   * The first row where two sorted computations of the books differ, described for a person, or
   * empty when they agree on every row.
   */
  public Optional<String> firstDifference(MonthlyBalances other) {
    int common = Math.min(size, other.size);
    for (int row = 0; row < common; row++) {
      if (months[row] != other.months[row]
          || actors[row] != other.actors[row]
          || minerals[row] != other.minerals[row]
          || received[row] != other.received[row]
          || shipped[row] != other.shipped[row]
          || heldChange[row] != other.heldChange[row]
          || bookings[row] != other.bookings[row]) {
        return Optional.of("row " + row + ": " + describe(row) + " against " + other.describe(row));
      }
    }
    if (size != other.size) {
      return Optional.of(size + " rows against " + other.size);
    }
    return Optional.empty();
  }

  private String describe(int row) {
    return String.format(
        "actor %d %s %s received %d shipped %d held change %d (%d bookings)",
        actors[row],
        mineral(row).wireName(),
        month(row),
        received[row],
        shipped[row],
        heldChange[row],
        bookings[row]);
  }

  /** Collects rows; {@link #build()} freezes them. */
  public static final class Builder {
    private int[] months;
    private int[] actors;
    private byte[] minerals;
    private long[] received;
    private long[] shipped;
    private long[] heldChange;
    private long[] bookings;
    private int size;

    private Builder(int capacity) {
      int initial = Math.max(16, capacity);
      months = new int[initial];
      actors = new int[initial];
      minerals = new byte[initial];
      received = new long[initial];
      shipped = new long[initial];
      heldChange = new long[initial];
      bookings = new long[initial];
    }

    /** Adds one actor's books for one mineral and month; {@code mineral} is its ordinal. */
    public Builder add(
        int epochMonth,
        int actor,
        int mineral,
        long receivedGrams,
        long shippedGrams,
        long heldChangeGrams,
        long bookingCount) {
      if (epochMonth < 0 || actor < 0 || mineral < 0 || mineral >= CustodyColumns.MINERALS) {
        throw new IllegalArgumentException(
            "month, actor and mineral must be in range: "
                + epochMonth
                + " "
                + actor
                + " "
                + mineral);
      }
      if (size == months.length) {
        int capacity = size + (size >> 1);
        months = Arrays.copyOf(months, capacity);
        actors = Arrays.copyOf(actors, capacity);
        minerals = Arrays.copyOf(minerals, capacity);
        received = Arrays.copyOf(received, capacity);
        shipped = Arrays.copyOf(shipped, capacity);
        heldChange = Arrays.copyOf(heldChange, capacity);
        bookings = Arrays.copyOf(bookings, capacity);
      }
      months[size] = epochMonth;
      actors[size] = actor;
      minerals[size] = (byte) mineral;
      received[size] = receivedGrams;
      shipped[size] = shippedGrams;
      heldChange[size] = heldChangeGrams;
      bookings[size] = bookingCount;
      size++;
      return this;
    }

    public MonthlyBalances build() {
      return new MonthlyBalances(this);
    }
  }
}
