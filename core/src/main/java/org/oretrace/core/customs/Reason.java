package org.oretrace.core.customs;

import static java.util.Objects.requireNonNull;

/**
 * One reason for a no-go: the rule, what it is about (an actor, lot, site or alert id), and a
 * sentence an officer reads at the border.
 *
 * @param alertId the alert the reason rests on when its subject is something else (a sanctions hit
 *     is about the exporter and rests on a D9 alert), so that the reason can be told only to
 *     callers who see that alert; null otherwise. Not part of the answer's JSON.
 */
public record Reason(ReasonCode code, String subject, String message, String alertId) {

  /** A reason that rests on no alert other than its subject. */
  public Reason(ReasonCode code, String subject, String message) {
    this(code, subject, message, null);
  }

  public Reason {
    requireNonNull(code, "code is null");
    requireNonNull(subject, "subject is null");
    requireNonNull(message, "message is null");
  }
}
