package org.oretrace.core.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.oretrace.core.registry.IcglrStatus;
import org.oretrace.core.registry.Identifiers;

/**
 * One step of a site's ICGLR status history: from what to what, when, and the audit that decided
 * it. The history is append-only; the site's current status is the latest step's {@code to}.
 *
 * @param from the status before, as registered
 * @param auditId the audit whose result this is
 */
public record StatusChange(
    String siteId, IcglrStatus from, IcglrStatus to, Instant at, String auditId) {

  public StatusChange {
    Identifiers.requireId(siteId, "site");
    requireNonNull(from, "from is null");
    requireNonNull(to, "to is null");
    requireNonNull(at, "at is null");
    Identifiers.requireId(auditId, "audit");
  }
}
