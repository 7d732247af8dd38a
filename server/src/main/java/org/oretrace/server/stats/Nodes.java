package org.oretrace.server.stats;

import org.oretrace.core.Country;

/** The ids of flow-diagram nodes: {@code site:<id>}, {@code actor:<id>}, {@code country:<code>}. */
final class Nodes {

  static final String SITE = "site:";
  static final String ACTOR = "actor:";
  static final String COUNTRY = "country:";

  private Nodes() {}

  static String site(String siteId) {
    return SITE + siteId;
  }

  static String actor(String actorId) {
    return ACTOR + actorId;
  }

  static String country(Country country) {
    return COUNTRY + country.code();
  }
}
