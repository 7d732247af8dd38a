package org.oretrace.core.registry;

/**
 * The rule every Oretrace identifier follows (sites, actors, lots, events, tags): 1 to 128
 * printable characters without spaces, so that ids are safe in URLs, CSV and log lines. GS1 URIs
 * (urn:epc:id:sgtin:..., https://id.gs1.org/...) fit the rule.
 */
public final class Identifiers {

  private static final int MAX_LENGTH = 128;

  private Identifiers() {}

  public static boolean isValid(String id) {
    // A loop rather than a regular expression: ids are checked on every lot a trace returns.
    if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
      return false;
    }
    for (int index = 0; index < id.length(); index++) {
      char character = id.charAt(index);
      if (character < 0x21 || character > 0x7E) {
        return false;
      }
    }
    return true;
  }

  /** Throws IllegalArgumentException naming the field when the id is not valid. */
  public static String requireId(String id, String field) {
    if (!isValid(id)) {
      throw new IllegalArgumentException(
          field + " must be 1 to 128 printable characters without spaces, got '" + id + "'");
    }
    return id;
  }
}
