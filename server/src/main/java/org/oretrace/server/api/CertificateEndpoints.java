package org.oretrace.server.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Instant;
import org.oretrace.core.custody.CustodyGraph;
import org.oretrace.core.custody.Lot;
import org.oretrace.store.Recorder;
import org.oretrace.store.certificate.CertificateReport;
import org.oretrace.store.certificate.CertificateVerifier;
import org.oretrace.store.certificate.ProvenanceCertificate;

/**
 * Provenance certificates of lots ({@link ProvenanceCertificate}): the JSON document to keep and
 * verify offline, and the same certificate as a page for people, checked by the server with the
 * same verifier an outsider runs, so that the page shows what the document proves and what it
 * cannot.
 */
final class CertificateEndpoints {

  private final Recorder recorder;
  private final CustodyGraph graph;

  CertificateEndpoints(Recorder recorder) {
    this.recorder = requireNonNull(recorder, "recorder is null");
    this.graph = recorder.graph();
  }

  void json(Context context) {
    ObjectNode certificate = issue(context);
    context.header(
        "Content-Disposition",
        "inline; filename=\"certificate-" + certificate.get("lot").textValue() + ".json\"");
    Responses.json(context, 200, certificate);
  }

  void html(Context context) {
    ObjectNode certificate = issue(context);
    CertificateReport report = CertificateVerifier.verify(certificate, null);
    context
        .status(200)
        .contentType("text/html; charset=utf-8")
        .result(CertificatePage.render(certificate, report));
  }

  private ObjectNode issue(Context context) {
    String id = context.pathParam("id");
    Lot lot =
        graph
            .lot(id)
            .or(() -> graph.liveLotByTag(id))
            .orElseThrow(() -> ApiProblem.notFound("lot", id));
    return ProvenanceCertificate.issue(recorder, lot.id(), Instant.now())
        .orElseThrow(() -> ApiProblem.notFound("lot", id));
  }
}
