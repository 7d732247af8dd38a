package org.oretrace.store.epcis;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A simple event query saved under a name (the REST binding's {@code /queries}).
 *
 * <p>Names are unique across the instance (so that the platform administrator reaches any query by
 * its name); the owner is the organisation that saved the query, which alone (with the platform
 * administrator) lists, reads and deletes it.
 *
 * @param name unique; 1 to 200 characters without {@code /}, so that it fits in a path
 * @param owner the organisation that saved it
 * @param parameters the query parameters as the client sent them, each name with an array of values
 *     (or one value), e.g. {@code {"eventType": ["ObjectEvent"], "EQ_bizStep": ["shipping"]}}
 * @param createdAt when it was saved
 */
public record NamedQuery(String name, String owner, ObjectNode parameters, Instant createdAt) {

  public static final int MAX_NAME_LENGTH = 200;

  public NamedQuery {
    requireNonNull(name, "name is null");
    requireNonNull(owner, "owner is null");
    requireNonNull(parameters, "parameters is null");
    requireNonNull(createdAt, "createdAt is null");
    if (!isValidName(name)) {
      throw new IllegalArgumentException("name must be 1 to 200 characters without / or ?");
    }
    parameters = parameters.deepCopy();
  }

  /** Whether a name may name a query. */
  public static boolean isValidName(String name) {
    return name != null
        && !name.isBlank()
        && name.length() <= MAX_NAME_LENGTH
        && name.chars()
            .noneMatch(c -> c == '/' || c == '?' || c == '#' || Character.isISOControl(c));
  }

  @Override
  public ObjectNode parameters() {
    return parameters.deepCopy();
  }
}
