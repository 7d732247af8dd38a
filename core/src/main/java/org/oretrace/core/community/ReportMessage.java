package org.oretrace.core.community;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A message in a report's conversation: a question from the regulator, or an answer (or more
 * detail) from the reporter, who is known only by holding the receipt code.
 *
 * @param fromReporter true for the reporter, false for the regulator
 */
public record ReportMessage(boolean fromReporter, String text, Instant at) {

  public ReportMessage {
    text = CommunityReport.requireText(text, "text");
    requireNonNull(at, "at is null");
  }
}
