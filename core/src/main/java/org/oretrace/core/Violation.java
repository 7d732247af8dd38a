package org.oretrace.core;

import static java.util.Objects.requireNonNull;

/**
 * One reason an input was refused: which item of a batch (its position, or -1 for the request as a
 * whole), which field (a JSON-pointer-like path such as {@code parts/1/massGrams}, or empty), and a
 * sentence the sender can act on.
 */
public record Violation(int item, String field, String message) {

  public Violation {
    requireNonNull(field, "field is null");
    requireNonNull(message, "message is null");
    if (item < -1) {
      throw new IllegalArgumentException("item must be -1 or a batch position, got " + item);
    }
  }

  public static Violation of(int item, String field, String message) {
    return new Violation(item, field, message);
  }

  @Override
  public String toString() {
    String where = item >= 0 ? "item " + item : "request";
    return field.isEmpty() ? where + ": " + message : where + ", " + field + ": " + message;
  }
}
