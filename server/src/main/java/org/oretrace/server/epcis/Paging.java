package org.oretrace.server.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.oretrace.store.json.Json;

/**
 * The REST binding's paging: {@code perPage} (default 30, at most 1000) and an opaque {@code
 * nextPageToken}, announced in a {@code Link: <...>; rel="next"} header. The token is the offset of
 * the next page, encoded; clients must not read anything into it.
 */
record Paging(long offset, int perPage) {

  static final int DEFAULT_PER_PAGE = 30;
  static final int MAX_PER_PAGE = 1000;

  static Paging of(Context context) {
    int perPage = DEFAULT_PER_PAGE;
    String perPageText = context.queryParam("perPage");
    if (perPageText != null) {
      try {
        perPage = Integer.parseInt(perPageText.strip());
      } catch (NumberFormatException e) {
        throw EpcisProblem.queryParameter("perPage", "must be a whole number");
      }
      if (perPage < 1 || perPage > MAX_PER_PAGE) {
        throw EpcisProblem.queryParameter("perPage", "must be 1 to " + MAX_PER_PAGE);
      }
    }
    long offset = 0;
    String token = context.queryParam("nextPageToken");
    if (token != null) {
      try {
        String decoded =
            new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
        if (!decoded.startsWith("o:")) {
          throw new IllegalArgumentException("not a page token");
        }
        offset = Long.parseLong(decoded.substring(2));
      } catch (IllegalArgumentException e) {
        throw EpcisProblem.queryParameter("nextPageToken", "not a token this server gave");
      }
    }
    return new Paging(offset, perPage);
  }

  String nextToken() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("o:" + (offset + perPage)).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * This page of {@code found}, read with one item more than a page so that the item beyond tells
   * another page follows, as a JSON array; links the next page when one does.
   */
  <T> ArrayNode page(Context context, List<T> found, Function<T, ? extends JsonNode> encoder) {
    ArrayNode body = Json.array();
    found.stream().limit(perPage).forEach(item -> body.add(encoder.apply(item)));
    if (found.size() > perPage) {
      linkNext(context);
    }
    return body;
  }

  /** Sets the Link header to the same request with the next page's token. */
  void linkNext(Context context) {
    StringBuilder query = new StringBuilder();
    context
        .queryParamMap()
        .forEach(
            (name, values) -> {
              if (!name.equals("nextPageToken")) {
                for (String value : values) {
                  query
                      .append(query.isEmpty() ? "" : "&")
                      .append(encode(name))
                      .append('=')
                      .append(encode(value));
                }
              }
            });
    query.append(query.isEmpty() ? "" : "&").append("nextPageToken=").append(nextToken());
    context.header("Link", "<" + context.path() + "?" + query + ">; rel=\"next\"");
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
