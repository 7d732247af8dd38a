package org.oretrace.server.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.oretrace.core.ledger.Checkpoint;
import org.oretrace.core.ledger.ConsistencyProof;
import org.oretrace.core.ledger.Cosignature;
import org.oretrace.core.ledger.InclusionProof;
import org.oretrace.core.ledger.MerkleHash;
import org.oretrace.core.ledger.SignedNote;
import org.oretrace.core.ledger.WitnessKey;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.NeedToKnow;
import org.oretrace.server.auth.Scope;
import org.oretrace.store.CustodyStore;
import org.oretrace.store.CustodyStore.StoredEvent;
import org.oretrace.store.Ledger;
import org.oretrace.store.Recorder;
import org.oretrace.store.RegistryStore;
import org.oretrace.store.json.Json;
import org.oretrace.store.ledger.LedgerRecords;

/**
 * The verifiable ledger, read-only: the signed checkpoint and the log's public key as text and
 * consistency proofs, open to anyone (they reveal no record, and outsiders must be able to check
 * the log); inclusion proofs and the entries themselves, which carry events and records, only for
 * what the caller may read ({@link #sees}; other entries are listed with their index only, as
 * redacted ones). Hashes and entries are standard padded base64, as in checkpoints; docs/ledger.md
 * says how to check each answer.
 */
final class LedgerEndpoints {

  static final String TEXT = "text/plain; charset=utf-8";
  static final int MAX_ENTRIES = 1000;

  private final Ledger ledger;
  private final CustodyStore custody;
  private final RegistryStore registry;
  private final Authenticator authenticator;
  private final NeedToKnow needToKnow;

  LedgerEndpoints(Recorder recorder, Authenticator authenticator, NeedToKnow needToKnow) {
    requireNonNull(recorder, "recorder is null");
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.needToKnow = requireNonNull(needToKnow, "needToKnow is null");
    this.ledger = recorder.store().ledger();
    this.custody = recorder.store().custody();
    this.registry = recorder.store().registry();
  }

  void checkpoint(Context context) {
    context.status(200).contentType(TEXT).result(ledger.latestCheckpoint().serialize());
  }

  void key(Context context) {
    context.status(200).contentType(TEXT).result(ledger.verifierKey() + "\n");
  }

  void inclusionProof(Context context) {
    Scope scope = needToKnow.scope(authenticator.authenticate(context));
    long treeSize = treeSize(context, "size");
    String eventId = QueryParameters.text(context, "event");
    long index = QueryParameters.wholeNumber(context, "index", -1);
    if (eventId != null && index >= 0) {
      throw ApiProblem.badParameter("event", "give either event (an event id) or index, not both");
    }
    if (eventId == null && index < 0) {
      throw ApiProblem.badParameter("event", "give event (an event id) or index (a leaf index)");
    }
    if (eventId != null) {
      StoredEvent stored =
          custody
              .event(eventId)
              .filter(found -> scope.seesEvent(eventId))
              .orElseThrow(() -> ApiProblem.notFound("event", eventId));
      index = stored.sequence();
    }
    if (index >= treeSize) {
      throw ApiProblem.badParameter(
          eventId != null ? "size" : "index",
          "entry " + index + " is not within the tree of size " + treeSize);
    }
    long position = index;
    Ledger.Entry entry =
        ledger.entries(position, 1).stream()
            .filter(
                found ->
                    found.position() == position
                        && found.canonicalJson() != null
                        && sees(scope, found))
            .findFirst()
            .orElseThrow(() -> ApiProblem.notFound("readable entry at index", "" + position));
    InclusionProof proof = ledger.inclusionProof(index, treeSize);
    ObjectNode body = Json.object();
    body.put("index", proof.leafIndex());
    body.put("size", proof.treeSize());
    body.put("eventId", entry.eventId());
    body.put("kind", entry.kind());
    body.put("subject", entry.subject());
    body.put("entry", Base64.getEncoder().encodeToString(entry.bytes()));
    body.put("leafHash", MerkleHash.ofLeaf(entry.bytes()).toBase64());
    body.put("rootHash", ledger.root(treeSize).toBase64());
    body.set("hashes", hashes(proof.hashes()));
    Responses.json(context, 200, body);
  }

  void consistencyProof(Context context) {
    long to = treeSize(context, "to");
    long from = QueryParameters.wholeNumber(context, "from", -1);
    if (from < 1 || from > to) {
      throw ApiProblem.badParameter(
          "from", "must be a tree size from 1 to " + to + " (a proof from 0 proves nothing)");
    }
    ConsistencyProof proof = ledger.consistencyProof(from, to);
    ObjectNode body = Json.object();
    body.put("from", proof.fromSize());
    body.put("to", proof.toSize());
    body.put("fromRootHash", ledger.root(from).toBase64());
    body.put("toRootHash", ledger.root(to).toBase64());
    body.set("hashes", hashes(proof.hashes()));
    Responses.json(context, 200, body);
  }

  void entries(Context context) {
    Scope scope = needToKnow.scope(authenticator.authenticate(context));
    long start = QueryParameters.wholeNumber(context, "start", 0);
    long limit = QueryParameters.wholeNumber(context, "limit", QueryParameters.DEFAULT_LIMIT);
    if (start < 0) {
      throw ApiProblem.badParameter("start", "must not be negative");
    }
    if (limit < 1 || limit > MAX_ENTRIES) {
      throw ApiProblem.badParameter("limit", "must be 1 to " + MAX_ENTRIES);
    }
    long size = ledger.size();
    int count = (int) Math.max(0, Math.min(limit, size - start));
    ObjectNode body = Json.object();
    body.put("start", start);
    body.put("size", size);
    ArrayNode items = body.putArray("entries");
    if (count > 0) {
      for (Ledger.Entry entry : ledger.entries(start, count)) {
        if (entry.position() >= start + count) {
          break;
        }
        ObjectNode item = items.addObject();
        item.put("index", entry.position());
        if (!sees(scope, entry)) {
          item.putNull("eventId");
          item.putNull("kind");
          item.putNull("subject");
          item.putNull("entry");
          continue;
        }
        item.put("eventId", entry.eventId());
        item.put("kind", entry.kind());
        item.put("subject", entry.subject());
        if (entry.canonicalJson() == null) {
          item.putNull("entry");
        } else {
          item.put("entry", Base64.getEncoder().encodeToString(entry.bytes()));
        }
      }
    }
    Responses.json(context, 200, body);
  }

  /**
   * Takes a witness's cosignature: {@code {"witnessKey", "treeSize", "cosignature"}}, the witness's
   * verifier key, the size of the checkpoint it cosigned and the signature line. Needs no login (a
   * witness has no account), but only the witnesses the operator accepted are heard (403
   * otherwise), and the cosignature proves itself against the key and this log's own tree at that
   * size; whom a verifier counts as a witness stays the verifier's choice (docs/ledger.md,
   * "Witnesses"). The witness's newest cosignature replaces its earlier one.
   */
  void addCosignature(Context context) {
    JsonNode body = Responses.parseBody(context.bodyAsBytes());
    WitnessKey witness;
    try {
      witness = WitnessKey.parse(text(body, "witnessKey"));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badParameter("witnessKey", e.getMessage());
    }
    JsonNode size = body.get("treeSize");
    if (size == null || !size.canConvertToLong() || !size.isIntegralNumber()) {
      throw ApiProblem.badParameter("treeSize", "must be the cosigned checkpoint's tree size");
    }
    long treeSize = size.longValue();
    if (treeSize < 1 || treeSize > ledger.size()) {
      throw ApiProblem.badParameter(
          "treeSize", "must be a tree size from 1 to " + ledger.size() + " (the log's size)");
    }
    Cosignature cosignature;
    try {
      cosignature = Cosignature.parseLine(text(body, "cosignature"));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badParameter("cosignature", e.getMessage());
    }
    SignedNote checkpoint;
    try {
      checkpoint = ledger.addCosignature(witness, treeSize, cosignature);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badParameter("cosignature", e.getMessage());
    }
    ObjectNode answer = Json.object();
    answer.put("witness", witness.name());
    answer.put("treeSize", treeSize);
    answer.put("checkpoint", checkpoint.serialize());
    Responses.json(context, 201, answer);
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual()) {
      throw ApiProblem.badParameter(field, "is required, as a string");
    }
    return value.textValue();
  }

  /** Every witness's latest cosignature, largest tree size first. */
  void cosignatures(Context context) {
    ObjectNode body = Json.object();
    ArrayNode items = body.putArray("cosignatures");
    for (Ledger.WitnessCosignature kept : ledger.cosignatures()) {
      ObjectNode item = items.addObject();
      item.put("witness", kept.witness().name());
      item.put("witnessKey", kept.witness().toString());
      item.put("treeSize", Checkpoint.fromNoteBody(kept.checkpoint().body()).size());
      item.put("cosignature", kept.cosignature().toLine());
      item.put("receivedAt", kept.receivedAt().toString());
    }
    Responses.json(context, 200, body);
  }

  /**
   * The largest checkpoint any witness cosigned, as a signed note carrying the log's signature and
   * every witness's cosignature of it.
   */
  void cosignedCheckpoint(Context context) {
    List<Ledger.WitnessCosignature> kept = ledger.cosignatures();
    if (kept.isEmpty()) {
      throw ApiProblem.notFound("cosigned checkpoint", "yet");
    }
    SignedNote largest = kept.getFirst().checkpoint();
    List<SignedNote.Signature> signatures = new ArrayList<>(largest.signatures());
    for (Ledger.WitnessCosignature each : kept) {
      if (each.checkpoint().body().equals(largest.body())) {
        signatures.add(each.cosignature().toNoteSignature());
      }
    }
    context
        .status(200)
        .contentType(TEXT)
        .result(new SignedNote(largest.body(), signatures).serialize());
  }

  /**
   * Whether the caller may read an entry: an event in its need to know, any site or actor record
   * (the registry is open to every caller), an audit when it reads the audited site's audits (the
   * agencies and auditors of its country), owner changes and case actions only for the platform
   * administrator (cases are seen through /cases by those they are shared with).
   */
  private boolean sees(Scope scope, Ledger.Entry entry) {
    if (entry.isEvent()) {
      return scope.seesEvent(entry.eventId());
    }
    return switch (entry.kind()) {
      case LedgerRecords.SITE, LedgerRecords.ACTOR -> true;
      case LedgerRecords.AUDIT -> scope.everything() || seesAudit(scope, entry);
      default -> scope.everything();
    };
  }

  private boolean seesAudit(Scope scope, Ledger.Entry entry) {
    if (entry.canonicalJson() == null) {
      return false;
    }
    String siteId = Json.parse(entry.bytes()).at("/audit/site").asText("");
    return registry.site(siteId).map(site -> scope.seesSiteAudits(site.country())).orElse(false);
  }

  /** A tree size parameter, by default the log's current size. */
  private long treeSize(Context context, String name) {
    long size = ledger.size();
    long asked = QueryParameters.wholeNumber(context, name, size);
    if (asked < 1 || asked > size) {
      throw ApiProblem.badParameter(
          name, "must be a tree size from 1 to " + size + " (the log's size), got " + asked);
    }
    return asked;
  }

  private static ArrayNode hashes(List<MerkleHash> hashes) {
    ArrayNode array = Json.array();
    hashes.forEach(hash -> array.add(hash.toBase64()));
    return array;
  }
}
