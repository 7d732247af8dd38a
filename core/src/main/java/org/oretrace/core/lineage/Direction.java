package org.oretrace.core.lineage;

import org.oretrace.core.registry.WireNames;

/** Which way a trace follows the custody graph: to the mines, or to the buyers. */
public enum Direction {
  UPSTREAM,
  DOWNSTREAM;

  public String wireName() {
    return WireNames.of(this);
  }

  public static Direction fromWireName(String name) {
    return WireNames.parse(Direction.class, name);
  }
}
