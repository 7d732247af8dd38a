package org.oretrace.server.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.oretrace.store.Recorder;
import org.oretrace.store.json.Json;

/** The service's own routes: health with counts, and the OpenAPI document. */
final class ServiceEndpoints {

  static final String OPENAPI_RESOURCE = "openapi.yaml";

  private final Recorder recorder;
  private final byte[] openApi;

  ServiceEndpoints(Recorder recorder) {
    this.recorder = requireNonNull(recorder, "recorder is null");
    this.openApi = openApiDocument();
  }

  /**
   * 200 with status ok, or 503 with status degraded and the reason while the store refuses writes
   * (reads still answer), so that a monitor sees it.
   */
  void health(Context context) {
    Optional<String> refusal = recorder.store().custody().refusingWrites();
    ObjectNode body =
        Json.object()
            .put("status", refusal.isPresent() ? "degraded" : "ok")
            .put("sites", recorder.store().registry().siteCount())
            .put("actors", recorder.store().registry().actorCount())
            .put("lots", recorder.graph().lotCount())
            .put("events", recorder.store().custody().eventCount());
    refusal.ifPresent(reason -> body.put("reason", reason));
    Responses.json(context, refusal.isPresent() ? 503 : 200, body);
  }

  void openApi(Context context) {
    context.status(200).contentType("application/yaml").result(openApi);
  }

  /** The hand-written OpenAPI 3.1 document, a resource beside this class. */
  static byte[] openApiDocument() {
    try (InputStream in = ServiceEndpoints.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + OPENAPI_RESOURCE + " is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
