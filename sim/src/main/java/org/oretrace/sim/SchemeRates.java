package org.oretrace.sim;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.oretrace.core.detection.DetectorId;

/**
 * How many of each smuggling scheme to plant, as expected schemes per 1,000 lots tagged honestly
 * (so a world of 10,000 lots at rate 2 holds about 20). A scheme is one instance of the pattern:
 * one laundered site-month (D2), one export declared heavier than its lot (D1), one forged receipt
 * time (D3), one reused tag (D4), one topped-up bag (D5), one substituted export lot (D6), one
 * diverted delivery (D7), one parcel of red-site ore (D8), one country-year of trade statistics
 * with a mirror gap (D10), one round trip (D11). A rate above zero plants at least one.
 *
 * <p>On the command line: {@code D2:5,D3:2}, {@code default} or {@code none}.
 */
public record SchemeRates(Map<DetectorId, Double> rates) {

  public SchemeRates {
    requireNonNull(rates, "rates is null");
    // An EnumMap keeps detector order: Map.copyOf would iterate in an order that changes from one
    // JVM run to the next, and planting iterates over the rates.
    Map<DetectorId, Double> sorted = new EnumMap<>(DetectorId.class);
    rates.forEach(
        (detector, rate) -> {
          requireNonNull(detector, "detector is null");
          requireNonNull(rate, "rate is null");
          if (!PLANTABLE.containsKey(detector)) {
            throw new IllegalArgumentException(
                detector + " cannot be planted; plantable: " + PLANTABLE.keySet());
          }
          if (!(rate >= 0 && rate <= 100)) {
            throw new IllegalArgumentException(
                "the rate of " + detector + " must be within 0..100 per 1,000 lots, got " + rate);
          }
          sorted.put(detector, rate);
        });
    rates = Collections.unmodifiableMap(sorted);
  }

  /** The default rates: realistic enough to matter, rare enough to hide in the honest trade. */
  private static final Map<DetectorId, Double> PLANTABLE = defaultRates();

  private static Map<DetectorId, Double> defaultRates() {
    Map<DetectorId, Double> rates = new LinkedHashMap<>();
    rates.put(DetectorId.D1, 2.0);
    rates.put(DetectorId.D2, 0.5);
    rates.put(DetectorId.D3, 2.0);
    rates.put(DetectorId.D4, 2.0);
    rates.put(DetectorId.D5, 2.0);
    rates.put(DetectorId.D6, 2.0);
    rates.put(DetectorId.D7, 2.0);
    rates.put(DetectorId.D8, 1.0);
    rates.put(DetectorId.D10, 0.3);
    rates.put(DetectorId.D11, 1.0);
    return rates;
  }

  /** An honest world. */
  public static SchemeRates none() {
    return new SchemeRates(Map.of());
  }

  public static SchemeRates defaults() {
    return new SchemeRates(PLANTABLE);
  }

  /** Parses "D2:5,D3:2", "default" or "none". */
  public static SchemeRates parse(String text) {
    requireNonNull(text, "text is null");
    String trimmed = text.trim().toLowerCase(Locale.ROOT);
    if (trimmed.equals("none") || trimmed.isEmpty()) {
      return none();
    }
    if (trimmed.equals("default")) {
      return defaults();
    }
    Map<DetectorId, Double> rates = new LinkedHashMap<>();
    for (String part : text.split(",")) {
      String[] pair = part.trim().split(":");
      if (pair.length != 2) {
        throw new IllegalArgumentException(
            "'" + part.trim() + "' is not DETECTOR:RATE, e.g. D2:5 (schemes per 1,000 lots)");
      }
      try {
        rates.put(DetectorId.parse(pair[0]), Double.parseDouble(pair[1].trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + pair[1].trim() + "' is not a rate", e);
      }
    }
    return new SchemeRates(rates);
  }

  /** These rates with one detector's rate changed (or added). */
  public SchemeRates with(DetectorId detector, double rate) {
    Map<DetectorId, Double> changed = new EnumMap<>(DetectorId.class);
    changed.putAll(rates);
    changed.put(detector, rate);
    return new SchemeRates(changed);
  }

  public double rate(DetectorId detector) {
    return rates.getOrDefault(detector, 0.0);
  }

  /** How many schemes of this kind a world of {@code lots} tagged lots holds. */
  int count(DetectorId detector, int lots) {
    double rate = rate(detector);
    return rate <= 0 ? 0 : Math.max(1, (int) Math.round(rate * lots / 1000));
  }

  @Override
  public String toString() {
    if (rates.isEmpty()) {
      return "none";
    }
    StringBuilder text = new StringBuilder();
    rates.forEach(
        (detector, rate) ->
            text.append(text.isEmpty() ? "" : ",")
                .append(detector.name())
                .append(':')
                .append(rate % 1 == 0 ? Long.toString(rate.longValue()) : rate.toString()));
    return text.toString();
  }
}
