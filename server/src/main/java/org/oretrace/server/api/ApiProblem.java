package org.oretrace.server.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.oretrace.core.Violation;

/**
 * A request the API refuses with a status other than 422, e.g. a body that is not JSON (400) or an
 * unknown id (404). Bad content is {@code InvalidInputException}; this type covers the rest.
 */
final class ApiProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ProblemType type;
  private final transient List<Violation> violations;

  ApiProblem(ProblemType type, String detail, List<Violation> violations) {
    super(requireNonNull(detail, "detail is null"));
    this.type = requireNonNull(type, "type is null");
    this.violations = List.copyOf(violations);
  }

  static ApiProblem badRequest(List<Violation> violations) {
    return new ApiProblem(
        ProblemType.BAD_REQUEST,
        violations.size() == 1 ? violations.getFirst().message() : "the request is malformed",
        violations);
  }

  static ApiProblem badParameter(String parameter, String message) {
    return badRequest(List.of(Violation.of(-1, parameter, message)));
  }

  static ApiProblem notFound(String what, String id) {
    return new ApiProblem(
        ProblemType.NOT_FOUND, "no " + what + " " + id, List.of(Violation.of(-1, "id", "unknown")));
  }

  ProblemType type() {
    return type;
  }

  List<Violation> violations() {
    return violations;
  }
}
