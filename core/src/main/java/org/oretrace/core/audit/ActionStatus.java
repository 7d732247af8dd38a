package org.oretrace.core.audit;

import org.oretrace.core.registry.WireNames;

/** Where a corrective action stands: open, in progress, or done (closed by the auditor). */
public enum ActionStatus {
  OPEN,
  IN_PROGRESS,
  DONE;

  public String wireName() {
    return WireNames.of(this);
  }

  public static ActionStatus fromWireName(String name) {
    return WireNames.parse(ActionStatus.class, name);
  }
}
