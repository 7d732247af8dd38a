package org.oretrace.store;

/** Which page of a listing to return: skip {@code offset} items, return at most {@code limit}. */
public record PageRequest(long offset, int limit) {

  public static final int MAX_LIMIT = 1000;

  public PageRequest {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, got " + offset);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", got " + limit);
    }
  }

  public static PageRequest first(int limit) {
    return new PageRequest(0, limit);
  }
}
