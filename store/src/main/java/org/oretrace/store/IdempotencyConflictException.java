package org.oretrace.store;

/**
 * An idempotency key was sent again with a different request: the sender must use a new key.
 * Nothing was written. Distinct from bad input, since the request itself may be fine.
 */
public final class IdempotencyConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String key;

  public IdempotencyConflictException(String key) {
    super("idempotency key " + key + " was already used for a different request; use a new key");
    this.key = key;
  }

  public String key() {
    return key;
  }
}
