package org.oretrace.core.detection;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oretrace.core.Country;
import org.oretrace.core.custody.CustodyEvent;

/**
 * Gathers what an alert names while a detector works it out, keeping each list in first-mention
 * order without repeats, then builds the {@link Alert}. The alert's id is the detector and the
 * completing event, plus a suffix when one event completes two patterns of one detector.
 */
final class Finding {

  private final DetectorId detector;
  private final CustodyEvent completing;
  private final Set<String> events = new LinkedHashSet<>();
  private final Set<String> lots = new LinkedHashSet<>();
  private final Set<String> actors = new LinkedHashSet<>();
  private final Set<String> sites = new LinkedHashSet<>();
  private final Set<String> countries = new LinkedHashSet<>();
  private final Map<String, BigDecimal> figures = new LinkedHashMap<>();
  private String suffix = "";
  private double score = 0.5;

  private Finding(DetectorId detector, CustodyEvent completing) {
    this.detector = detector;
    this.completing = completing;
    events.add(completing.id());
  }

  static Finding of(DetectorId detector, CustodyEvent completing) {
    return new Finding(detector, completing);
  }

  Finding suffix(String suffix) {
    this.suffix = "-" + suffix;
    return this;
  }

  Finding events(Iterable<String> eventIds) {
    eventIds.forEach(id -> addIfPresent(events, id));
    return this;
  }

  Finding event(String eventId) {
    addIfPresent(events, eventId);
    return this;
  }

  Finding lot(String lotId) {
    addIfPresent(lots, lotId);
    return this;
  }

  Finding lots(Iterable<String> lotIds) {
    lotIds.forEach(id -> addIfPresent(lots, id));
    return this;
  }

  Finding actor(String actorId) {
    addIfPresent(actors, actorId);
    return this;
  }

  Finding site(String siteId) {
    addIfPresent(sites, siteId);
    return this;
  }

  Finding country(String code) {
    addIfPresent(countries, code);
    return this;
  }

  Finding figure(String name, BigDecimal value) {
    figures.put(name, value);
    return this;
  }

  /** The score, clamped to 0..1. */
  Finding score(double value) {
    this.score = Math.max(0, Math.min(1, value));
    return this;
  }

  Alert explain(String sentence) {
    List<Country> countryList = new ArrayList<>();
    for (String code : countries) {
      try {
        countryList.add(Country.of(code));
      } catch (IllegalArgumentException e) {
        // An unknown code is left out rather than failing the alert.
      }
    }
    String id = detector.name() + "-" + completing.id() + suffix;
    if (id.length() > 128) {
      id = detector.name() + "-" + Integer.toHexString(completing.id().hashCode()) + suffix;
    }
    return new Alert(
        id,
        detector,
        score,
        Severity.forScore(score),
        completing.context().instant(),
        List.copyOf(events),
        List.copyOf(lots),
        List.copyOf(actors),
        List.copyOf(sites),
        countryList,
        figures,
        sentence);
  }

  private static void addIfPresent(Set<String> set, String value) {
    if (value != null) {
      set.add(value);
    }
  }
}
