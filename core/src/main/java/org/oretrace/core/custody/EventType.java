package org.oretrace.core.custody;

import org.oretrace.core.registry.WireNames;

/** The kinds of custody event, in the order a lot usually meets them. */
public enum EventType {
  TAG,
  TRANSFER,
  SHIP,
  RECEIVE,
  SPLIT,
  MERGE,
  PROCESS,
  ASSAY,
  EXPORT,
  IMPORT;

  public String wireName() {
    return WireNames.of(this);
  }

  public static EventType fromWireName(String name) {
    return WireNames.parse(EventType.class, name);
  }
}
