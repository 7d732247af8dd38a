package org.oretrace.core.cases;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.cases.CaseAction.AlertStatus;
import org.oretrace.core.cases.CaseAction.Assign;
import org.oretrace.core.cases.CaseAction.Attach;
import org.oretrace.core.cases.CaseAction.ChangeState;
import org.oretrace.core.cases.CaseAction.Handover;
import org.oretrace.core.cases.CaseAction.Open;
import org.oretrace.core.cases.CaseAction.Share;
import org.oretrace.core.cases.CaseAction.Unshare;

/**
 * A case that agencies work together: opened from alerts or by hand, owned by one organisation,
 * shared with others, with its references and its state.
 *
 * <p>A case file is the result of its audit trail: {@link #open} makes version 1 from the opening
 * action, and {@link #apply} makes version n + 1 from version n and one more action. The store
 * keeps the latest version beside the trail (for listings) and writes both in one transaction, with
 * the version as the trail's sequence number, so the two cannot drift apart and two agencies acting
 * at once cannot overwrite each other (the second write finds the version moved and is retried).
 *
 * <p>Invariants: the owner is never among the organisations shared with; a closed case has an
 * outcome and no other state has one; references are only added.
 *
 * @param sharedWith organisations other than the owner that may see the case
 * @param assignee the person of the owning organisation working the case, or null
 * @param outcome how a closed case ended, or null when not closed
 * @param alertIds the alerts the case was opened from
 * @param version 1 when opened, one more for every action since
 */
public record CaseFile(
    String id,
    String title,
    String owner,
    Set<String> sharedWith,
    String assignee,
    CaseState state,
    String outcome,
    List<String> alertIds,
    List<CaseReference> references,
    Instant openedAt,
    Instant updatedAt,
    long version) {

  public CaseFile {
    requireNonNull(id, "id is null");
    requireNonNull(title, "title is null");
    requireNonNull(owner, "owner is null");
    sharedWith =
        Collections.unmodifiableSet(
            new TreeSet<>(requireNonNull(sharedWith, "sharedWith is null")));
    requireNonNull(state, "state is null");
    alertIds = List.copyOf(requireNonNull(alertIds, "alertIds is null"));
    references = List.copyOf(requireNonNull(references, "references is null"));
    requireNonNull(openedAt, "openedAt is null");
    requireNonNull(updatedAt, "updatedAt is null");
    if (sharedWith.contains(owner)) {
      throw new IllegalArgumentException("the owner " + owner + " is not shared with");
    }
    if ((state == CaseState.CLOSED) != (outcome != null)) {
      throw new IllegalArgumentException("a closed case, and only a closed case, has an outcome");
    }
    if (version < 1) {
      throw new IllegalArgumentException("version must be positive, got " + version);
    }
  }

  /** A new case, owned by the organisation that opens it. */
  public static CaseFile open(String id, Open action, String organisation, Instant at) {
    requireNonNull(action, "action is null");
    return new CaseFile(
        id,
        action.title(),
        organisation,
        Set.of(),
        null,
        CaseState.OPEN,
        null,
        action.alertIds(),
        List.of(),
        at,
        at,
        1);
  }

  /** Whether the organisation owns the case or has it shared with it. */
  public boolean visibleTo(String organisation) {
    return owner.equals(organisation) || sharedWith.contains(organisation);
  }

  /** Whether the case was opened from the alert or has it attached. */
  public boolean cites(String alertId) {
    return alertIds.contains(alertId)
        || references.stream()
            .anyMatch(
                reference ->
                    reference.kind() == ReferenceKind.ALERT && reference.value().equals(alertId));
  }

  /** Every organisation that may see the case: the owner first, then those shared with. */
  public List<String> organisations() {
    List<String> organisations = new ArrayList<>();
    organisations.add(owner);
    organisations.addAll(sharedWith);
    return organisations;
  }

  /**
   * The next version of the case after an action by {@code organisation} at {@code at}.
   *
   * @throws InvalidInputException when the action makes no sense for the case as it is: opening it
   *     again, moving it to the state it is in, sharing with or handing over to an organisation
   *     that already owns it, withdrawing a share the case does not have, or telling of an alert
   *     the case does not cite
   */
  public CaseFile apply(CaseAction action, String organisation, Instant at) {
    requireNonNull(action, "action is null");
    requireNonNull(organisation, "organisation is null");
    requireNonNull(at, "at is null");
    return switch (action) {
      case Open open -> throw InvalidInputException.of("type", "the case is already open");
      case Assign assign ->
          with(owner, sharedWith, assign.assignee(), state, outcome, references, at);
      case Attach attach -> {
        List<CaseReference> added = new ArrayList<>(references);
        added.add(new CaseReference(attach.kind(), attach.value(), organisation, at));
        yield with(owner, sharedWith, assignee, state, outcome, added, at);
      }
      case ChangeState change -> {
        if (change.state() == state) {
          throw InvalidInputException.of("state", "the case is already " + state.wireName());
        }
        yield with(owner, sharedWith, assignee, change.state(), change.outcome(), references, at);
      }
      case Share share -> {
        if (share.organisation().equals(owner)) {
          throw InvalidInputException.of(
              "organisation", share.organisation() + " owns the case already");
        }
        Set<String> shared = new TreeSet<>(sharedWith);
        shared.add(share.organisation());
        yield with(owner, shared, assignee, state, outcome, references, at);
      }
      case Unshare unshare -> {
        if (!sharedWith.contains(unshare.organisation())) {
          throw InvalidInputException.of(
              "organisation", "the case is not shared with " + unshare.organisation());
        }
        Set<String> shared = new TreeSet<>(sharedWith);
        shared.remove(unshare.organisation());
        yield with(owner, shared, assignee, state, outcome, references, at);
      }
      case AlertStatus alertStatus -> {
        if (!cites(alertStatus.alertId())) {
          throw InvalidInputException.of(
              "alert", "the case does not cite alert " + alertStatus.alertId());
        }
        yield with(owner, sharedWith, assignee, state, outcome, references, at);
      }
      case Handover handover -> {
        if (handover.organisation().equals(owner)) {
          throw InvalidInputException.of(
              "organisation", handover.organisation() + " owns the case already");
        }
        Set<String> shared = new TreeSet<>(sharedWith);
        shared.remove(handover.organisation());
        shared.add(owner);
        // The assignee was a person of the former owner; the new owner assigns its own.
        yield with(handover.organisation(), shared, null, state, outcome, references, at);
      }
    };
  }

  private CaseFile with(
      String newOwner,
      Set<String> newSharedWith,
      String newAssignee,
      CaseState newState,
      String newOutcome,
      List<CaseReference> newReferences,
      Instant at) {
    return new CaseFile(
        id,
        title,
        newOwner,
        newSharedWith,
        newAssignee,
        newState,
        newOutcome,
        alertIds,
        newReferences,
        openedAt,
        at,
        version + 1);
  }
}
