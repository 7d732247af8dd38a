package org.oretrace.core.custody;

import org.oretrace.core.registry.WireNames;

/** Where a lot stands in its life. Only held and in-transit lots are live. */
public enum LotState {
  /** With its holder. */
  HELD,
  /** Shipped, not yet received. */
  IN_TRANSIT,
  /** Exported across a border; only an import or an assay may follow. */
  EXPORTED,
  /** Split, merged or processed into other lots; nothing may follow. */
  CONSUMED;

  public boolean live() {
    return this == HELD || this == IN_TRANSIT;
  }

  public String wireName() {
    return WireNames.of(this);
  }

  public static LotState fromWireName(String name) {
    return WireNames.parse(LotState.class, name);
  }
}
