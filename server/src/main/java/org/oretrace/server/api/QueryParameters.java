package org.oretrace.server.api;

import io.javalin.http.Context;
import java.util.function.Function;
import org.oretrace.store.PageRequest;

/** Reads query parameters, refusing a malformed one with 400 and the parameter's name. */
final class QueryParameters {

  static final int DEFAULT_LIMIT = 100;

  private QueryParameters() {}

  /** The page asked for by {@code offset} (default 0) and {@code limit} (default 100). */
  static PageRequest page(Context context) {
    long offset = wholeNumber(context, "offset", 0);
    long limit = wholeNumber(context, "limit", DEFAULT_LIMIT);
    if (offset < 0) {
      throw ApiProblem.badParameter("offset", "must not be negative");
    }
    if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
      throw ApiProblem.badParameter("limit", "must be 1 to " + PageRequest.MAX_LIMIT);
    }
    return new PageRequest(offset, (int) limit);
  }

  /**
   * An optional parameter converted by a parser that throws IllegalArgumentException for a bad
   * value (the enums' fromWireName, Country's constructor), or null when absent.
   */
  static <T> T optional(Context context, String name, Function<String, T> parser) {
    String value = text(context, name);
    if (value == null) {
      return null;
    }
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badParameter(name, e.getMessage());
    }
  }

  /** An optional text parameter, or null when absent or empty. */
  static String text(Context context, String name) {
    String value = context.queryParam(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** An optional whole-number parameter, or {@code fallback} when absent. */
  static long wholeNumber(Context context, String name, long fallback) {
    String value = text(context, name);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ApiProblem.badParameter(name, "must be a whole number, got '" + value + "'");
    }
  }
}
