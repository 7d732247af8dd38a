package org.oretrace.store.field;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.field.DeviceKey;
import org.oretrace.core.field.DevicePublicKey;
import org.oretrace.core.registry.Identifiers;
import org.oretrace.store.json.Json;
import org.oretrace.store.ledger.LedgerEntries;

/**
 * A batch of custody events signed offline by a field device (docs/field-capture.md):
 *
 * <pre>{"batchId": "...", "deviceId": "...", "events": [...], "signature": "base64"}</pre>
 *
 * <p>The signature is Ed25519 over the signed payload: the UTF-8 bytes of the RFC 8785 canonical
 * JSON of the object {@code {"batchId", "deviceId", "events"}}, the events exactly as they are in
 * the document (canonicalisation makes key order, white space and {@code 31.50} versus {@code 31.5}
 * irrelevant, and any change of a value fatal). Signing the canonical form rather than the bytes
 * sent lets any JSON tool on the device or in between re-serialise the document without breaking
 * it, and lets anyone re-check it later from the stored events.
 *
 * @param events the events as JSON, checked as events only when the batch is recorded
 */
public record SignedBatch(String batchId, String deviceId, ArrayNode events, String signature) {

  public SignedBatch {
    Identifiers.requireId(batchId, "batchId");
    Identifiers.requireId(deviceId, "deviceId");
    requireNonNull(events, "events is null");
    events = events.deepCopy();
    requireNonNull(signature, "signature is null");
  }

  /** Signs events on a device. */
  public static SignedBatch sign(String batchId, String deviceId, ArrayNode events, DeviceKey key) {
    byte[] signature = key.sign(payload(batchId, deviceId, events));
    return new SignedBatch(
        batchId, deviceId, events, Base64.getEncoder().encodeToString(signature));
  }

  /** The bytes the device signs. */
  public static byte[] payload(String batchId, String deviceId, ArrayNode events) {
    ObjectNode payload = Json.object();
    payload.put("batchId", batchId);
    payload.put("deviceId", deviceId);
    payload.set("events", events);
    return LedgerEntries.encode(payload);
  }

  public byte[] payload() {
    return payload(batchId, deviceId, events);
  }

  /** Whether the signature is {@code key}'s over {@link #payload()}. */
  public boolean isSignedBy(DevicePublicKey key) {
    byte[] signatureBytes;
    try {
      signatureBytes = Base64.getDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return key.verifies(payload(), signatureBytes);
  }

  /**
   * Reads a signed batch document.
   *
   * @throws InvalidInputException listing every missing or malformed member
   */
  public static SignedBatch decode(JsonNode document) {
    List<Violation> violations = new ArrayList<>();
    if (document == null || !document.isObject()) {
      throw InvalidInputException.of("", "a signed batch is a JSON object");
    }
    for (var field : document.properties()) {
      if (!Set.of("batchId", "deviceId", "events", "signature").contains(field.getKey())) {
        violations.add(Violation.of(-1, field.getKey(), "unknown field"));
      }
    }
    String batchId = idMember(document, "batchId", violations);
    String deviceId = idMember(document, "deviceId", violations);
    JsonNode events = document.get("events");
    if (events == null || !events.isArray() || events.isEmpty()) {
      violations.add(Violation.of(-1, "events", "must be a non-empty array of events"));
    }
    JsonNode signature = document.get("signature");
    if (signature == null || !signature.isTextual() || signature.textValue().isEmpty()) {
      violations.add(
          Violation.of(-1, "signature", "must be the base64 Ed25519 signature of the batch"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return new SignedBatch(batchId, deviceId, (ArrayNode) events, signature.textValue());
  }

  private static String idMember(JsonNode document, String name, List<Violation> violations) {
    JsonNode value = document.get(name);
    if (value == null || !value.isTextual() || !Identifiers.isValid(value.textValue())) {
      violations.add(
          Violation.of(-1, name, "must be an id (1-128 printable characters, no spaces)"));
      return null;
    }
    return value.textValue();
  }

  /** The signed document. */
  public ObjectNode encode() {
    ObjectNode document = Json.object();
    document.put("batchId", batchId);
    document.put("deviceId", deviceId);
    document.set("events", events.deepCopy());
    document.put("signature", signature);
    return document;
  }
}
