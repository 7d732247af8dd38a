package org.oretrace.core.registry;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/** A licence (mining, trading or export) with the days it is valid, both inclusive. */
public record Licence(String number, LocalDate validFrom, LocalDate validUntil) {

  public Licence {
    requireNonNull(number, "number is null");
    requireNonNull(validFrom, "validFrom is null");
    requireNonNull(validUntil, "validUntil is null");
    if (number.isBlank()) {
      throw new IllegalArgumentException("licence number is blank");
    }
    if (validUntil.isBefore(validFrom)) {
      throw new IllegalArgumentException(
          "licence " + number + " ends (" + validUntil + ") before it starts (" + validFrom + ")");
    }
  }

  public boolean validOn(LocalDate day) {
    return !day.isBefore(validFrom) && !day.isAfter(validUntil);
  }
}
