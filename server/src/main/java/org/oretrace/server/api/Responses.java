package org.oretrace.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.function.Function;
import org.oretrace.core.InvalidInputException;
import org.oretrace.store.Page;
import org.oretrace.store.PageRequest;
import org.oretrace.store.json.Json;

/** Reading request bodies and writing JSON answers, the same way for every route. */
final class Responses {

  static final String JSON = "application/json";

  private Responses() {}

  static void json(Context context, int status, JsonNode body) {
    context.status(status).contentType(JSON).result(Json.bytes(body));
  }

  /** Parses the body as JSON; text that is not JSON is a bad request (400), not bad content. */
  static JsonNode parseBody(byte[] body) {
    if (body.length == 0) {
      throw ApiProblem.badParameter("", "the request has no body; send JSON");
    }
    try {
      return Json.parse(body);
    } catch (InvalidInputException e) {
      throw ApiProblem.badRequest(e.violations());
    }
  }

  /** {@code {"items": [...], "offset": n, "limit": n, "total": n}}. */
  static <T> ObjectNode page(Page<T> page, PageRequest request, Function<T, JsonNode> encoder) {
    ObjectNode body = Json.object();
    ArrayNode items = body.putArray("items");
    page.items().forEach(item -> items.add(encoder.apply(item)));
    body.put("offset", page.offset());
    body.put("limit", request.limit());
    body.put("total", page.total());
    return body;
  }
}
