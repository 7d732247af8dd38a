package org.oretrace.core.community;

import org.oretrace.core.registry.WireNames;

/** Where a community report stands, as its reporter sees it. */
public enum ReportStatus {
  RECEIVED,
  UNDER_REVIEW,
  CLOSED;

  public String wireName() {
    return WireNames.of(this);
  }

  public static ReportStatus fromWireName(String name) {
    return WireNames.parse(ReportStatus.class, name);
  }
}
