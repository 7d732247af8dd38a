package org.oretrace.core.customs;

import static java.util.Objects.requireNonNull;

/**
 * One reason for a no-go: the rule, what it is about (an actor, lot, site or alert id), and a
 * sentence an officer reads at the border.
 */
public record Reason(ReasonCode code, String subject, String message) {

  public Reason {
    requireNonNull(code, "code is null");
    requireNonNull(subject, "subject is null");
    requireNonNull(message, "message is null");
  }
}
