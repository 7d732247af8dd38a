package org.oretrace.store.certificate;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.TreeMap;
import org.oretrace.core.custody.LineageEdge;
import org.oretrace.core.custody.Trace;
import org.oretrace.core.ledger.Checkpoint;
import org.oretrace.core.ledger.InclusionProof;
import org.oretrace.core.ledger.SignedNote;
import org.oretrace.core.lineage.Direction;
import org.oretrace.core.registry.Site;
import org.oretrace.store.CustodyStore.StoredEvent;
import org.oretrace.store.Ledger;
import org.oretrace.store.Recorder;
import org.oretrace.store.json.Json;
import org.oretrace.store.ledger.LedgerEntries;

/**
 * Issues provenance certificates (docs/field-capture.md, "Provenance certificates"): for one lot, a
 * self-contained JSON document that anyone can check offline with {@link CertificateVerifier}.
 *
 * <p>It holds the lot's upstream lineage down to the lots tagged at mine sites, every event on
 * those lots as its canonical ledger entry with an RFC 9162 inclusion proof against one signed
 * checkpoint (the latest when issued), the log's verifier key, the registry's description of the
 * origin sites, and a seal: the log key's signature over the SHA-256 of all of the above. The
 * proofs show that each event is, byte for byte, what the log recorded; the seal shows that no
 * event was left out or added since the server issued the document. All proofs use one checkpoint
 * read before the events, so events recorded while issuing (beyond its size) are left out, never
 * proven against a root that does not hold them.
 */
public final class ProvenanceCertificate {

  /** The value of the {@code format} member. */
  public static final String FORMAT = "oretrace-provenance-certificate/1";

  private ProvenanceCertificate() {}

  /** Issues the certificate of a lot, or empty when the lot is unknown. */
  public static Optional<ObjectNode> issue(Recorder recorder, String lotId, Instant now) {
    requireNonNull(recorder, "recorder is null");
    requireNonNull(lotId, "lotId is null");
    Ledger ledger = recorder.store().ledger();
    SignedNote checkpointNote = ledger.latestCheckpoint();
    Checkpoint checkpoint = Checkpoint.fromNoteBody(checkpointNote.body());
    Optional<Trace> found = recorder.graph().trace(lotId, Direction.UPSTREAM);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Trace trace = found.get();
    ObjectNode certificate = Json.object();
    certificate.put("format", FORMAT);
    certificate.put("lot", lotId);
    certificate.put("issuedAt", now.toString());
    certificate.put("verifierKey", ledger.verifierKey().toString());
    certificate.put("checkpoint", checkpointNote.serialize());
    certificate.set("lineage", lineage(trace));
    certificate.set("sites", sites(recorder, trace));
    TreeMap<Long, StoredEvent> events = new TreeMap<>();
    for (Trace.Node node : trace.lots()) {
      for (StoredEvent stored : recorder.store().custody().eventsOfLot(node.lot().id())) {
        if (stored.sequence() < checkpoint.size()) {
          events.put(stored.sequence(), stored);
        }
      }
    }
    ArrayNode eventArray = certificate.putArray("events");
    for (StoredEvent stored : events.values()) {
      InclusionProof proof = ledger.inclusionProof(stored.sequence(), checkpoint.size());
      ObjectNode item = eventArray.addObject();
      item.put("index", stored.sequence());
      item.put("entry", LedgerEntries.encodeAsText(stored.event()));
      ArrayNode hashes = item.putArray("proof");
      proof.hashes().forEach(hash -> hashes.add(hash.toBase64()));
    }
    String statement = statement(lotId, checkpoint.size(), digest(certificate));
    certificate.put("seal", ledger.sealStatement(statement).serialize());
    return Optional.of(certificate);
  }

  private static ObjectNode lineage(Trace trace) {
    ObjectNode lineage = Json.object();
    ArrayNode lots = lineage.putArray("lots");
    for (Trace.Node node : trace.lots()) {
      ObjectNode lot =
          lots.addObject()
              .put("id", node.lot().id())
              .put("tagNumber", node.lot().tagNumber())
              .put("mineral", node.lot().mineral().wireName())
              .put("massGrams", node.lot().massGrams())
              .put("depth", node.depth());
      if (node.lot().originSiteId() != null) {
        lot.put("originSite", node.lot().originSiteId());
      }
    }
    ArrayNode edges = lineage.putArray("edges");
    for (LineageEdge edge : trace.edges()) {
      edges
          .addObject()
          .put("from", edge.fromLotId())
          .put("to", edge.toLotId())
          .put("massGrams", edge.massGrams())
          .put("event", edge.eventId());
    }
    ArrayNode origins = lineage.putArray("origins");
    for (Trace.Node node : trace.endpoints()) {
      if (node.lot().originSiteId() != null) {
        origins.addObject().put("lot", node.lot().id()).put("site", node.lot().originSiteId());
      }
    }
    return lineage;
  }

  private static ArrayNode sites(Recorder recorder, Trace trace) {
    ArrayNode sites = Json.array();
    trace.endpoints().stream()
        .map(node -> node.lot().originSiteId())
        .filter(id -> id != null)
        .distinct()
        .sorted()
        .forEach(
            id -> {
              Optional<Site> site = recorder.store().registry().site(id);
              ObjectNode item = sites.addObject().put("id", id);
              site.ifPresent(
                  found ->
                      item.put("name", found.name())
                          .put("country", found.country().code())
                          .put("icglrStatus", found.icglrStatus().wireName()));
            });
    return sites;
  }

  /** The statement the seal signs. */
  static String statement(String lotId, long checkpointSize, String digest) {
    return Ledger.STATEMENT_PREFIX
        + "provenance-certificate\n"
        + "lot "
        + lotId
        + "\ncheckpoint "
        + checkpointSize
        + "\nsha256 "
        + digest
        + "\n";
  }

  /** Base64 SHA-256 of the canonical JSON of the certificate without its seal. */
  static String digest(JsonNode certificate) {
    ObjectNode unsealed = certificate.deepCopy();
    unsealed.remove("seal");
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(LedgerEntries.encode(unsealed));
      return Base64.getEncoder().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
