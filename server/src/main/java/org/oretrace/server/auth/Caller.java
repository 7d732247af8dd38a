package org.oretrace.server.auth;

import static java.util.Objects.requireNonNull;

import org.oretrace.core.access.Role;

/** An authenticated caller: the organisation its token acts for, and its role. */
public record Caller(String organisation, Role role) {

  public Caller {
    requireNonNull(organisation, "organisation is null");
    requireNonNull(role, "role is null");
  }
}
