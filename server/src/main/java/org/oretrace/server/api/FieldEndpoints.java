package org.oretrace.server.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Instant;
import org.oretrace.core.field.Device;
import org.oretrace.server.auth.AccessPolicy;
import org.oretrace.server.auth.AccessPolicy.Action;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.Caller;
import org.oretrace.server.auth.CommunityReportAccess;
import org.oretrace.server.auth.NeedToKnow;
import org.oretrace.server.auth.Scope;
import org.oretrace.store.DeviceStore;
import org.oretrace.store.EvidenceStore;
import org.oretrace.store.EvidenceStore.EvidenceFile;
import org.oretrace.store.Recorder;
import org.oretrace.store.Recorder.Recorded;
import org.oretrace.store.RegistryStore;
import org.oretrace.store.field.FieldIntake;
import org.oretrace.store.field.SignedBatch;
import org.oretrace.store.json.DeviceJson;
import org.oretrace.store.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Field capture (docs/field-capture.md): the registry of devices and their keys (admin), signed
 * batches from devices (checked by {@link FieldIntake}, recorded through the {@link Recorder}), and
 * evidence files stored by SHA-256. A batch upload also needs an API token that may record events:
 * the token says which organisation's connection carried it, the signature which device made it.
 * Devices are listed to those who speak for their actor, evidence files to investigating agencies.
 */
final class FieldEndpoints {

  private static final Logger LOG = LoggerFactory.getLogger(FieldEndpoints.class);

  private final DeviceStore devices;
  private final EvidenceStore evidence;
  private final FieldIntake intake;
  private final Authenticator authenticator;
  private final NeedToKnow needToKnow;
  private final RegistryStore registry;
  private final CommunityReportAccess communityReports;

  FieldEndpoints(Recorder recorder, Authenticator authenticator, NeedToKnow needToKnow) {
    requireNonNull(recorder, "recorder is null");
    this.needToKnow = requireNonNull(needToKnow, "needToKnow is null");
    this.registry = recorder.store().registry();
    this.communityReports =
        new CommunityReportAccess(recorder.store().communityReports(), registry);
    this.devices = recorder.store().devices();
    this.evidence = recorder.store().evidence();
    this.intake = new FieldIntake(recorder);
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
  }

  void registerDevice(Context context) {
    Caller caller = authenticator.authenticate(context);
    AccessPolicy.require(caller, Action.MANAGE_DEVICES);
    Device device =
        DeviceJson.decodeRegistration(Responses.parseBody(context.bodyAsBytes()), Instant.now());
    if (!devices.register(device)) {
      throw new ApiProblem(
          ProblemType.DEVICE_EXISTS,
          "device " + device.id() + " is already registered; device ids are never reused",
          java.util.List.of(org.oretrace.core.Violation.of(-1, "id", "already registered")));
    }
    LOG.info(
        "device {} registered for {} by {}", device.id(), device.actorId(), caller.organisation());
    Responses.json(context, 201, DeviceJson.encode(device));
  }

  void listDevices(Context context) {
    Scope scope = needToKnow.scope(authenticator.authenticate(context));
    ObjectNode body = Json.object();
    ArrayNode items = body.putArray("items");
    devices.devices().stream()
        .filter(device -> seesDevice(scope, device))
        .forEach(device -> items.add(DeviceJson.encode(device)));
    Responses.json(context, 200, body);
  }

  void getDevice(Context context) {
    Scope scope = needToKnow.scope(authenticator.authenticate(context));
    String id = context.pathParam("id");
    Device device =
        devices
            .device(id)
            .filter(found -> seesDevice(scope, found))
            .orElseThrow(() -> ApiProblem.notFound("device", id));
    Responses.json(context, 200, DeviceJson.encode(device));
  }

  void revokeDevice(Context context) {
    Caller caller = authenticator.authenticate(context);
    AccessPolicy.require(caller, Action.MANAGE_DEVICES);
    String id = context.pathParam("id");
    if (devices.device(id).isEmpty()) {
      throw ApiProblem.notFound("device", id);
    }
    devices.revoke(id, Instant.now());
    LOG.info("device {} revoked by {}", id, caller.organisation());
    Responses.json(context, 200, DeviceJson.encode(devices.device(id).orElseThrow()));
  }

  void uploadBatch(Context context) {
    Caller caller = authenticator.authenticate(context);
    AccessPolicy.require(caller, Action.RECORD_EVENTS);
    SignedBatch batch = SignedBatch.decode(Responses.parseBody(context.bodyAsBytes()));
    Recorded recorded = intake.accept(batch);
    if (recorded.replayed()) {
      context.header(EventEndpoints.REPLAYED_HEADER, "true");
      LOG.info(
          "field batch {} from {} replayed; nothing written", batch.batchId(), batch.deviceId());
    } else {
      LOG.info(
          "field batch {} from {} recorded: {} events",
          batch.batchId(),
          batch.deviceId(),
          recorded.eventIds().size());
    }
    ObjectNode answer = Json.object();
    answer.put("batchId", batch.batchId());
    ArrayNode ids = answer.putArray("eventIds");
    recorded.eventIds().forEach(ids::add);
    answer.put("count", recorded.eventIds().size());
    Responses.json(context, 201, answer);
  }

  void uploadEvidence(Context context) {
    Caller caller = authenticator.authenticate(context);
    AccessPolicy.require(caller, Action.UPLOAD_EVIDENCE);
    byte[] content = context.bodyAsBytes();
    if (content.length == 0) {
      throw ApiProblem.badParameter("", "the request has no body; send the file's bytes");
    }
    if (content.length > EvidenceStore.MAX_BYTES) {
      throw new ApiProblem(
          ProblemType.TOO_LARGE,
          "an evidence file is at most " + EvidenceStore.MAX_BYTES + " bytes",
          java.util.List.of());
    }
    String mediaType = context.contentType();
    EvidenceFile file =
        evidence.put(
            content,
            mediaType == null || mediaType.isBlank() ? "application/octet-stream" : mediaType);
    Responses.json(context, 201, describe(file));
  }

  void getEvidence(Context context) {
    Scope scope = needToKnow.scope(authenticator.authenticate(context));
    if (!scope.seesEvidence()) {
      throw ApiProblem.notFound("evidence", context.pathParam("sha256"));
    }
    String sha256 = context.pathParam("sha256");
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw ApiProblem.badParameter("sha256", "must be 64 lower-case hex digits");
    }
    // a community report's photo only to those who see the report (docs/access.md)
    if (!communityReports.maySeeEvidence(scope, sha256)) {
      throw ApiProblem.notFound("evidence", sha256);
    }
    EvidenceFile file =
        evidence.describe(sha256).orElseThrow(() -> ApiProblem.notFound("evidence", sha256));
    byte[] content =
        evidence.read(sha256).orElseThrow(() -> ApiProblem.notFound("evidence", sha256));
    context
        .status(200)
        .contentType(file.mediaType())
        .header("ETag", "\"" + sha256 + "\"")
        .header("Cache-Control", "private, max-age=31536000, immutable")
        // The media type is the uploader's word: never let a file run as a page of this site.
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .result(content);
  }

  /** A device is shown to callers who speak for its actor (docs/access.md). */
  private boolean seesDevice(Scope scope, Device device) {
    return scope.everything()
        || registry.actor(device.actorId()).map(scope::speaksFor).orElse(false);
  }

  private static ObjectNode describe(EvidenceFile file) {
    return Json.object()
        .put("sha256", file.sha256())
        .put("sizeBytes", file.sizeBytes())
        .put("mediaType", file.mediaType())
        .put("storedAt", file.storedAt().toString());
  }
}
