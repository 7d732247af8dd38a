package org.oretrace.core.cases;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.oretrace.core.registry.Identifiers;

/**
 * One thing done to a case, as it is requested and as the audit trail keeps it. The set is closed
 * (a sealed interface) so that the trail can always be read back and every action has one meaning;
 * {@link CaseFile#apply} says what each does to the case.
 */
public sealed interface CaseAction {

  /** The longest title, assignee or outcome accepted. */
  int MAX_TEXT_LENGTH = 500;

  /** The action's name on the wire and in the audit trail, e.g. {@code handover}. */
  String type();

  /** Opening the case, with its title and the alerts it was opened from (none when by hand). */
  record Open(String title, List<String> alertIds) implements CaseAction {
    public Open {
      title = requireText(title, "title");
      alertIds = List.copyOf(requireNonNull(alertIds, "alertIds is null"));
      alertIds.forEach(alertId -> Identifiers.requireId(alertId, "alert"));
      if (alertIds.stream().distinct().count() != alertIds.size()) {
        throw new IllegalArgumentException("an alert is named twice");
      }
    }

    @Override
    public String type() {
      return "open";
    }
  }

  /** Giving the case to a person of the owning organisation (a name or staff number). */
  record Assign(String assignee) implements CaseAction {
    public Assign {
      assignee = requireText(assignee, "assignee");
    }

    @Override
    public String type() {
      return "assign";
    }
  }

  /** Adding a reference: a note, a lot, an actor, an alert or an evidence file. */
  record Attach(ReferenceKind kind, String value) implements CaseAction {
    public Attach {
      requireNonNull(kind, "kind is null");
      requireNonNull(value, "value is null");
      CaseReference.requireValid(kind, value);
    }

    @Override
    public String type() {
      return kind == ReferenceKind.NOTE ? "note" : "attach";
    }
  }

  /** Moving the case to another state; closing needs an outcome, other states take none. */
  record ChangeState(CaseState state, String outcome) implements CaseAction {
    public ChangeState {
      requireNonNull(state, "state is null");
      if (state == CaseState.CLOSED) {
        outcome = requireText(outcome, "outcome");
      } else if (outcome != null) {
        throw new IllegalArgumentException("only closing a case takes an outcome");
      }
    }

    @Override
    public String type() {
      return "state";
    }
  }

  /** Letting another organisation see the case (and add notes and references to it). */
  record Share(String organisation) implements CaseAction {
    public Share {
      organisation = requireText(organisation, "organisation");
    }

    @Override
    public String type() {
      return "share";
    }
  }

  /**
   * Withdrawing a share: the organisation no longer sees the case (nor adds to it) from this action
   * on. Only the owner withdraws, as only the owner shares; what the organisation added stays.
   */
  record Unshare(String organisation) implements CaseAction {
    public Unshare {
      organisation = requireText(organisation, "organisation");
    }

    @Override
    public String type() {
      return "unshare";
    }
  }

  /**
   * An alert the case cites (opened from, or attached) was closed or reopened. Written by Oretrace
   * into the trail of every citing case when someone changes the alert's status, never requested on
   * a case; it changes nothing in the case but its version, and tells the case's readers who
   * changed the alert, when and why.
   *
   * @param status the alert's status after the change, {@code open} or {@code closed}
   * @param username the user who changed it, or null for an API token
   */
  record AlertStatus(String alertId, String status, String reason, String username)
      implements CaseAction {

    /** The longest reason, as the alert's own trail accepts it. */
    public static final int MAX_REASON_LENGTH = 2000;

    public AlertStatus {
      Identifiers.requireId(alertId, "alert");
      if (!"open".equals(status) && !"closed".equals(status)) {
        throw new IllegalArgumentException("status must be open or closed, got " + status);
      }
      if (reason == null || reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
        throw new IllegalArgumentException(
            "a reason of 1 to " + MAX_REASON_LENGTH + " characters is needed");
      }
    }

    @Override
    public String type() {
      return "alert-status";
    }
  }

  /**
   * Making another organisation the case's owner; the former owner keeps seeing it, as an
   * organisation it is shared with, so that it can follow what becomes of its work.
   */
  record Handover(String organisation) implements CaseAction {
    public Handover {
      organisation = requireText(organisation, "organisation");
    }

    @Override
    public String type() {
      return "handover";
    }
  }

  private static String requireText(String text, String field) {
    if (text == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    String stripped = text.strip();
    if (stripped.isEmpty() || stripped.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException(
          field + " must be 1 to " + MAX_TEXT_LENGTH + " characters, not blank");
    }
    return stripped;
  }
}
