package org.oretrace.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oretrace.core.field.DeviceKey;
import org.oretrace.server.Fixtures;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;
import org.oretrace.store.field.SignedBatch;
import org.oretrace.store.json.Json;

class FieldEndpointsTest {

  private final DeviceKey key = DeviceKey.generate();
  private TestServer server;

  @BeforeEach
  void setUp() {
    server = new TestServer();
    server.seedRegistry();
    Response registered =
        server.post(
            "/api/v1/devices",
            "{\"id\": \"phone-17\", \"actor\": \"COOP-1\", \"sites\": [\"CD-NK-001\","
                + " \"CD-NK-002\"], \"publicKey\": \""
                + key.publicKey()
                + "\"}",
            server.adminToken());
    assertThat(registered.status()).isEqualTo(201);
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  /** The coop's first four events of the fixture chain, all recorded by phone-17. */
  private static ArrayNode coopEvents() {
    ArrayNode chain = (ArrayNode) Json.parse(Fixtures.CHAIN.getBytes(StandardCharsets.UTF_8));
    ArrayNode events = Json.array();
    for (int index = 0; index < 4; index++) {
      events.add(chain.get(index));
    }
    return events;
  }

  private Response upload(ObjectNode signed) {
    return server.post("/api/v1/field/batches", Json.text(signed), server.recorderToken());
  }

  @Test
  void aSignedBatchIsRecordedOnceAndItsReplayAnsweredTheSame() {
    ObjectNode signed = SignedBatch.sign("b-1", "phone-17", coopEvents(), key).encode();
    Response first = upload(signed);
    Response second = upload(signed);
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().get("eventIds")).hasSize(4);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.text()).isEqualTo(first.text());
    assertThat(second.header("Idempotent-Replayed")).hasValue("true");
    assertThat(server.store().custody().eventCount()).isEqualTo(4);
  }

  @Test
  void anAlteredBatchIsRefusedWholeWithAProblem() {
    ObjectNode signed = SignedBatch.sign("b-1", "phone-17", coopEvents(), key).encode();
    ((ObjectNode) signed.withArray("events").get(0)).put("massGrams", 90_000);
    Response refused = upload(signed);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("type").asText()).isEqualTo("urn:oretrace:problem:bad-signature");
    assertThat(refused.json().get("detail").asText()).contains("changed after signing");
    assertThat(server.store().custody().eventCount()).isZero();
  }

  @Test
  void unknownAndRevokedDevicesAreRefused() {
    ObjectNode stranger = SignedBatch.sign("b-1", "phone-99", coopEvents(), key).encode();
    assertThat(upload(stranger).json().get("type").asText())
        .isEqualTo("urn:oretrace:problem:unknown-device");
    assertThat(server.post("/api/v1/devices/phone-17/revoke", "", server.recorderToken()).status())
        .isEqualTo(403);
    Response revoked = server.post("/api/v1/devices/phone-17/revoke", "", server.adminToken());
    assertThat(revoked.json().has("revokedAt")).isTrue();
    Response refused = upload(SignedBatch.sign("b-2", "phone-17", coopEvents(), key).encode());
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("detail").asText()).contains("revoked");
    assertThat(server.get("/api/v1/devices").json().get("items")).hasSize(1);
  }

  @Test
  void eventsOfAnotherActorAreRefusedNamingTheItem() {
    ArrayNode events = coopEvents();
    ((ObjectNode) events.get(2)).put("actor", "TRADER-1");
    Response refused = upload(SignedBatch.sign("b-1", "phone-17", events, key).encode());
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("errors").get(0).get("item").asInt()).isEqualTo(2);
    assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("actor");
  }

  @Test
  void evidenceIsStoredAndServedBySha256() {
    Response stored =
        server.post(
            "/api/v1/evidence",
            "slip 50.0 kg",
            server.recorderToken(),
            "Content-Type",
            "text/plain");
    assertThat(stored.status()).isEqualTo(201);
    String sha256 = stored.json().get("sha256").asText();
    assertThat(sha256).hasSize(64);
    Response served = server.get("/api/v1/evidence/" + sha256);
    assertThat(served.text()).isEqualTo("slip 50.0 kg");
    assertThat(served.header("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(server.get("/api/v1/evidence/" + "0".repeat(64)).status()).isEqualTo(404);
  }
}
