package org.oretrace.core.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.oretrace.core.registry.IcglrStatus;
import org.oretrace.core.registry.Identifiers;

/**
 * A third-party audit of a mine site (ICGLR RCM inspection, OECD step 4 audit): who audited, when,
 * what it covered, what it found, the corrective-action plan, and the ICGLR status the auditor
 * concluded. Recording an audit with a resulting status changes the site's status; the change is
 * kept as a {@link StatusChange} naming this audit.
 *
 * <p>Only the corrective actions' statuses change after recording (the auditor follows the plan);
 * findings, date and result are as reported and never rewritten.
 *
 * @param auditor the auditing organisation, e.g. "ICGLR RCM inspection team" or a firm's name
 * @param resultingStatus the status the audit concluded, or null when it concluded none
 * @param recordedBy the organisation whose token recorded the audit
 */
public record Audit(
    String id,
    String siteId,
    String auditor,
    LocalDate date,
    String scope,
    List<AuditFinding> findings,
    List<CorrectiveAction> correctiveActions,
    IcglrStatus resultingStatus,
    Instant recordedAt,
    String recordedBy) {

  public Audit {
    Identifiers.requireId(id, "id");
    Identifiers.requireId(siteId, "site");
    auditor = Texts.require(auditor, "auditor", Texts.SHORT);
    requireNonNull(date, "date is null");
    scope = Texts.require(scope, "scope", Texts.LONG);
    findings = List.copyOf(requireNonNull(findings, "findings is null"));
    correctiveActions = List.copyOf(requireNonNull(correctiveActions, "correctiveActions is null"));
    requireNonNull(recordedAt, "recordedAt is null");
    requireNonNull(recordedBy, "recordedBy is null");
  }

  /** The indexes of the corrective actions overdue on {@code day}, in plan order. */
  public List<Integer> overdueActions(LocalDate day) {
    List<Integer> overdue = new ArrayList<>();
    for (int index = 0; index < correctiveActions.size(); index++) {
      if (correctiveActions.get(index).overdueOn(day)) {
        overdue.add(index);
      }
    }
    return overdue;
  }

  /**
   * The audit with one corrective action's status changed.
   *
   * @throws IllegalArgumentException when there is no action at {@code index}
   */
  public Audit withActionStatus(int index, ActionStatus status) {
    if (index < 0 || index >= correctiveActions.size()) {
      throw new IllegalArgumentException(
          "audit " + id + " has " + correctiveActions.size() + " corrective actions, no " + index);
    }
    List<CorrectiveAction> actions = new ArrayList<>(correctiveActions);
    actions.set(index, actions.get(index).withStatus(status));
    return new Audit(
        id,
        siteId,
        auditor,
        date,
        scope,
        findings,
        actions,
        resultingStatus,
        recordedAt,
        recordedBy);
  }
}
