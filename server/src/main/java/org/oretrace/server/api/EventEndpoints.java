package org.oretrace.server.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.server.auth.AccessPolicy;
import org.oretrace.server.auth.AccessPolicy.Action;
import org.oretrace.server.auth.Authenticator;
import org.oretrace.server.auth.Caller;
import org.oretrace.store.Recorder;
import org.oretrace.store.Recorder.IdempotencyRequest;
import org.oretrace.store.Recorder.Recorded;
import org.oretrace.store.field.FieldIntake;
import org.oretrace.store.json.EventJson;
import org.oretrace.store.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/events}: a JSON array of custody events, recorded all or nothing through the
 * {@link Recorder}. With an {@code Idempotency-Key} header, the SHA-256 of the raw body is kept
 * with the key, so that a retry of the same request gets the first answer (201, same body) and
 * writes nothing, while the same key on a different body is refused (409).
 */
final class EventEndpoints {

  static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
  static final String REPLAYED_HEADER = "Idempotent-Replayed";

  private static final Logger LOG = LoggerFactory.getLogger(EventEndpoints.class);

  private final Recorder recorder;
  private final Authenticator authenticator;

  EventEndpoints(Recorder recorder, Authenticator authenticator) {
    this.recorder = requireNonNull(recorder, "recorder is null");
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
  }

  void record(Context context) {
    Caller caller = authenticator.authenticate(context);
    AccessPolicy.require(caller, Action.RECORD_EVENTS);
    byte[] body = context.bodyAsBytes();
    IdempotencyRequest idempotency = idempotency(context.header(IDEMPOTENCY_HEADER), body);
    List<CustodyEvent> events =
        EventJson.decodeBatch(body, Responses::parseBody, () -> UUID.randomUUID().toString());
    AccessPolicy.requireMayRecord(caller, events);
    long started = System.nanoTime();
    Recorded recorded = recorder.record(events, idempotency);
    long millis = (System.nanoTime() - started) / 1_000_000;
    if (recorded.replayed()) {
      LOG.info(
          "replayed batch of {} events for {} (Idempotency-Key {}); nothing written",
          recorded.eventIds().size(),
          caller.organisation(),
          idempotency.key());
      context.header(REPLAYED_HEADER, "true");
    } else {
      LOG.info(
          "recorded batch of {} events for {} in {} ms",
          recorded.eventIds().size(),
          caller.organisation(),
          millis);
    }
    ObjectNode answer = Json.object();
    ArrayNode ids = answer.putArray("eventIds");
    recorded.eventIds().forEach(ids::add);
    answer.put("count", recorded.eventIds().size());
    Responses.json(context, 201, answer);
  }

  private static IdempotencyRequest idempotency(String key, byte[] body) {
    if (key == null) {
      return null;
    }
    if (key.strip().startsWith(FieldIntake.KEY_PREFIX)) {
      throw ApiProblem.badParameter(
          IDEMPOTENCY_HEADER, "keys starting with " + FieldIntake.KEY_PREFIX + " are reserved");
    }
    try {
      return new IdempotencyRequest(key.strip(), sha256Hex(body));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badParameter(IDEMPOTENCY_HEADER, e.getMessage());
    }
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
