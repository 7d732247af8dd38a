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

  // Worked out once: the capture path writes it for every event it encodes.
  private final String wireName;

  EventType() {
    this.wireName = WireNames.of(this);
  }

  public String wireName() {
    return wireName;
  }

  public static EventType fromWireName(String name) {
    return WireNames.parse(EventType.class, name);
  }
}
