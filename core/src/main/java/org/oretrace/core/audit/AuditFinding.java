package org.oretrace.core.audit;

import static java.util.Objects.requireNonNull;

/** One thing an auditor found at a site, with how grave it is. */
public record AuditFinding(String description, FindingSeverity severity) {

  public AuditFinding {
    description = Texts.require(description, "finding description", Texts.LONG);
    requireNonNull(severity, "severity is null");
  }
}
