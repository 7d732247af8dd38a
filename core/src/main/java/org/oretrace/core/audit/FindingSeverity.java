package org.oretrace.core.audit;

import org.oretrace.core.registry.WireNames;

/**
 * How grave an audit finding is: minor (a gap in records), major (a breach that corrective action
 * must close by a deadline), critical (an Annex II red flag such as armed-group taxation or the
 * worst forms of child labour, which normally makes the site red).
 */
public enum FindingSeverity {
  MINOR,
  MAJOR,
  CRITICAL;

  public String wireName() {
    return WireNames.of(this);
  }

  public static FindingSeverity fromWireName(String name) {
    return WireNames.parse(FindingSeverity.class, name);
  }
}
