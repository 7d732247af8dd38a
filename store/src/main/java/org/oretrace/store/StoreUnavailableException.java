package org.oretrace.store;

/**
 * The store refuses writes until it is repaired: the database and the custody graph in memory
 * disagree (a lot row deleted behind the store's back), so nothing more can be written that would
 * be right. Nothing of the refused request was written. Distinct from {@link StoreException}, a
 * failure of one write, since every later write would fail the same way: the API answers 503 and
 * health says the store is degraded, with this message.
 */
public final class StoreUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message) {
    super(message);
  }
}
