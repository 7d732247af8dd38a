package org.oretrace.store;

import java.util.List;
import java.util.Optional;
import org.oretrace.core.cases.AuditEntry;
import org.oretrace.core.cases.CaseFile;
import org.oretrace.core.cases.CaseState;

/**
 * Cases and their append-only audit trails (docs/cases.md). Each write stores a case's new version
 * and the trail entry that made it in one transaction; nothing ever rewrites or removes an entry.
 * Who may see a case is not decided here: the server's {@code CaseAccess} does, and lists through
 * {@link #visibleTo}.
 */
public interface CaseStore {

  /** Stores a new case (version 1) and its opening entry. */
  void open(CaseFile opened, AuditEntry entry);

  Optional<CaseFile> find(String id);

  /**
   * Stores the case's next version and the entry that made it, if the stored version is still the
   * one before; returns false, writing nothing, when another action got there first.
   */
  boolean update(CaseFile updated, AuditEntry entry);

  /**
   * Cases the organisation owns or has shared with it, most recently changed first.
   *
   * @param state only cases in this state, or null for any
   */
  Page<CaseFile> visibleTo(String organisation, CaseState state, PageRequest page);

  /**
   * Every case that cites the alert (opened from it, or with it attached), whoever may see them:
   * the trail of each records what becomes of the alert.
   */
  List<CaseFile> citing(String alertId);

  /** A case's audit trail, oldest first; empty for an unknown case. */
  List<AuditEntry> trail(String caseId);
}
