package org.oretrace.core.trade;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.oretrace.core.Country;
import org.oretrace.core.registry.Mineral;

/**
 * One line of national trade statistics, as a customs administration reports it to UN Comtrade: the
 * reporting country, its partner, the period, the commodity, the direction, the net mass and the
 * value. Mass is kept in whole grams and value in US cents, so that totals are exact.
 *
 * @param month 1-12, or 0 for a line that covers the whole year
 * @param harmonizedSystemCode the commodity's HS code, 2 to 6 digits ("261590" for tantalum ores)
 * @param valueUsdCents the declared value, or -1 when the line has none
 */
public record TradeStatistic(
    Country reporter,
    Country partner,
    int year,
    int month,
    String harmonizedSystemCode,
    TradeFlow flow,
    long netMassGrams,
    long valueUsdCents) {

  public TradeStatistic {
    requireNonNull(reporter, "reporter is null");
    requireNonNull(partner, "partner is null");
    requireNonNull(harmonizedSystemCode, "harmonizedSystemCode is null");
    requireNonNull(flow, "flow is null");
    if (reporter.equals(partner)) {
      throw new IllegalArgumentException("a country does not trade with itself: " + reporter);
    }
    if (year < 1900 || year > 2200) {
      throw new IllegalArgumentException("year must be within 1900..2200, got " + year);
    }
    if (month < 0 || month > 12) {
      throw new IllegalArgumentException("month must be 1..12, or 0 for the year, got " + month);
    }
    if (!harmonizedSystemCode.matches("[0-9]{2,6}")) {
      throw new IllegalArgumentException(
          "an HS code is 2 to 6 digits, got '" + harmonizedSystemCode + "'");
    }
    if (netMassGrams < 0) {
      throw new IllegalArgumentException("net mass must not be negative");
    }
    if (valueUsdCents < -1) {
      throw new IllegalArgumentException("value must not be negative");
    }
  }

  /** The mined mineral this line's HS code declares, if it names one Oretrace traces. */
  public Optional<Mineral> mineral() {
    return minedMineral(harmonizedSystemCode);
  }

  /** The mined mineral declared under a six-digit HS code (tantalum ores are 261590). */
  public static Optional<Mineral> minedMineral(String harmonizedSystemCode) {
    for (Mineral mineral : Mineral.values()) {
      if (mineral.mined() && mineral.harmonizedSystemCode().equals(harmonizedSystemCode)) {
        return Optional.of(mineral);
      }
    }
    return Optional.empty();
  }

  /** The line's identity: a later import of the same line replaces its figures. */
  public String key() {
    return reporter
        + "/"
        + partner
        + "/"
        + year
        + "/"
        + month
        + "/"
        + harmonizedSystemCode
        + "/"
        + flow.wireName();
  }
}
