package org.oretrace.server.auth;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.oretrace.core.cases.CaseAction;
import org.oretrace.core.cases.CaseAction.Attach;
import org.oretrace.core.cases.CaseFile;
import org.oretrace.core.cases.CaseState;
import org.oretrace.server.auth.AccessPolicy.Action;
import org.oretrace.store.CaseStore;
import org.oretrace.store.Page;
import org.oretrace.store.PageRequest;

/**
 * The one place that decides who sees and works which case; the API reads cases only through it.
 *
 * <ul>
 *   <li>A case is visible only to its owning organisation and the organisations it is shared with.
 *       To anyone else it does not exist: reads answer empty (the API's 404, never 403, so that an
 *       id reveals nothing) and listings leave it out.
 *   <li>Analysts, investigators and admins read the cases visible to their organisation; viewers
 *       and recorders see no cases at all ({@link Action#READ_CASES}).
 *   <li>Investigators and admins open cases and act on visible ones ({@link Action#WORK_CASES}).
 *       Organisations a case is shared with may add notes and references; only the owner assigns
 *       it, changes its state, shares it and hands it over.
 * </ul>
 *
 * <p>The rule is written twice, unavoidably: here for one case ({@link CaseFile#visibleTo}) and in
 * the store's listing query ({@link CaseStore#visibleTo}), which pages in SQL. Tests cover both.
 */
public final class CaseAccess {

  private final CaseStore cases;

  public CaseAccess(CaseStore cases) {
    this.cases = requireNonNull(cases, "cases is null");
  }

  /** The cases visible to the caller's organisation, optionally in one state. */
  public Page<CaseFile> list(Caller caller, CaseState state, PageRequest page) {
    AccessPolicy.require(caller, Action.READ_CASES);
    return cases.visibleTo(caller.organisation(), state, page);
  }

  /** The case, or empty when it is unknown or not visible to the caller's organisation. */
  public Optional<CaseFile> read(Caller caller, String id) {
    AccessPolicy.require(caller, Action.READ_CASES);
    return cases.find(id).filter(caseFile -> caseFile.visibleTo(caller.organisation()));
  }

  /**
   * @throws AccessDeniedException when the caller's role may not open cases
   */
  public void requireMayOpen(Caller caller) {
    AccessPolicy.require(caller, Action.WORK_CASES);
  }

  /**
   * The case to act on, or empty when it is unknown or not visible to the caller's organisation.
   *
   * @throws AccessDeniedException when the caller's role may not work cases, or the action is the
   *     owner's and the caller's organisation only has the case shared with it
   */
  public Optional<CaseFile> forAction(Caller caller, String id, CaseAction action) {
    AccessPolicy.require(caller, Action.WORK_CASES);
    Optional<CaseFile> found = read(caller, id);
    if (found.isPresent()
        && !(action instanceof Attach)
        && !found.get().owner().equals(caller.organisation())) {
      throw AccessDeniedException.forbidden(
          "only the owning organisation ("
              + found.get().owner()
              + ") may "
              + action.type()
              + " this case; organisations it is shared with may add notes and references");
    }
    return found;
  }
}
