package org.oretrace.store.epcis;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.oretrace.core.Violation;

/**
 * The state of one EPCIS capture job, as the REST binding's {@code /capture/{captureID}} reports
 * it. Capture is all or nothing ({@code GS1-Capture-Error-Behaviour: rollback}): a job that failed
 * stored no event, and its errors say why, each naming the event by its position in the document.
 *
 * @param finishedAt when it ended, or null while running
 */
public record CaptureJob(
    String captureId,
    Instant createdAt,
    Instant finishedAt,
    boolean running,
    boolean success,
    int eventCount,
    List<Violation> errors) {

  public CaptureJob {
    requireNonNull(captureId, "captureId is null");
    requireNonNull(createdAt, "createdAt is null");
    errors = List.copyOf(requireNonNull(errors, "errors is null"));
    if (success && !errors.isEmpty()) {
      throw new IllegalArgumentException("a successful capture job has no errors");
    }
  }
}
