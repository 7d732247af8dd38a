package org.oretrace.store.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Merge;
import org.oretrace.core.custody.CustodyEvent.NewLot;
import org.oretrace.core.custody.CustodyEvent.Process;
import org.oretrace.core.custody.CustodyEvent.ProcessInput;
import org.oretrace.core.custody.CustodyEvent.ProcessOutput;
import org.oretrace.core.custody.CustodyEvent.Split;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.ledger.Checkpoint;
import org.oretrace.core.ledger.InclusionProof;
import org.oretrace.core.ledger.MerkleHash;
import org.oretrace.core.ledger.MerkleProofs;
import org.oretrace.core.ledger.SignedNote;
import org.oretrace.core.ledger.VerificationException;
import org.oretrace.core.ledger.VerifierKey;
import org.oretrace.store.json.EventJson;
import org.oretrace.store.json.Json;
import org.oretrace.store.ledger.LedgerEntries;

/**
 * Checks a provenance certificate offline, trusting nothing in it but what the log key signed. In
 * order: the key (the one given, or the certificate's own, which only proves consistency); the
 * checkpoint's signature; the seal over the whole document; then each event: its entry decodes as
 * an event, is in canonical form, and its inclusion proof leads to the checkpoint's root; finally
 * the lineage is rebuilt from the proven events alone: from the lot, through the events that
 * created each lot, to the tag events at mine sites, and compared with the certificate's summary.
 * Every failure is reported, not just the first, each saying what it means.
 */
public final class CertificateVerifier {

  private CertificateVerifier() {}

  /**
   * @param trustedKey the log's verifier key obtained out of band, or null to use the one in the
   *     certificate
   */
  public static CertificateReport verify(JsonNode certificate, VerifierKey trustedKey) {
    List<String> failures = new ArrayList<>();
    String lotId = text(certificate, "lot");
    if (!ProvenanceCertificate.FORMAT.equals(text(certificate, "format"))) {
      failures.add(
          "not a provenance certificate (format is not " + ProvenanceCertificate.FORMAT + ")");
      return new CertificateReport(
          lotId == null ? "?" : lotId,
          "?",
          trustedKey != null,
          -1,
          0,
          failures,
          List.of(),
          List.of());
    }
    VerifierKey key = trustedKey;
    try {
      VerifierKey named = VerifierKey.parse(String.valueOf(text(certificate, "verifierKey")));
      if (key == null) {
        key = named;
      } else if (!key.equals(named)) {
        failures.add(
            "the certificate names log key "
                + named
                + ", not the key you trust ("
                + key
                + "): it was not issued by that log");
      }
    } catch (IllegalArgumentException e) {
      failures.add("the certificate's verifier key is malformed: " + e.getMessage());
    }
    if (key == null) {
      return new CertificateReport(lotId, "?", false, -1, 0, failures, List.of(), List.of());
    }
    Checkpoint checkpoint = checkpoint(certificate, key, failures);
    checkSeal(certificate, key, lotId, checkpoint, failures);
    List<CustodyEvent> events = new ArrayList<>();
    JsonNode eventNodes = certificate.get("events");
    if (eventNodes == null || !eventNodes.isArray() || eventNodes.isEmpty()) {
      failures.add("the certificate holds no events");
    } else {
      long previousIndex = -1;
      for (JsonNode item : eventNodes) {
        CustodyEvent event = checkEvent(item, checkpoint, failures);
        long index = item.path("index").asLong(-1);
        if (index <= previousIndex) {
          failures.add("events are not in log order at index " + index);
        }
        previousIndex = index;
        if (event != null) {
          events.add(event);
        }
      }
    }
    List<String> origins = new ArrayList<>();
    List<String> custody = new ArrayList<>();
    if (lotId == null) {
      failures.add("the certificate names no lot");
    } else {
      checkLineage(certificate, lotId, events, failures, origins);
    }
    for (CustodyEvent event : events) {
      custody.add(describe(event));
    }
    return new CertificateReport(
        lotId == null ? "?" : lotId,
        key.name(),
        trustedKey != null,
        checkpoint == null ? -1 : checkpoint.size(),
        events.size(),
        failures,
        origins,
        custody);
  }

  private static Checkpoint checkpoint(
      JsonNode certificate, VerifierKey key, List<String> failures) {
    try {
      SignedNote note = SignedNote.parse(String.valueOf(text(certificate, "checkpoint")));
      note.verify(List.of(key));
      return Checkpoint.fromNoteBody(note.body());
    } catch (IllegalArgumentException | VerificationException e) {
      failures.add("the checkpoint is not validly signed by the log key: " + e.getMessage());
      return null;
    }
  }

  private static void checkSeal(
      JsonNode certificate,
      VerifierKey key,
      String lotId,
      Checkpoint checkpoint,
      List<String> failures) {
    SignedNote seal;
    try {
      seal = SignedNote.parse(String.valueOf(text(certificate, "seal")));
      seal.verify(List.of(key));
    } catch (IllegalArgumentException | VerificationException e) {
      failures.add(
          "the certificate's seal is missing or not signed by the log key: " + e.getMessage());
      return;
    }
    long size = checkpoint == null ? -1 : checkpoint.size();
    String expected =
        ProvenanceCertificate.statement(
            String.valueOf(lotId), size, ProvenanceCertificate.digest(certificate));
    if (!seal.body().equals(expected)) {
      failures.add(
          "the certificate was changed after it was issued: its content no longer matches the"
              + " digest the log key sealed (an event added, removed or edited, or the summary"
              + " changed)");
    }
  }

  private static CustodyEvent checkEvent(
      JsonNode item, Checkpoint checkpoint, List<String> failures) {
    long index = item.path("index").asLong(-1);
    String entry = text(item, "entry");
    if (index < 0 || entry == null) {
      failures.add("an event has no index or entry");
      return null;
    }
    CustodyEvent event;
    try {
      event = EventJson.decode(Json.parse(entry.getBytes(StandardCharsets.UTF_8)), 0);
    } catch (InvalidInputException e) {
      failures.add("the entry at log index " + index + " is not a valid event: " + e.getMessage());
      return null;
    }
    if (!LedgerEntries.encodeAsText(event).equals(entry)) {
      failures.add(
          "the entry of event " + event.id() + " (log index " + index + ") is not canonical JSON");
    }
    if (checkpoint == null) {
      return event;
    }
    try {
      List<MerkleHash> hashes = new ArrayList<>();
      item.path("proof").forEach(hash -> hashes.add(MerkleHash.fromBase64(hash.asText())));
      MerkleProofs.verifyInclusion(
          MerkleHash.ofLeaf(entry.getBytes(StandardCharsets.UTF_8)),
          new InclusionProof(index, checkpoint.size(), hashes),
          checkpoint.rootHash());
    } catch (IllegalArgumentException | VerificationException e) {
      failures.add(
          "event "
              + event.id()
              + " (log index "
              + index
              + ") is not what the signed log holds: its inclusion proof fails ("
              + e.getMessage()
              + "); the event or its proof was altered");
    }
    return event;
  }

  /** Rebuilds the lineage from the events and compares it with the certificate's summary. */
  private static void checkLineage(
      JsonNode certificate,
      String lotId,
      List<CustodyEvent> events,
      List<String> failures,
      List<String> origins) {
    Map<String, CustodyEvent> creators = new HashMap<>();
    for (CustodyEvent event : events) {
      for (String created : createdLots(event)) {
        creators.put(created, event);
      }
    }
    Set<String> reached = new LinkedHashSet<>();
    Set<String> originSites = new TreeSet<>();
    Deque<String> pending = new ArrayDeque<>(List.of(lotId));
    while (!pending.isEmpty()) {
      String lot = pending.removeFirst();
      if (!reached.add(lot)) {
        continue;
      }
      CustodyEvent creator = creators.get(lot);
      switch (creator) {
        case null ->
            failures.add(
                "lot "
                    + lot
                    + ": the event that created it is missing, so its origin is not shown");
        case Tag tag -> {
          originSites.add(tag.siteId());
          origins.add(
              "lot "
                  + tag.lotId()
                  + " (tag "
                  + tag.tagNumber()
                  + "): "
                  + tag.massGrams()
                  + " g of "
                  + tag.mineral().wireName()
                  + " tagged at site "
                  + tag.siteId()
                  + " by "
                  + tag.context().actorId()
                  + " on "
                  + tag.context().time());
        }
        case Split split -> pending.add(split.lotId());
        case Merge merge -> pending.addAll(merge.inputLotIds());
        case Process process ->
            process.inputs().stream().map(ProcessInput::lotId).forEach(pending::add);
        default -> failures.add("lot " + lot + " was created by an unexpected event");
      }
    }
    Set<String> summaryLots = new HashSet<>();
    certificate
        .path("lineage")
        .path("lots")
        .forEach(lot -> summaryLots.add(lot.path("id").asText()));
    Set<String> summarySites = new TreeSet<>();
    certificate
        .path("lineage")
        .path("origins")
        .forEach(origin -> summarySites.add(origin.path("site").asText()));
    if (!summaryLots.equals(reached)) {
      failures.add(
          "the lineage summary lists lots "
              + new TreeSet<>(summaryLots)
              + " but the events show "
              + new TreeSet<>(reached));
    }
    if (!summarySites.equals(originSites)) {
      failures.add(
          "the lineage summary names origin sites "
              + summarySites
              + " but the events show "
              + originSites);
    }
  }

  private static List<String> createdLots(CustodyEvent event) {
    return switch (event) {
      case Tag tag -> List.of(tag.lotId());
      case Split split -> split.parts().stream().map(NewLot::lotId).toList();
      case Merge merge -> List.of(merge.output().lotId());
      case Process process -> process.outputs().stream().map(ProcessOutput::lotId).toList();
      default -> List.of();
    };
  }

  private static String describe(CustodyEvent event) {
    return event.context().time()
        + "  "
        + event.type().wireName()
        + "  "
        + String.join(", ", event.lotIds())
        + "  by "
        + event.context().actorId()
        + " (recorded by "
        + event.context().recordedBy()
        + ")";
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || !value.isTextual() ? null : value.textValue();
  }
}
