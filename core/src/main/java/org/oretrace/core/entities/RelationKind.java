package org.oretrace.core.entities;

import org.oretrace.core.registry.WireNames;

/**
 * How a party stands to an actor, a company or another party. Ownership and directorship are an
 * actor's or company's owners and directors, replaced together; payments and family or associate
 * links are recorded one by one and ended with a last day rather than deleted.
 */
public enum RelationKind {
  /** Holds a share of it (FollowTheMoney Ownership: owner, asset, percentage). */
  OWNERSHIP,
  /**
   * Directs it: director, officer, manager (FollowTheMoney Directorship: director, organization).
   */
  DIRECTORSHIP,
  /**
   * Paid it (FollowTheMoney Payment: payer, beneficiary, amount, currency): between actors and
   * parties in either direction.
   */
  PAYMENT,
  /** A relative (FollowTheMoney Family: person, relative, relationship): between persons. */
  FAMILY,
  /**
   * A business or personal associate (FollowTheMoney Associate: person, associate, relationship):
   * between persons.
   */
  ASSOCIATE;

  public String wireName() {
    return WireNames.of(this);
  }

  public static RelationKind fromWireName(String name) {
    return WireNames.parse(RelationKind.class, name);
  }

  /** Whether it is an owner or a director, which {@code PUT .../owners} replaces as a whole. */
  public boolean ownsOrDirects() {
    return this == OWNERSHIP || this == DIRECTORSHIP;
  }

  /** Whether both ends must be persons (family and associates). */
  public boolean betweenPersons() {
    return this == FAMILY || this == ASSOCIATE;
  }
}
