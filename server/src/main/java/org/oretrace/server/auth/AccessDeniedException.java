package org.oretrace.server.auth;

/**
 * A request refused for who sent it: either it carries no valid token ({@link #authenticated()} is
 * false, HTTP 401) or its token's role may not do what it asks (HTTP 403).
 */
public final class AccessDeniedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean authenticated;

  private AccessDeniedException(String message, boolean authenticated) {
    super(message);
    this.authenticated = authenticated;
  }

  static AccessDeniedException unauthenticated(String message) {
    return new AccessDeniedException(message, false);
  }

  public static AccessDeniedException forbidden(String message) {
    return new AccessDeniedException(message, true);
  }

  /** True when the caller was identified but its role is not allowed. */
  public boolean authenticated() {
    return authenticated;
  }
}
