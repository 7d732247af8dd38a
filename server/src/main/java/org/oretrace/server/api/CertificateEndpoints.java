package org.oretrace.server.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Instant;
import org.oretrace.core.custody.CustodyGraph;
import org.oretrace.core.custody.Lot;
import org.oretrace.core.lineage.Direction;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.NeedToKnow;
import org.oretrace.server.auth.Scope;
import org.oretrace.store.CustodyStore.StoredEvent;
import org.oretrace.store.Recorder;
import org.oretrace.store.certificate.CertificateReport;
import org.oretrace.store.certificate.CertificateVerifier;
import org.oretrace.store.certificate.ProvenanceCertificate;

/**
 * Provenance certificates of lots ({@link ProvenanceCertificate}): the JSON document to keep and
 * verify offline, and the same certificate as a page for people, checked by the server with the
 * same verifier an outsider runs, so that the page shows what the document proves and what it
 * cannot. A certificate shows a lot's whole upstream lineage with every event on it, so it is
 * issued only to callers whose {@link Scope} holds all of them.
 */
final class CertificateEndpoints {

  private final Recorder recorder;
  private final CustodyGraph graph;
  private final Authenticator authenticator;
  private final NeedToKnow needToKnow;

  CertificateEndpoints(Recorder recorder, Authenticator authenticator, NeedToKnow needToKnow) {
    this.recorder = requireNonNull(recorder, "recorder is null");
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.needToKnow = requireNonNull(needToKnow, "needToKnow is null");
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
    Scope scope = needToKnow.scope(authenticator.authenticate(context));
    String id = context.pathParam("id");
    Lot lot =
        graph
            .lot(id)
            .or(() -> graph.liveLotByTag(id))
            .filter(found -> wholeLineageInScope(found.id(), scope))
            .orElseThrow(() -> ApiProblem.notFound("lot", id));
    return ProvenanceCertificate.issue(recorder, lot.id(), Instant.now())
        .orElseThrow(() -> ApiProblem.notFound("lot", id));
  }

  private boolean wholeLineageInScope(String lotId, Scope scope) {
    if (scope.everything()) {
      return true;
    }
    for (String upstream : graph.reach(lotId, Direction.UPSTREAM).orElseThrow()) {
      if (!scope.seesLot(upstream)) {
        return false;
      }
      for (StoredEvent stored : recorder.store().custody().eventsOfLot(upstream)) {
        if (!scope.seesEvent(stored.event().context().id())) {
          return false;
        }
      }
    }
    return true;
  }
}
