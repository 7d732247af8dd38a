package org.oretrace.core.detection;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.oretrace.core.Country;
import org.oretrace.core.registry.Identifiers;

/**
 * What a detector found: which pattern, how sure it is (a score from 0 to 1, and the severity that
 * follows from it), everything involved, the figures that tripped it and a sentence a customs
 * officer understands without opening the record.
 *
 * @param id stable: the detector and the event that completed the pattern, e.g. "D3-ev-0001234"
 * @param occurredAt when the event that completed the pattern happened
 * @param eventIds the event that completed the pattern first, then the others involved; empty for
 *     an alert about a party rather than a pattern of events (D9 actor-risk), which names its
 *     actors, or about a site (C1 community report, A1 overdue corrective actions), which names its
 *     site, or about a country's trade figures (D10 mirror-trade), which names countries
 * @param figures the numbers that tripped the detector, by name, in name order, without trailing
 *     zeros
 */
public record Alert(
    String id,
    DetectorId detector,
    double score,
    Severity severity,
    Instant occurredAt,
    List<String> eventIds,
    List<String> lotIds,
    List<String> actorIds,
    List<String> siteIds,
    List<Country> countries,
    Map<String, BigDecimal> figures,
    String explanation) {

  public Alert {
    Identifiers.requireId(id, "id");
    requireNonNull(detector, "detector is null");
    requireNonNull(severity, "severity is null");
    requireNonNull(occurredAt, "occurredAt is null");
    requireNonNull(explanation, "explanation is null");
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be within 0..1, got " + score);
    }
    eventIds = List.copyOf(requireNonNull(eventIds, "eventIds is null"));
    lotIds = List.copyOf(requireNonNull(lotIds, "lotIds is null"));
    actorIds = List.copyOf(requireNonNull(actorIds, "actorIds is null"));
    siteIds = List.copyOf(requireNonNull(siteIds, "siteIds is null"));
    countries = List.copyOf(requireNonNull(countries, "countries is null"));
    Map<String, BigDecimal> sorted = new TreeMap<>();
    requireNonNull(figures, "figures is null")
        .forEach(
            (name, value) -> sorted.put(requireNonNull(name, "figure name is null"), plain(value)));
    figures = Collections.unmodifiableMap(sorted);
    if (eventIds.isEmpty() && actorIds.isEmpty() && siteIds.isEmpty() && countries.isEmpty()) {
      throw new IllegalArgumentException(
          "an alert names at least the event that completed it, or the actor, site or country it"
              + " is about");
    }
    if (explanation.isBlank()) {
      throw new IllegalArgumentException("an alert needs an explanation");
    }
  }

  /** Without trailing zeros, so that a figure reads and compares the same after a round trip. */
  private static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = requireNonNull(value, "figure is null").stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** The event that completed the pattern; empty for an alert about a party (D9). */
  public Optional<String> completingEventId() {
    return eventIds.stream().findFirst();
  }

  /**
   * What makes two alerts the same finding, as text: detector, id (its subject), completing event
   * and the set of lots, e.g. {@code "D3 D3-ev-0001234 ev-0001234 [lot-1, lot-2]"}. Two engines
   * that judged the same record (the embedded one and the Kafka stream) raise alerts of the same
   * identities; scores, figures and wording may be compared separately.
   */
  public String identity() {
    return detector
        + " "
        + id
        + " "
        + completingEventId().orElse("-")
        + " "
        + new TreeSet<>(lotIds);
  }
}
