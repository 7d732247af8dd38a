package org.oretrace.core.balance;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import org.oretrace.core.registry.Mineral;

/**
 * One actor's books for one mineral and calendar month (UTC), in grams, as D1 mass-balance keeps
 * them: what it held at the start of the month, received, produced (tagged at a mine site), shipped
 * out and held at its end. Unaccounted mass is {@code shipped + held - opening - received -
 * produced}; above zero, the actor shipped or holds material that it neither received nor tagged on
 * the record. D1 judges traders, comptoirs and processors, which do not mine, on {@link
 * #judgedUnaccountedGrams()}: for them a tag is material from nowhere as well.
 */
public record MonthlyBook(
    String actorId,
    Mineral mineral,
    YearMonth month,
    long openingGrams,
    long receivedGrams,
    long producedGrams,
    long shippedGrams,
    long heldGrams) {

  public MonthlyBook {
    requireNonNull(actorId, "actorId is null");
    requireNonNull(mineral, "mineral is null");
    requireNonNull(month, "month is null");
    if (receivedGrams < 0 || producedGrams < 0 || shippedGrams < 0) {
      throw new IllegalArgumentException(
          "received, produced and shipped must not be negative: "
              + receivedGrams
              + " "
              + producedGrams
              + " "
              + shippedGrams);
    }
  }

  /** Mass shipped or held that the actor neither received nor produced on the record. */
  public long unaccountedGrams() {
    return judgedUnaccountedGrams() - producedGrams;
  }

  /**
   * D1's figure for the kinds it judges, which do not mine: {@code shipped + held - opening -
   * received}, tagged mass included.
   */
  public long judgedUnaccountedGrams() {
    return shippedGrams + heldGrams - openingGrams - receivedGrams;
  }

  /**
   * Whether the month moved nothing: nothing received, produced or shipped, and the stock
   * unchanged.
   */
  public boolean isQuiet() {
    return receivedGrams == 0
        && producedGrams == 0
        && shippedGrams == 0
        && openingGrams == heldGrams;
  }
}
