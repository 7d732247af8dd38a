package org.oretrace.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.core.registry.Actor;

/**
 * The smuggling schemes of one simulation: which lots are earmarked for which scheme, and the
 * record of every scheme planted (its lots, actors, sites, events and the event that makes it
 * detectable), turned into the {@link GroundTruth} once the chronicle has given the events ids.
 *
 * <p>How a scheme is planted: {@link PlantingStage}, right after extraction, tags what comes from
 * outside the honest trade (laundered and red-site ore) and earmarks honest bags for the schemes
 * that happen later on their way; the stages and {@link Logistics} ask, at each step where a scheme
 * can happen (a road trip, an export, an assay), whether the lot is earmarked for one, and if so
 * record the crooked version of the step. An earmark follows a bag into the export lot it is merged
 * into; a scheme whose occasion never comes (a diverted delivery needs two comptoirs in one town)
 * is not planted, and the ground truth lists only what was.
 *
 * <p>Every draw a scheme makes comes from its own random stream, so that an honest world and the
 * honest part of a world with schemes are drawn alike.
 */
final class Schemes {

  private final SchemeRates rates;
  private final RandomGenerator random;
  private final Map<String, EnumSet<DetectorId>> earmarks = new HashMap<>();
  private final List<Planted> planted = new ArrayList<>();

  Schemes(SchemeRates rates, RandomGenerator random) {
    this.rates = rates;
    this.random = random;
  }

  /** No scheme at all: the honest world. */
  static Schemes none() {
    return new Schemes(SchemeRates.none(), new SplittableRandom(0));
  }

  SchemeRates rates() {
    return rates;
  }

  RandomGenerator random() {
    return random;
  }

  double uniform(double from, double to) {
    return from + random.nextDouble() * (to - from);
  }

  // ---- earmarks

  void earmark(SimulatedLot lot, DetectorId scheme) {
    earmarks.computeIfAbsent(lot.id, id -> EnumSet.noneOf(DetectorId.class)).add(scheme);
  }

  /** Whether the lot is earmarked for the scheme; the earmark is used up when it is. */
  boolean take(SimulatedLot lot, DetectorId scheme) {
    EnumSet<DetectorId> marks = earmarks.get(lot.id);
    if (marks == null || !marks.remove(scheme)) {
      return false;
    }
    if (marks.isEmpty()) {
      earmarks.remove(lot.id);
    }
    return true;
  }

  boolean earmarked(SimulatedLot lot, DetectorId scheme) {
    EnumSet<DetectorId> marks = earmarks.get(lot.id);
    return marks != null && marks.contains(scheme);
  }

  /** Carries the inputs' earmarks on to the lot they become. */
  void inherit(List<SimulatedLot> inputs, SimulatedLot output) {
    for (SimulatedLot input : inputs) {
      EnumSet<DetectorId> marks = earmarks.remove(input.id);
      if (marks != null) {
        earmarks.computeIfAbsent(output.id, id -> EnumSet.noneOf(DetectorId.class)).addAll(marks);
      }
    }
  }

  // ---- the record of what was planted

  /** A scheme being planted: fill it in as its events are recorded. */
  static final class Planted {
    final DetectorId detector;
    final String description;
    final Set<String> lots = new LinkedHashSet<>();
    final Set<String> actors = new LinkedHashSet<>();
    final Set<String> sites = new LinkedHashSet<>();
    final Set<String> countries = new LinkedHashSet<>();
    final List<Integer> events = new ArrayList<>();
    int completing = -1;

    /** For a scheme planted after the events are numbered (D10, in the statistics). */
    String completingEventId;

    long detectableSecond;

    Planted(DetectorId detector, String description) {
      this.detector = detector;
      this.description = description;
    }

    Planted lot(String lotId) {
      lots.add(lotId);
      return this;
    }

    Planted actor(Actor actor) {
      actors.add(actor.id());
      countries.add(actor.country().code());
      return this;
    }

    Planted site(String siteId) {
      sites.add(siteId);
      return this;
    }

    Planted event(int index) {
      events.add(index);
      return this;
    }

    /**
     * For a scheme planted outside the custody record (D10, in the trade statistics): the event
     * after which the record is complete for it, and when that event happened.
     */
    Planted completedBy(String eventId, long second) {
      completingEventId = eventId;
      detectableSecond = second;
      return this;
    }

    Planted country(String code) {
      countries.add(code);
      return this;
    }

    /** The event that makes the scheme detectable; it is one of its events too. */
    Planted completing(int index) {
      completing = index;
      if (!events.contains(index)) {
        events.add(index);
      }
      return this;
    }
  }

  Planted plant(DetectorId detector, String description) {
    Planted scheme = new Planted(detector, description);
    planted.add(scheme);
    return scheme;
  }

  /** The ground truth, once the chronicle has numbered the events. */
  GroundTruth groundTruth(Chronicle chronicle) {
    List<GroundTruth.Scheme> schemes = new ArrayList<>(planted.size());
    for (Planted scheme : planted) {
      if (scheme.completingEventId != null) {
        schemes.add(
            new GroundTruth.Scheme(
                "scheme-" + Numbers.padded(schemes.size() + 1L, 4),
                scheme.detector,
                List.copyOf(scheme.lots),
                List.copyOf(scheme.actors),
                List.copyOf(scheme.sites),
                List.of(scheme.completingEventId),
                List.copyOf(scheme.countries),
                scheme.completingEventId,
                Instant.ofEpochSecond(scheme.detectableSecond),
                scheme.description));
        continue;
      }
      if (scheme.completing < 0) {
        throw new IllegalStateException(
            "scheme " + scheme.description + " has no completing event");
      }
      schemes.add(
          new GroundTruth.Scheme(
              "scheme-" + Numbers.padded(schemes.size() + 1L, 4),
              scheme.detector,
              List.copyOf(scheme.lots),
              List.copyOf(scheme.actors),
              List.copyOf(scheme.sites),
              scheme.events.stream().map(chronicle::eventId).toList(),
              List.copyOf(scheme.countries),
              chronicle.eventId(scheme.completing),
              Instant.ofEpochSecond(chronicle.timeSecond(scheme.completing)),
              scheme.description));
    }
    return new GroundTruth(schemes);
  }
}
