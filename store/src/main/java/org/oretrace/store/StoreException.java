package org.oretrace.store;

/** A failure of the database itself (not of the input): disk full, file locked, corrupt file. */
public final class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
