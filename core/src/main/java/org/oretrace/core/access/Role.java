package org.oretrace.core.access;

import org.oretrace.core.registry.WireNames;

/**
 * What a user or machine token may do. Roles are ordered by what they may write: viewers and
 * analysts read; recorders (field officers, company data clerks) also record custody events;
 * investigators work cases; admins manage the registry and tokens.
 */
public enum Role {
  VIEWER,
  ANALYST,
  RECORDER,
  INVESTIGATOR,
  ADMIN;

  public String wireName() {
    return WireNames.of(this);
  }

  public static Role fromWireName(String name) {
    return WireNames.parse(Role.class, name);
  }
}
