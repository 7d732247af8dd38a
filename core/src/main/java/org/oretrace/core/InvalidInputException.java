package org.oretrace.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one error type for bad input anywhere in Oretrace: it carries every violation found, so a
 * sender fixes a batch in one round trip. Whoever throws it guarantees that nothing was written.
 */
public final class InvalidInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  public InvalidInputException(List<Violation> violations) {
    super(summarise(violations));
    this.violations = List.copyOf(violations);
  }

  public InvalidInputException(Violation violation) {
    this(List.of(violation));
  }

  public static InvalidInputException of(String field, String message) {
    return new InvalidInputException(Violation.of(-1, field, message));
  }

  public List<Violation> violations() {
    return violations;
  }

  private static String summarise(List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an InvalidInputException needs at least one violation");
    }
    String first =
        violations.stream().limit(3).map(Violation::toString).collect(Collectors.joining("; "));
    int more = violations.size() - 3;
    return more > 0 ? first + "; and " + more + " more" : first;
  }
}
