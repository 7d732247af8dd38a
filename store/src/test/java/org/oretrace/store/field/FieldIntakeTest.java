package org.oretrace.store.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.field.Device;
import org.oretrace.core.field.DeviceKey;
import org.oretrace.store.Fixtures;
import org.oretrace.store.LedgerFixtures;
import org.oretrace.store.Recorder;
import org.oretrace.store.Recorder.Recorded;
import org.oretrace.store.TestDatabase;
import org.oretrace.store.field.FieldBatchRefusedException.Reason;
import org.oretrace.store.json.EventJson;
import org.oretrace.store.ledger.LedgerVerifier;

class FieldIntakeTest {

  @TempDir Path folder;

  private final DeviceKey key = DeviceKey.generate();
  private Recorder recorder;
  private FieldIntake intake;

  @BeforeEach
  void setUp() {
    recorder = LedgerFixtures.recorder(TestDatabase.Kind.SQLITE.create(folder));
    recorder
        .store()
        .devices()
        .register(
            new Device(
                "test-device",
                "coop-1",
                List.of("site-rubaya", "site-nyabibwe"),
                key.publicKey(),
                Instant.now(),
                null));
    intake = new FieldIntake(recorder);
  }

  @AfterEach
  void tearDown() {
    recorder.store().close();
  }

  /** The coop's part of the fixture chain: two tags and a shipment, recorded by test-device. */
  private static ArrayNode coopEvents() {
    return EventJson.encodeAll(Fixtures.chain().subList(0, 3));
  }

  @Test
  void recordsASignedBatchAndAnswersAReplayAsTheFirstTimeWritingNothing() {
    SignedBatch batch = SignedBatch.sign("batch-1", "test-device", coopEvents(), key);
    Recorded first = intake.accept(batch);
    Recorded second = intake.accept(SignedBatch.decode(batch.encode()));
    assertThat(first.eventIds()).containsExactly("ev-1", "ev-2", "ev-3");
    assertThat(first.replayed()).isFalse();
    assertThat(second.eventIds()).isEqualTo(first.eventIds());
    assertThat(second.replayed()).isTrue();
    assertThat(recorder.store().custody().eventCount()).isEqualTo(3);
    // Writes sign at most once per signing interval; a reader of the checkpoint gets one that
    // covers
    // them (signed now), which verification then checks.
    recorder.store().ledger().latestCheckpoint();
    assertThat(
            new LedgerVerifier(recorder.store().ledger(), recorder.store().ledger().verifierKey())
                .verify(position -> {})
                .ok())
        .isTrue();
  }

  @Test
  void refusesABatchChangedAfterSigning() {
    SignedBatch batch = SignedBatch.sign("batch-1", "test-device", coopEvents(), key);
    ObjectNode altered = batch.encode();
    ((ObjectNode) altered.withArray("events").get(0)).put("massGrams", 41_000);
    assertThatThrownBy(() -> intake.accept(SignedBatch.decode(altered)))
        .isInstanceOfSatisfying(
            FieldBatchRefusedException.class,
            refused -> assertThat(refused.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    assertThat(recorder.store().custody().eventCount()).isZero();
  }

  @Test
  void refusesUnknownDevicesAndForeignKeys() {
    assertThatThrownBy(
            () -> intake.accept(SignedBatch.sign("batch-1", "phone-9", coopEvents(), key)))
        .isInstanceOfSatisfying(
            FieldBatchRefusedException.class,
            refused -> assertThat(refused.reason()).isEqualTo(Reason.UNKNOWN_DEVICE));
    assertThatThrownBy(
            () ->
                intake.accept(
                    SignedBatch.sign("batch-1", "test-device", coopEvents(), DeviceKey.generate())))
        .isInstanceOfSatisfying(
            FieldBatchRefusedException.class,
            refused -> assertThat(refused.reason()).isEqualTo(Reason.BAD_SIGNATURE));
  }

  @Test
  void refusesNewBatchesOfARevokedDeviceButStillAnswersItsRetries() {
    SignedBatch recorded = SignedBatch.sign("batch-1", "test-device", coopEvents(), key);
    intake.accept(recorded);
    recorder.store().devices().revoke("test-device", Instant.now());
    assertThat(intake.accept(recorded).replayed()).isTrue();
    ArrayNode more = EventJson.encodeAll(Fixtures.chain().subList(3, 4));
    assertThatThrownBy(() -> intake.accept(SignedBatch.sign("batch-2", "test-device", more, key)))
        .isInstanceOfSatisfying(
            FieldBatchRefusedException.class,
            refused -> assertThat(refused.reason()).isEqualTo(Reason.REVOKED_DEVICE));
  }

  @Test
  void refusesABatchIdReusedForOtherContent() {
    intake.accept(SignedBatch.sign("batch-1", "test-device", coopEvents(), key));
    ArrayNode other = EventJson.encodeAll(List.of(LedgerFixtures.tags(1, 1).getFirst()));
    assertThatThrownBy(() -> intake.accept(SignedBatch.sign("batch-1", "test-device", other, key)))
        .isInstanceOfSatisfying(
            FieldBatchRefusedException.class,
            refused -> assertThat(refused.reason()).isEqualTo(Reason.BATCH_ID_REUSED));
  }

  @Test
  void refusesEventsOutsideTheDevicesBindingWhole() {
    // ev-4 is the trader's receipt: not the coop's device's to sign.
    ArrayNode events = EventJson.encodeAll(Fixtures.chain().subList(0, 4));
    assertThatThrownBy(() -> intake.accept(SignedBatch.sign("batch-1", "test-device", events, key)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            invalid ->
                assertThat(invalid.violations())
                    .extracting(violation -> violation.item() + ":" + violation.field())
                    .containsExactly("3:actor"));
    assertThat(recorder.store().custody().eventCount()).isZero();
  }

  @Test
  void recordsASignedBatchDecodedAsTheApiDecodesItAndNamesABadEventsItemAndField() {
    // Decoded through the streaming decoder over the signed tree: the same events as the API's.
    Recorded recorded =
        intake.accept(SignedBatch.sign("batch-1", "test-device", coopEvents(), key));
    assertThat(recorded.eventIds()).hasSize(coopEvents().size());
    assertThat(recorder.store().custody().event("ev-1").orElseThrow().event())
        .isEqualTo(Fixtures.chain().getFirst());

    ArrayNode bad = coopEvents();
    for (int item = 0; item < bad.size(); item++) {
      ((ObjectNode) bad.get(item)).put("id", "second-" + item);
    }
    ((ObjectNode) bad.get(1)).put("massGrams", 1.5);
    ((ObjectNode) bad.get(1)).put("place", "here");
    assertThatThrownBy(() -> intake.accept(SignedBatch.sign("batch-2", "test-device", bad, key)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            invalid ->
                assertThat(invalid.violations())
                    .extracting(violation -> violation.item() + ":" + violation.field())
                    .containsExactlyInAnyOrder("1:place", "1:massGrams"));
  }

  @Test
  void needsAnIdOnEveryEvent() {
    ArrayNode events = coopEvents();
    ((ObjectNode) events.get(1)).remove("id");
    assertThatThrownBy(() -> intake.accept(SignedBatch.sign("batch-1", "test-device", events, key)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("own id");
  }

  @Test
  void thePayloadIsTheCanonicalJsonOfBatchIdDeviceIdAndEvents() {
    ArrayNode events = EventJson.encodeAll(Fixtures.chain().subList(2, 3));
    assertThat(
            new String(
                SignedBatch.payload("b", "d", events), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"batchId\":\"b\",\"deviceId\":\"d\",\"events\":[{\"actor\":\"coop-1\","
                + "\"consignee\":\"trader-1\",\"id\":\"ev-3\",\"lot\":\"lot-1\","
                + "\"place\":{\"lat\":-1.5536,\"lon\":28.8803},\"recordedBy\":\"test-device\","
                + "\"time\":\"2025-03-01T09:00:00+02:00\",\"type\":\"ship\"}]}");
  }
}
