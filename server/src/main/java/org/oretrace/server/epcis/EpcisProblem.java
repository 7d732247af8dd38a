package org.oretrace.server.epcis;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import org.oretrace.core.Violation;
import org.oretrace.store.json.Json;

/**
 * A refusal in the EPCIS REST binding's own terms: an RFC 9457 problem whose type is one of the
 * binding's {@code epcisException:...} names, with Oretrace's {@code errors} array of {@code {item,
 * field, message}} so that a sender fixes a whole document in one round trip.
 */
final class EpcisProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  static final String VALIDATION = "epcisException:ValidationException";
  static final String QUERY_PARAMETER = "epcisException:QueryParameterException";
  static final String NO_SUCH_RESOURCE = "epcisException:NoSuchResourceException";
  static final String NOT_ACCEPTABLE = "epcisException:NotAcceptableException";
  static final String UNSUPPORTED_MEDIA_TYPE = "epcisException:UnsupportedMediaTypeException";
  static final String RESOURCE_ALREADY_EXISTS = "epcisException:ResourceAlreadyExistsException";
  static final String NO_SUCH_NAME = "epcisException:NoSuchNameException";
  static final String SUBSCRIPTION_CONTROLS = "epcisException:SubscriptionControlsException";

  private final int status;
  private final String type;
  private final transient List<Violation> violations;

  EpcisProblem(int status, String type, String detail, List<Violation> violations) {
    super(requireNonNull(detail, "detail is null"));
    this.status = status;
    this.type = requireNonNull(type, "type is null");
    this.violations = List.copyOf(violations);
  }

  static EpcisProblem validation(List<Violation> violations) {
    String detail =
        violations.size() == 1
            ? violations.getFirst().toString()
            : violations.size() + " problems; see errors";
    return new EpcisProblem(400, VALIDATION, detail, violations);
  }

  static EpcisProblem queryParameter(String parameter, String message) {
    return new EpcisProblem(
        400,
        QUERY_PARAMETER,
        parameter + ": " + message,
        List.of(Violation.of(-1, parameter, message)));
  }

  static EpcisProblem noSuchResource(String what) {
    return new EpcisProblem(404, NO_SUCH_RESOURCE, "no " + what, List.of());
  }

  /** A query subscription's controls (destination, stream, schedule...) that cannot work. */
  static EpcisProblem subscriptionControls(String field, String message) {
    return new EpcisProblem(
        400,
        SUBSCRIPTION_CONTROLS,
        field + ": " + message,
        List.of(Violation.of(-1, field, message)));
  }

  /** An unknown named query. */
  static EpcisProblem noSuchName(String name) {
    return new EpcisProblem(404, NO_SUCH_NAME, "no query named " + name, List.of());
  }

  void write(Context context) {
    context
        .status(status)
        .contentType("application/problem+json")
        .result(Json.bytes(body(status, type, getMessage(), context.path(), violations)));
  }

  static ObjectNode body(
      int status, String type, String detail, String instance, List<Violation> violations) {
    ObjectNode body = Json.object();
    body.put("type", type);
    body.put("title", title(type));
    body.put("status", status);
    body.put("detail", detail);
    if (instance != null) {
      body.put("instance", instance);
    }
    ArrayNode errors = body.putArray("errors");
    for (Violation violation : violations) {
      ObjectNode error = errors.addObject();
      if (violation.item() >= 0) {
        error.put("item", violation.item());
      } else {
        error.putNull("item");
      }
      error.put("field", violation.field());
      error.put("message", violation.message());
    }
    return body;
  }

  private static String title(String type) {
    return switch (type) {
      case VALIDATION -> "The EPCIS document is invalid; nothing was stored";
      case QUERY_PARAMETER -> "A query parameter is invalid";
      case NO_SUCH_RESOURCE -> "Not found";
      case NOT_ACCEPTABLE -> "No acceptable representation";
      case UNSUPPORTED_MEDIA_TYPE -> "Unsupported media type";
      case RESOURCE_ALREADY_EXISTS -> "The resource exists already";
      case NO_SUCH_NAME -> "No query of that name";
      case SUBSCRIPTION_CONTROLS -> "The subscription's controls are invalid";
      default -> "EPCIS error";
    };
  }
}
