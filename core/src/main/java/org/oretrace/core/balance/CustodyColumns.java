package org.oretrace.core.balance;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import org.oretrace.core.registry.Mineral;

/**
 * The custody record reduced to what the books of its actors need, one row per event, stored by
 * column in primitive arrays: event time (epoch milliseconds), the {@link Movement}, the actor, the
 * counterparty (transfers only, else -1), the mineral and the mass in grams. Actors are dense ints
 * (the registry's row numbers), minerals their ordinals.
 *
 * <p>Why columns: a balance over tens of millions of events reads four or five numbers an event;
 * one object an event would cost ten times the memory and a pointer chase a row. The columns keep
 * their minimum and maximum time and the highest actor as rows are appended (as a columnar database
 * keeps its zone maps), so a scan can size its tables without a pass of its own.
 *
 * <p>Append-only and not thread-safe while appending; reading concurrently once filled is safe.
 */
public final class CustodyColumns {

  /** The number of minerals, the width of an actor's row of accounts. */
  public static final int MINERALS = Mineral.values().length;

  private static final Mineral[] MINERAL_VALUES = Mineral.values();

  private long[] timeMillis;
  private byte[] movements;
  private int[] actors;
  private int[] counterparties;
  private byte[] minerals;
  private long[] massGrams;
  private int size;
  private long minimumTimeMillis = Long.MAX_VALUE;
  private long maximumTimeMillis = Long.MIN_VALUE;
  private int maximumActor = -1;

  /** Empty columns with room for {@code capacity} rows before they grow. */
  public CustodyColumns(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative: " + capacity);
    }
    timeMillis = new long[capacity];
    movements = new byte[capacity];
    actors = new int[capacity];
    counterparties = new int[capacity];
    minerals = new byte[capacity];
    massGrams = new long[capacity];
  }

  /**
   * Appends an event's row.
   *
   * @param counterparty the receiving actor of a transfer, -1 for every other movement
   */
  public void append(
      long timeMillis,
      Movement movement,
      int actor,
      int counterparty,
      Mineral mineral,
      long massGrams) {
    requireNonNull(movement, "movement is null");
    requireNonNull(mineral, "mineral is null");
    if (timeMillis < 0) {
      throw new IllegalArgumentException("time must not be before 1970: " + timeMillis);
    }
    if (actor < 0) {
      throw new IllegalArgumentException("actor must not be negative: " + actor);
    }
    if ((movement == Movement.TRANSFER) != (counterparty >= 0)) {
      throw new IllegalArgumentException(
          "a transfer and only a transfer has a counterparty: " + movement + " " + counterparty);
    }
    if (massGrams <= 0) {
      throw new IllegalArgumentException("massGrams must be positive: " + massGrams);
    }
    if (size == this.timeMillis.length) {
      grow();
    }
    this.timeMillis[size] = timeMillis;
    movements[size] = (byte) movement.ordinal();
    actors[size] = actor;
    counterparties[size] = counterparty;
    minerals[size] = (byte) mineral.ordinal();
    this.massGrams[size] = massGrams;
    size++;
    minimumTimeMillis = Math.min(minimumTimeMillis, timeMillis);
    maximumTimeMillis = Math.max(maximumTimeMillis, timeMillis);
    maximumActor = Math.max(maximumActor, Math.max(actor, counterparty));
  }

  private void grow() {
    int capacity = Math.max(16, size + (size >> 1));
    timeMillis = Arrays.copyOf(timeMillis, capacity);
    movements = Arrays.copyOf(movements, capacity);
    actors = Arrays.copyOf(actors, capacity);
    counterparties = Arrays.copyOf(counterparties, capacity);
    minerals = Arrays.copyOf(minerals, capacity);
    massGrams = Arrays.copyOf(massGrams, capacity);
  }

  public int size() {
    return size;
  }

  public long timeMillis(int row) {
    return timeMillis[checkRow(row)];
  }

  public Movement movement(int row) {
    return Movement.ofOrdinal(movements[checkRow(row)]);
  }

  public int actor(int row) {
    return actors[checkRow(row)];
  }

  /** The receiving actor of a transfer, or -1. */
  public int counterparty(int row) {
    return counterparties[checkRow(row)];
  }

  public Mineral mineral(int row) {
    return MINERAL_VALUES[minerals[checkRow(row)]];
  }

  public long massGrams(int row) {
    return massGrams[checkRow(row)];
  }

  /** The earliest event time, or Long.MAX_VALUE when empty. */
  public long minimumTimeMillis() {
    return minimumTimeMillis;
  }

  /** The latest event time, or Long.MIN_VALUE when empty. */
  public long maximumTimeMillis() {
    return maximumTimeMillis;
  }

  /** The highest actor number in any row, or -1 when empty. */
  public int maximumActor() {
    return maximumActor;
  }

  // The scan reads the arrays themselves; these stay inside the package.

  long[] timeColumn() {
    return timeMillis;
  }

  byte[] movementColumn() {
    return movements;
  }

  int[] actorColumn() {
    return actors;
  }

  int[] counterpartyColumn() {
    return counterparties;
  }

  byte[] mineralColumn() {
    return minerals;
  }

  long[] massColumn() {
    return massGrams;
  }

  private int checkRow(int row) {
    if (row < 0 || row >= size) {
      throw new IndexOutOfBoundsException("no row " + row + " (there are " + size + ")");
    }
    return row;
  }
}
