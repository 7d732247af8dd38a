package org.oretrace.core.entities;

import org.oretrace.core.registry.WireNames;

/** How a party stands behind an actor or a company. */
public enum RelationKind {
  /** Holds a share of it (FollowTheMoney Ownership: owner, asset, percentage). */
  OWNERSHIP,
  /**
   * Directs it: director, officer, manager (FollowTheMoney Directorship: director, organization).
   */
  DIRECTORSHIP;

  public String wireName() {
    return WireNames.of(this);
  }

  public static RelationKind fromWireName(String name) {
    return WireNames.parse(RelationKind.class, name);
  }
}
