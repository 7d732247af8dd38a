package org.oretrace.server.auth;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.oretrace.core.access.Organisation;
import org.oretrace.core.access.Role;

/**
 * An authenticated caller: the organisation its token or session acts for, its role, the
 * organisation's registration (its type, country and actors, which decide what it may see), and the
 * user, when a person logged in rather than a machine token.
 *
 * @param registration the registered organisation, or null for the platform administrator (the
 *     start-up token) and for tokens of organisations not (yet) in the register, which see no
 *     custody record
 * @param username the logged-in user, or null for an API token
 */
public record Caller(String organisation, Role role, Organisation registration, String username) {

  public Caller {
    requireNonNull(organisation, "organisation is null");
    requireNonNull(role, "role is null");
    if (registration != null && !registration.id().equals(organisation)) {
      throw new IllegalArgumentException(
          "the registration is of " + registration.id() + ", not " + organisation);
    }
  }

  /** A token's caller whose organisation is not in the register. */
  public Caller(String organisation, Role role) {
    this(organisation, role, null, null);
  }

  /** The caller of the start-up admin token: the operator of this Oretrace instance. */
  public static Caller platformAdministrator() {
    return new Caller(Authenticator.ADMIN_ORGANISATION, Role.ADMIN);
  }

  /** Whether this is the operator of the instance, who sees and manages everything. */
  public boolean isPlatform() {
    return registration == null && organisation.equals(Authenticator.ADMIN_ORGANISATION);
  }

  public Optional<Organisation> registered() {
    return Optional.ofNullable(registration);
  }
}
