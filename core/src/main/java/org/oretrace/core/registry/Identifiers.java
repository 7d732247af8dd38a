package org.oretrace.core.registry;

import java.util.regex.Pattern;

/**
 * The rule every Oretrace identifier follows (sites, actors, lots, events, tags): 1 to 128
 * printable characters without spaces, so that ids are safe in URLs, CSV and log lines. GS1 URIs
 * (urn:epc:id:sgtin:..., https://id.gs1.org/...) fit the rule.
 */
public final class Identifiers {

  private static final Pattern ID = Pattern.compile("[\\x21-\\x7E]{1,128}");

  private Identifiers() {}

  public static boolean isValid(String id) {
    return id != null && ID.matcher(id).matches();
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
