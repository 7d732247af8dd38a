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
import org.oretrace.core.ledger.InclusionProof;
import org.oretrace.core.ledger.MerkleHash;
import org.oretrace.core.ledger.MerkleProofs;
import org.oretrace.core.ledger.SignedNote;
import org.oretrace.core.ledger.VerifierKey;
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

  @BeforeEach
  void recordTheChain() {
    server.seedRegistry();
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
    assertThat(checkpoint.size()).isEqualTo(10);

    JsonNode answer = server.get("/api/v1/log/proof/inclusion?event=e-merge").json();
    byte[] entry = Base64.getDecoder().decode(answer.get("entry").asText());
    JsonNode event = Json.parse(entry);
    assertThat(event.get("id").asText()).isEqualTo("e-merge");
    assertThat(answer.get("index").asLong()).isEqualTo(6);

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
    assertThat(newer.size()).isEqualTo(11);

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
  void badParametersAreProblems() {
    assertProblem(server.get("/api/v1/log/proof/inclusion?event=nope"), 404);
    assertProblem(server.get("/api/v1/log/proof/inclusion?index=1&event=e-merge"), 400);
    assertProblem(server.get("/api/v1/log/proof/inclusion?index=10"), 400);
    assertProblem(server.get("/api/v1/log/proof/inclusion?event=e-merge&size=3"), 400);
    assertProblem(server.get("/api/v1/log/proof/inclusion?index=0&size=11"), 400);
    assertProblem(server.get("/api/v1/log/proof/consistency?from=0&to=5"), 400);
    assertProblem(server.get("/api/v1/log/proof/consistency?from=6&to=5"), 400);
    assertProblem(server.get("/api/v1/log/entries?limit=1001"), 400);
    assertProblem(server.get("/api/v1/log/entries?start=x"), 400);
  }

  private static void assertProblem(Response response, int status) {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("status").asInt()).isEqualTo(status);
  }

  private static List<MerkleHash> hashes(JsonNode answer) {
    List<MerkleHash> hashes = new ArrayList<>();
    answer.get("hashes").forEach(hash -> hashes.add(MerkleHash.fromBase64(hash.asText())));
    return hashes;
  }
}
