package org.oretrace.core.access;

import org.oretrace.core.registry.WireNames;

/**
 * What kind of body an organisation is; with its country (and, for a company, its actors) the type
 * decides what part of the custody record the organisation may see (docs/access.md).
 */
public enum OrganisationType {
  /** The mining regulator (ministry of mines, cadastre, the ICGLR focal point). */
  REGULATOR,
  /** The customs administration: declarations and what crosses its borders. */
  CUSTOMS,
  POLICE,
  ANTI_CORRUPTION,
  /** The financial-intelligence unit. */
  FIU,
  /** A third-party auditor of mine sites. */
  AUDITOR,
  /** A company in the supply chain (trader, comptoir, smelter, manufacturer). */
  COMPANY,
  /** A community or civil-society organisation near the mines. */
  COMMUNITY;

  /** The agencies that see the whole custody record of their country. */
  public boolean isCountryAgency() {
    return switch (this) {
      case REGULATOR, POLICE, ANTI_CORRUPTION, FIU -> true;
      default -> false;
    };
  }

  public String wireName() {
    return WireNames.of(this);
  }

  public static OrganisationType fromWireName(String name) {
    return WireNames.parse(OrganisationType.class, name);
  }
}
