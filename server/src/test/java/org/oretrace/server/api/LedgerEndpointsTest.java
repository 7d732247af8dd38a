package org.oretrace.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oretrace.core.ledger.Checkpoint;
import org.oretrace.core.ledger.ConsistencyProof;
import org.oretrace.core.ledger.Cosignature;
import org.oretrace.core.ledger.InclusionProof;
import org.oretrace.core.ledger.MerkleHash;
import org.oretrace.core.ledger.MerkleProofs;
import org.oretrace.core.ledger.SignedNote;
import org.oretrace.core.ledger.VerifierKey;
import org.oretrace.core.ledger.WitnessKey;
import org.oretrace.server.Fixtures;
import org.oretrace.server.TestServer;
import org.oretrace.server.TestServer.Response;
import org.oretrace.store.json.Json;

/**
 * The ledger as an outside verifier sees it: it fetches the log's key once, then checkpoints and
 * proofs, and checks everything itself with the core verifiers, trusting nothing the server says.
 */
class LedgerEndpointsTest {

  private final TestServer server = new TestServer();
  private VerifierKey key;

  /** The registry's records (five sites, the actors), logged before the chain's events. */
  private long registry;

  @BeforeEach
  void recordTheChain() {
    server.seedRegistry();
    registry = server.store().ledger().size();
    assertThat(server.post("/api/v1/events", Fixtures.CHAIN, server.recorderToken()).status())
        .isEqualTo(201);
    Response keyText = server.get("/api/v1/log/key");
    assertThat(keyText.status()).isEqualTo(200);
    assertThat(keyText.contentType()).startsWith("text/plain");
    key = VerifierKey.parse(keyText.text().strip());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Checkpoint checkpoint() {
    Response response = server.get("/api/v1/log/checkpoint");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("text/plain");
    SignedNote note = SignedNote.parse(response.text());
    note.verify(List.of(key));
    return Checkpoint.fromNoteBody(note.body());
  }

  @Test
  void anEventsInclusionProofVerifiesAgainstTheSignedCheckpoint() {
    Checkpoint checkpoint = checkpoint();
    assertThat(checkpoint.size()).isEqualTo(registry + 10);

    JsonNode answer = server.get("/api/v1/log/proof/inclusion?event=e-merge").json();
    byte[] entry = Base64.getDecoder().decode(answer.get("entry").asText());
    JsonNode event = Json.parse(entry);
    assertThat(event.get("id").asText()).isEqualTo("e-merge");
    assertThat(answer.get("index").asLong()).isEqualTo(registry + 6);
    assertThat(answer.get("kind").asText()).isEqualTo("event");

    InclusionProof proof =
        new InclusionProof(
            answer.get("index").asLong(), answer.get("size").asLong(), hashes(answer));
    MerkleProofs.verifyInclusion(MerkleHash.ofLeaf(entry), proof, checkpoint.rootHash());
  }

  @Test
  void everyEntryIsProvedByIndexInAnOlderTree() {
    Checkpoint checkpoint = checkpoint();
    JsonNode entries = server.get("/api/v1/log/entries?start=0&limit=4").json();
    assertThat(entries.get("size").asLong()).isEqualTo(checkpoint.size());
    assertThat(entries.get("entries")).hasSize(4);
    // The first entries are the registry's records: sites, proved like events.
    assertThat(entries.get("entries"))
        .allSatisfy(item -> assertThat(item.get("kind").asText()).isEqualTo("site"))
        .allSatisfy(item -> assertThat(item.get("eventId").isNull()).isTrue());
    for (JsonNode item : entries.get("entries")) {
      JsonNode answer =
          server.get("/api/v1/log/proof/inclusion?index=" + item.get("index") + "&size=4").json();
      MerkleProofs.verifyInclusion(
          MerkleHash.ofLeaf(Base64.getDecoder().decode(item.get("entry").asText())),
          new InclusionProof(item.get("index").asLong(), 4, hashes(answer)),
          MerkleHash.fromBase64(answer.get("rootHash").asText()));
    }
  }

  @Test
  void twoCheckpointsAreConsistent() {
    Checkpoint older = checkpoint();
    String more = "[" + Fixtures.tag("e-late", "LOT-LATE", "TAG-LATE", 5_000) + "]";
    assertThat(server.post("/api/v1/events", more, server.recorderToken()).status()).isEqualTo(201);
    Checkpoint newer = checkpoint();
    assertThat(newer.size()).isEqualTo(registry + 11);

    JsonNode answer =
        server
            .get("/api/v1/log/proof/consistency?from=" + older.size() + "&to=" + newer.size())
            .json();
    MerkleProofs.verifyConsistency(
        new ConsistencyProof(older.size(), newer.size(), hashes(answer)),
        older.rootHash(),
        newer.rootHash());
  }

  @Test
  void aSiteStatusChangeIsALeafProvedByIndexAndRedactedFromNoOne() {
    String redSite =
        "[{\"id\": \"CD-NK-001\", \"name\": \"Luwowo\", \"country\": \"CD\","
            + " \"location\": {\"lat\": -1.60, \"lon\": 28.95}, \"minerals\": [\"coltan\"],"
            + " \"icglrStatus\": \"red\"}]";
    assertThat(server.post("/api/v1/sites", redSite, TestServer.START_UP_ADMIN_TOKEN).status())
        .isEqualTo(200);
    Checkpoint checkpoint = checkpoint();
    assertThat(checkpoint.size()).isEqualTo(registry + 11);
    long index = checkpoint.size() - 1;
    JsonNode answer =
        server
            .get(
                "/api/v1/log/proof/inclusion?index=" + index,
                "Authorization",
                "Bearer " + server.viewerToken())
            .json();
    assertThat(answer.get("kind").asText()).isEqualTo("site");
    assertThat(answer.get("subject").asText()).isEqualTo("CD-NK-001");
    assertThat(answer.get("eventId").isNull()).isTrue();
    byte[] entry = Base64.getDecoder().decode(answer.get("entry").asText());
    assertThat(Json.parse(entry).at("/site/icglrStatus").asText()).isEqualTo("red");
    MerkleProofs.verifyInclusion(
        MerkleHash.ofLeaf(entry),
        new InclusionProof(index, checkpoint.size(), hashes(answer)),
        checkpoint.rootHash());
  }

  @Test
  void onlyAWitnessTheOperatorAcceptedMayCosign() {
    WitnessKey witness = WitnessKey.generate("witness.example");
    SignedNote note = SignedNote.parse(server.get("/api/v1/log/checkpoint").text());
    long size = Checkpoint.fromNoteBody(note.body()).size();
    String submission =
        "{\"witnessKey\": \""
            + witness.publicOnly()
            + "\", \"treeSize\": "
            + size
            + ", \"cosignature\": \""
            + Cosignature.sign(note.body(), witness, 1_750_000_000L).toLine()
            + "\"}";

    Response refused = server.post("/api/v1/log/cosignatures", submission, null);
    assertProblem(refused, 403);
    assertThat(refused.json().get("type").asText())
        .isEqualTo("urn:oretrace:problem:unknown-witness");
    assertThat(refused.json().get("detail").asText()).contains("witness.example");
    assertThat(server.get("/api/v1/log/cosignatures").json().get("cosignatures")).isEmpty();

    server.store().ledger().addWitness(witness.publicOnly());
    assertThat(server.post("/api/v1/log/cosignatures", submission, null).status()).isEqualTo(201);
    // Sent again, it is not older than the one kept: still one cosignature.
    assertThat(server.post("/api/v1/log/cosignatures", submission, null).status()).isEqualTo(201);
    assertThat(server.get("/api/v1/log/cosignatures").json().get("cosignatures"))
        .singleElement()
        .satisfies(kept -> assertThat(kept.get("treeSize").asLong()).isEqualTo(size));
  }

  @Test
  void badParametersAreProblems() {
    assertProblem(server.get("/api/v1/log/proof/inclusion?event=nope"), 404);
    assertThat(
            assertProblem(server.get("/api/v1/log/proof/inclusion?index=1&event=e-merge"), 400)
                .get("detail")
                .asText())
        .contains("not both");
    assertThat(
            assertProblem(server.get("/api/v1/log/proof/inclusion?size=3"), 400)
                .get("detail")
                .asText())
        .contains("give event (an event id) or index");
    assertProblem(server.get("/api/v1/log/proof/inclusion?index=" + (registry + 10)), 400);
    assertProblem(server.get("/api/v1/log/proof/inclusion?event=e-merge&size=3"), 400);
    assertProblem(server.get("/api/v1/log/proof/inclusion?index=0&size=" + (registry + 11)), 400);
    assertProblem(server.get("/api/v1/log/proof/consistency?from=0&to=5"), 400);
    assertProblem(server.get("/api/v1/log/proof/consistency?from=6&to=5"), 400);
    assertProblem(server.get("/api/v1/log/entries?limit=1001"), 400);
    assertProblem(server.get("/api/v1/log/entries?start=x"), 400);
  }

  private static JsonNode assertProblem(Response response, int status) {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    return problem;
  }

  private static List<MerkleHash> hashes(JsonNode answer) {
    List<MerkleHash> hashes = new ArrayList<>();
    answer.get("hashes").forEach(hash -> hashes.add(MerkleHash.fromBase64(hash.asText())));
    return hashes;
  }
}
