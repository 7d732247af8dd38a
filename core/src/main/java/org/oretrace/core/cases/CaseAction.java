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
