package org.oretrace.core.entities;

import org.oretrace.core.registry.WireNames;
import org.oretrace.core.screening.EntityType;

/** What a party behind an actor is: a natural person or a company (FollowTheMoney's schemas). */
public enum PartyKind {
  PERSON,
  COMPANY;

  public String wireName() {
    return WireNames.of(this);
  }

  public static PartyKind fromWireName(String name) {
    return WireNames.parse(PartyKind.class, name);
  }

  /** The entity type a screener qualifies a match with. */
  public EntityType screeningType() {
    return this == PERSON ? EntityType.PERSON : EntityType.ORGANISATION;
  }
}
