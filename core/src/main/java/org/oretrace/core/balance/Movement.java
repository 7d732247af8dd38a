package org.oretrace.core.balance;

/**
 * What an event does to the books of the actors it touches (see {@link CustodyColumns}), in the
 * terms of D1 mass-balance: mass held, received and shipped out. Ordinals are stored (columns,
 * DuckDB's table in {@code bench compare}): new movements go at the end.
 */
public enum Movement {
  /**
   * Material enters the actor's books without a receipt: tagged at a mine site, or produced in its
   * hands (the output of a merge or a processing step, a split's parts beyond their parent).
   */
  TAG,
  /** A lot goes from the actor to the counterparty: shipped out by one, received by the other. */
  TRANSFER,
  /**
   * Mass leaves the actor's books without being shipped: lost while it holds it (dust, moisture,
   * tailings), or consumed as the input of a merge or a processing step.
   */
  LOSS,
  /** A lot leaves the record through an export by the actor: shipped out. */
  EXPORT,
  /** Mass received with no counterparty on the row: a receipt of a lot in transit, an import. */
  RECEIVE,
  /** A lot shipped out to someone who books its receipt on a row of their own. */
  SHIP;

  private static final Movement[] VALUES = values();

  static Movement ofOrdinal(int ordinal) {
    return VALUES[ordinal];
  }
}
