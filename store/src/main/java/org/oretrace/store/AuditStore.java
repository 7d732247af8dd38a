package org.oretrace.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.oretrace.core.audit.Audit;
import org.oretrace.core.audit.StatusChange;

/**
 * Third-party audits of mine sites and the ICGLR status history they make (docs/audits.md).
 * Recording an audit that concludes a new status changes the site in the registry, appends the
 * change to the site's history and stores the audit, in one transaction.
 */
public interface AuditStore {

  /**
   * Stores the audit; when it concludes a status other than the site's, also changes the site's
   * status in the registry and appends the change to its history.
   *
   * @return the change made, or empty when the status stayed as it was
   * @throws IllegalArgumentException when the site is not registered
   */
  Optional<StatusChange> record(Audit audit);

  Optional<Audit> find(String id);

  /** Replaces a stored audit's corrective-action statuses (the only part that changes). */
  void updateActions(Audit audit);

  /** The site's audits, most recent audit date first. */
  List<Audit> ofSite(String siteId);

  /** The site's status changes, oldest first. */
  List<StatusChange> statusHistory(String siteId);

  /** Audits with at least one corrective action not done and past its deadline on {@code day}. */
  List<Audit> withOverdueActions(LocalDate day);
}
