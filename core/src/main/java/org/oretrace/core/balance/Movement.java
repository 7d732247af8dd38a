package org.oretrace.core.balance;

/**
 * What an event does to the books of the actors it touches (see {@link CustodyColumns}), in the
 * terms of D1 mass-balance: mass held, received and shipped out.
 */
public enum Movement {
  /** Material enters the record in the actor's hands (tagging at a mine site, an import). */
  TAG,
  /** A lot goes from the actor to the counterparty: shipped out by one, received by the other. */
  TRANSFER,
  /** Mass lost while the actor holds it (dust, moisture, tailings of a merge or processing). */
  LOSS,
  /** A lot leaves the record through an export by the actor. */
  EXPORT;

  private static final Movement[] VALUES = values();

  static Movement ofOrdinal(int ordinal) {
    return VALUES[ordinal];
  }
}
