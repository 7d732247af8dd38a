package org.oretrace.core.cases;

import org.oretrace.core.registry.WireNames;

/**
 * Where a case stands: opened, under investigation, referred to another body (a prosecutor, a
 * court, a foreign agency), or closed with an outcome. Any state may follow any other except
 * itself; closing needs an outcome, and a closed case is reopened by moving it to another state.
 */
public enum CaseState {
  OPEN,
  INVESTIGATING,
  REFERRED,
  CLOSED;

  public String wireName() {
    return WireNames.of(this);
  }

  public static CaseState fromWireName(String name) {
    return WireNames.parse(CaseState.class, name);
  }
}
