package org.oretrace.core.balance;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import org.oretrace.core.registry.Mineral;

/**
 * One actor's books for one mineral and calendar month (UTC), in grams, as D1 mass-balance keeps
 * them: what it held at the start of the month, received, shipped out and held at its end.
 * Unaccounted mass is D1's figure: {@code shipped + held - opening - received}; above zero, the
 * actor shipped or holds material that did not come in on the record.
 */
public record MonthlyBook(
    String actorId,
    Mineral mineral,
    YearMonth month,
    long openingGrams,
    long receivedGrams,
    long shippedGrams,
    long heldGrams) {

  public MonthlyBook {
    requireNonNull(actorId, "actorId is null");
    requireNonNull(mineral, "mineral is null");
    requireNonNull(month, "month is null");
    if (receivedGrams < 0 || shippedGrams < 0) {
      throw new IllegalArgumentException(
          "received and shipped must not be negative: " + receivedGrams + " " + shippedGrams);
    }
  }

  public long unaccountedGrams() {
    return shippedGrams + heldGrams - openingGrams - receivedGrams;
  }

  /** Whether the month moved nothing: nothing received or shipped, and the stock unchanged. */
  public boolean isQuiet() {
    return receivedGrams == 0 && shippedGrams == 0 && openingGrams == heldGrams;
  }
}
