package org.oretrace.server.epcis;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Consumer;
import org.oretrace.core.Violation;
import org.oretrace.server.auth.AccessPolicy;
import org.oretrace.server.auth.AccessPolicy.Action;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.Caller;
import org.oretrace.server.epcis.EpcisDocuments.Captured;
import org.oretrace.store.epcis.CaptureJob;
import org.oretrace.store.epcis.EpcisCapture;
import org.oretrace.store.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EPCIS capture interface: {@code POST /epcis/capture} answers 202 with the job's location;
 * {@code GET /epcis/capture/{captureID}} and {@code GET /epcis/capture} report jobs. A document
 * that is not EPCIS (bad JSON or XML, schema violations) is refused at once with 400 and the
 * binding's ValidationException; a valid document whose events break custody rules gives a failed
 * job. Either way nothing is stored (the schema check runs while the events are mapped, and the
 * capture waits for it before writing). The job runs before the answer is sent, so the location
 * already reports the final state (running=false); only the binding's rollback behaviour is
 * offered.
 */
final class CaptureEndpoints {

  private static final Logger LOG = LoggerFactory.getLogger(CaptureEndpoints.class);

  private final EpcisCapture capture;
  private final Authenticator authenticator;
  private final EpcisDocuments documents = new EpcisDocuments();
  private final Consumer<List<String>> afterCapture;

  /**
   * @param afterCapture told the eventIDs of each successful capture (stream subscriptions)
   */
  CaptureEndpoints(
      EpcisCapture capture, Authenticator authenticator, Consumer<List<String>> afterCapture) {
    this.capture = requireNonNull(capture, "capture is null");
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.afterCapture = requireNonNull(afterCapture, "afterCapture is null");
  }

  void capture(Context context) {
    Caller caller = authenticator.authenticate(context);
    AccessPolicy.require(caller, Action.CAPTURE_EPCIS);
    String behaviour = context.header("GS1-Capture-Error-Behaviour");
    if (behaviour != null && !behaviour.equalsIgnoreCase("rollback")) {
      throw EpcisProblem.validation(
          List.of(
              Violation.of(
                  -1,
                  "GS1-Capture-Error-Behaviour",
                  "only rollback is offered, got " + behaviour)));
    }
    Captured captured = documents.read(context.bodyAsBytes(), context.contentType());
    long started = System.nanoTime();
    CaptureJob job =
        capture.capture(
            captured.context(),
            captured.events(),
            "epcis:" + caller.organisation(),
            captured::requireValid);
    LOG.info(
        "EPCIS capture {} of {} events for {}: {} in {} ms",
        job.captureId(),
        job.eventCount(),
        caller.organisation(),
        job.success() ? "stored" : "refused (" + job.errors().size() + " errors)",
        (System.nanoTime() - started) / 1_000_000);
    if (job.success()) {
      afterCapture.accept(
          captured.events().stream().map(event -> event.get("eventID").asText()).toList());
    }
    context.header("Location", EpcisRoutes.PREFIX + "/capture/" + job.captureId());
    context.header("GS1-EPCIS-Version", "2.0.0");
    context.status(202).contentType("application/json").result(Json.bytes(encode(job)));
  }

  void job(Context context) {
    AccessPolicy.require(authenticator.authenticate(context), Action.CAPTURE_EPCIS);
    String id = context.pathParam("captureID");
    CaptureJob job =
        capture
            .store()
            .captureJob(id)
            .orElseThrow(() -> EpcisProblem.noSuchResource("capture job " + id));
    context.contentType("application/json").result(Json.bytes(encode(job)));
  }

  void jobs(Context context) {
    AccessPolicy.require(authenticator.authenticate(context), Action.CAPTURE_EPCIS);
    Paging paging = Paging.of(context);
    List<CaptureJob> jobs = capture.store().captureJobs(paging.offset(), paging.perPage() + 1);
    context
        .contentType("application/json")
        .result(Json.bytes(paging.page(context, jobs, CaptureEndpoints::encode)));
  }

  static ObjectNode encode(CaptureJob job) {
    ObjectNode body = Json.object();
    body.put("captureID", job.captureId());
    body.put("createdAt", job.createdAt().toString());
    if (job.finishedAt() != null) {
      body.put("finishedAt", job.finishedAt().toString());
    }
    body.put("running", job.running());
    body.put("success", job.success());
    body.put("captureErrorBehaviour", "rollback");
    body.put("eventCount", job.eventCount());
    ArrayNode errors = body.putArray("errors");
    for (Violation violation : job.errors()) {
      ObjectNode error =
          EpcisProblem.body(
              400, EpcisProblem.VALIDATION, violation.toString(), null, List.of(violation));
      error.remove("errors");
      if (violation.item() >= 0) {
        error.put("item", violation.item());
      }
      error.put("field", violation.field());
      error.put("message", violation.message());
      errors.add(error);
    }
    return body;
  }
}
