package org.oretrace.core.audit;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A step of a corrective-action plan: what the site must do, by when (inclusive), and where it
 * stands. An action not done after its deadline is overdue, and makes its site flagged.
 */
public record CorrectiveAction(String description, LocalDate deadline, ActionStatus status) {

  public CorrectiveAction {
    description = Texts.require(description, "corrective action description", Texts.LONG);
    requireNonNull(deadline, "deadline is null");
    requireNonNull(status, "status is null");
  }

  /** Whether the action is still not done on {@code day}, after its deadline. */
  public boolean overdueOn(LocalDate day) {
    return status != ActionStatus.DONE && day.isAfter(deadline);
  }

  public CorrectiveAction withStatus(ActionStatus newStatus) {
    return new CorrectiveAction(description, deadline, newStatus);
  }
}
