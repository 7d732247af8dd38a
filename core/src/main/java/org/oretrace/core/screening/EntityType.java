package org.oretrace.core.screening;

/** What a watch-list entry or a screened name designates. */
public enum EntityType {
  PERSON,
  ORGANISATION,
  VESSEL,
  AIRCRAFT;

  /** True when a party of this type cannot be the same thing as one of the other type. */
  boolean conflictsWith(EntityType other) {
    return this != other;
  }
}
