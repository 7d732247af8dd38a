package org.oretrace.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.server.auth.AccessDeniedException;
import org.oretrace.server.auth.Authenticator.LoginRefusedException;
import org.oretrace.store.IdempotencyConflictException;
import org.oretrace.store.StoreUnavailableException;
import org.oretrace.store.UnknownWitnessException;
import org.oretrace.store.field.FieldBatchRefusedException;
import org.oretrace.store.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into an RFC 9457 problem ({@code application/problem+json}): type, title,
 * status, detail, the request path as instance, and an {@code errors} array of {@code {item, field,
 * message}} with every violation, so that a sender fixes a whole batch in one round trip. A client
 * never sees a stack trace: unexpected exceptions are logged here and answered 500.
 */
final class Problems {

  static final String MEDIA_TYPE = "application/problem+json";

  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  static void register(RoutesConfig routes) {
    routes.exception(
        InvalidInputException.class,
        (exception, context) -> {
          List<Violation> violations = exception.violations();
          write(context, ProblemType.INVALID_CONTENT, detail(violations), violations);
        });
    routes.exception(
        IdempotencyConflictException.class,
        (conflict, context) ->
            write(
                context,
                ProblemType.IDEMPOTENCY_KEY_REUSED,
                conflict.getMessage(),
                List.of(Violation.of(-1, "Idempotency-Key", conflict.getMessage()))));
    routes.exception(
        FieldBatchRefusedException.class,
        (refused, context) ->
            write(
                context,
                switch (refused.reason()) {
                  case UNKNOWN_DEVICE -> ProblemType.UNKNOWN_DEVICE;
                  case REVOKED_DEVICE -> ProblemType.REVOKED_DEVICE;
                  case BAD_SIGNATURE -> ProblemType.BAD_SIGNATURE;
                  case BATCH_ID_REUSED -> ProblemType.BATCH_ID_REUSED;
                },
                refused.getMessage(),
                List.of(Violation.of(-1, field(refused), refused.getMessage()))));
    routes.exception(
        UnknownWitnessException.class,
        (unknown, context) ->
            write(
                context,
                ProblemType.UNKNOWN_WITNESS,
                unknown.getMessage(),
                List.of(Violation.of(-1, "witnessKey", unknown.getMessage()))));
    routes.exception(
        StoreUnavailableException.class,
        (unavailable, context) ->
            write(context, ProblemType.STORE_UNAVAILABLE, unavailable.getMessage(), List.of()));
    routes.exception(
        ApiProblem.class,
        (problem, context) ->
            write(context, problem.type(), problem.getMessage(), problem.violations()));
    routes.exception(
        AccessDeniedException.class,
        (denied, context) -> {
          if (!denied.authenticated()) {
            context.header("WWW-Authenticate", "Bearer");
          }
          ProblemType type =
              denied.authenticated() ? ProblemType.FORBIDDEN : ProblemType.UNAUTHENTICATED;
          write(
              context,
              type,
              denied.getMessage(),
              List.of(Violation.of(-1, "Authorization", denied.getMessage())));
        });
    routes.exception(
        LoginRefusedException.class,
        (refused, context) -> {
          refused
              .retryAfter()
              .ifPresent(
                  until ->
                      context.header(
                          "Retry-After",
                          Long.toString(
                              Math.max(1, Duration.between(Instant.now(), until).toSeconds()))));
          write(
              context,
              refused.retryAfter().isPresent()
                  ? ProblemType.TOO_MANY_LOGINS
                  : ProblemType.LOGIN_FAILED,
              refused.getMessage(),
              List.of(Violation.of(-1, "password", refused.getMessage())));
        });
    routes.exception(
        HttpResponseException.class,
        (exception, context) -> {
          // Javalin's own refusals: unknown route, wrong method, body too large.
          HttpStatus status = HttpStatus.forStatus(exception.getStatus());
          write(
              context,
              exception.getStatus(),
              "about:blank",
              status.getMessage(),
              exception.getMessage(),
              List.of());
        });
    routes.exception(
        Exception.class,
        (exception, context) -> {
          LOG.error(
              "unexpected failure answering {} {}", context.method(), context.path(), exception);
          write(
              context,
              ProblemType.INTERNAL_ERROR,
              "an unexpected error occurred and was logged; nothing was written",
              List.of());
        });
  }

  private static String field(FieldBatchRefusedException refused) {
    return switch (refused.reason()) {
      case UNKNOWN_DEVICE, REVOKED_DEVICE -> "deviceId";
      case BAD_SIGNATURE -> "signature";
      case BATCH_ID_REUSED -> "batchId";
    };
  }

  static void write(Context context, ProblemType type, String detail, List<Violation> violations) {
    write(context, type.status(), type.uri(), type.title(), detail, violations);
  }

  private static void write(
      Context context,
      int status,
      String type,
      String title,
      String detail,
      List<Violation> violations) {
    ObjectNode body = Json.object();
    body.put("type", type);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.put("instance", context.path());
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
    context.status(status).contentType(MEDIA_TYPE).result(Json.bytes(body));
  }

  private static String detail(List<Violation> violations) {
    if (violations.size() == 1) {
      return violations.getFirst().toString();
    }
    long items =
        violations.stream().mapToInt(Violation::item).filter(item -> item >= 0).distinct().count();
    return violations.size()
        + " problems"
        + (items > 0 ? " in " + items + (items == 1 ? " item" : " items") : "")
        + "; see errors";
  }
}
