package org.oretrace.sim;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.oretrace.core.detection.DetectorId;

/**
 * The schemes a simulation planted, for scoring detection and for training: each with the detector
 * that should catch it, everything it touches, and the event that makes it detectable.
 */
public record GroundTruth(List<Scheme> schemes) {

  public GroundTruth {
    schemes = List.copyOf(requireNonNull(schemes, "schemes is null"));
  }

  public static GroundTruth empty() {
    return new GroundTruth(List.of());
  }

  /**
   * One planted scheme.
   *
   * @param id "scheme-0001" onwards, in the order planted
   * @param completingEventId the event after which the pattern is in the record
   * @param detectableAt when that event happened
   * @param description what was done, in a sentence
   */
  public record Scheme(
      String id,
      DetectorId detector,
      List<String> lotIds,
      List<String> actorIds,
      List<String> siteIds,
      List<String> eventIds,
      List<String> countries,
      String completingEventId,
      Instant detectableAt,
      String description) {
    public Scheme {
      requireNonNull(id, "id is null");
      requireNonNull(detector, "detector is null");
      lotIds = List.copyOf(lotIds);
      actorIds = List.copyOf(actorIds);
      siteIds = List.copyOf(siteIds);
      eventIds = List.copyOf(eventIds);
      countries = List.copyOf(countries);
      requireNonNull(completingEventId, "completingEventId is null");
      requireNonNull(detectableAt, "detectableAt is null");
      requireNonNull(description, "description is null");
    }
  }
}
