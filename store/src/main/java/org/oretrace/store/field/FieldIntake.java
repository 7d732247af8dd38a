package org.oretrace.store.field;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.field.Device;
import org.oretrace.core.field.DeviceBinding;
import org.oretrace.store.CustodyStore.IdempotencyRecord;
import org.oretrace.store.IdempotencyConflictException;
import org.oretrace.store.Recorder;
import org.oretrace.store.Recorder.IdempotencyRequest;
import org.oretrace.store.Recorder.Recorded;
import org.oretrace.store.field.FieldBatchRefusedException.Reason;
import org.oretrace.store.json.EventJson;

/**
 * Accepts signed field batches: the way from a device's offline record to the custody record. The
 * checks run from who to what, and the first failure refuses the whole batch:
 *
 * <ol>
 *   <li>the device is registered, and the signature is its key's over the payload (so nothing was
 *       altered after signing);
 *   <li>a batch id already recorded with the same payload is a replay: the first answer, nothing
 *       written (even if the device was revoked since, for the device is only retrying); with
 *       another payload it is refused;
 *   <li>the device is not revoked;
 *   <li>every event has an id, and the device may record it ({@link DeviceBinding});
 *   <li>the events pass the custody rules, through the {@link Recorder}.
 * </ol>
 *
 * <p>The batch id is recorded as the idempotency key {@code field-batch:<batchId>} with the SHA-256
 * of the payload, in the transaction that stores the events: a batch is stored with its id or not
 * at all, so an upload cut by a crash is retried safely.
 */
public final class FieldIntake {

  /** The idempotency key prefix of field batches; API clients may not use it. */
  public static final String KEY_PREFIX = "field-batch:";

  private final Recorder recorder;

  public FieldIntake(Recorder recorder) {
    this.recorder = requireNonNull(recorder, "recorder is null");
  }

  /** Checks and records a signed batch. */
  public Recorded accept(SignedBatch batch) {
    requireNonNull(batch, "batch is null");
    Device device =
        recorder
            .store()
            .devices()
            .device(batch.deviceId())
            .orElseThrow(
                () ->
                    new FieldBatchRefusedException(
                        Reason.UNKNOWN_DEVICE,
                        "device "
                            + batch.deviceId()
                            + " is not registered; register its public key first"));
    if (!batch.isSignedBy(device.publicKey())) {
      throw new FieldBatchRefusedException(
          Reason.BAD_SIGNATURE,
          "the signature of batch "
              + batch.batchId()
              + " does not verify with the key of device "
              + device.id()
              + ": the batch was changed after signing, or signed with another key");
    }
    IdempotencyRequest idempotency =
        new IdempotencyRequest(KEY_PREFIX + batch.batchId(), sha256Hex(batch.payload()));
    Optional<IdempotencyRecord> previous =
        recorder.store().custody().idempotencyRecord(idempotency.key());
    if (previous.isPresent()) {
      if (!previous.get().requestHash().equals(idempotency.requestHash())) {
        throw reused(batch);
      }
      return new Recorded(previous.get().eventIds(), true);
    }
    if (device.revoked()) {
      throw new FieldBatchRefusedException(
          Reason.REVOKED_DEVICE,
          "device " + device.id() + " was revoked at " + device.revokedAt() + "; batch refused");
    }
    List<Violation> missingIds = new ArrayList<>();
    for (int item = 0; item < batch.events().size(); item++) {
      if (!batch.events().get(item).has("id")) {
        missingIds.add(
            Violation.of(item, "id", "a field event needs its own id, so that a retry is known"));
      }
    }
    if (!missingIds.isEmpty()) {
      throw new InvalidInputException(missingIds);
    }
    List<CustodyEvent> events = EventJson.decodeBatch(batch.events());
    DeviceBinding.check(device, events);
    try {
      return recorder.record(events, idempotency);
    } catch (IdempotencyConflictException e) {
      throw reused(batch);
    }
  }

  private static FieldBatchRefusedException reused(SignedBatch batch) {
    return new FieldBatchRefusedException(
        Reason.BATCH_ID_REUSED,
        "batch id " + batch.batchId() + " was already recorded with other content");
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
