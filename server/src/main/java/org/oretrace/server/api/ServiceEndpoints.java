package org.oretrace.server.api;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

  void health(Context context) {
    Responses.json(
        context,
        200,
        Json.object()
            .put("status", "ok")
            .put("sites", recorder.store().registry().siteCount())
            .put("actors", recorder.store().registry().actorCount())
            .put("lots", recorder.graph().lotCount())
            .put("events", recorder.store().custody().eventCount()));
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
