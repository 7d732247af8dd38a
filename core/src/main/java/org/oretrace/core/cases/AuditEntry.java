package org.oretrace.core.cases;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.oretrace.core.access.Role;

/**
 * One line of a case's append-only audit trail: who (the organisation and role of the token), when,
 * what (the action as requested), and from where (the client's address, when the deployment keeps
 * addresses). The sequence is the case's version after the action, so the opening is 1.
 *
 * @param clientAddress the address the request came from, or null when not kept
 */
public record AuditEntry(
    String caseId,
    long sequence,
    Instant at,
    String organisation,
    Role role,
    String clientAddress,
    CaseAction action) {

  public AuditEntry {
    requireNonNull(caseId, "caseId is null");
    requireNonNull(at, "at is null");
    requireNonNull(organisation, "organisation is null");
    requireNonNull(role, "role is null");
    requireNonNull(action, "action is null");
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be positive, got " + sequence);
    }
  }
}
