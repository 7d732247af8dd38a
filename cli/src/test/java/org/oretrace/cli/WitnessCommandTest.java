package org.oretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oretrace.core.ledger.Cosignature;
import org.oretrace.core.ledger.SignedNote;
import org.oretrace.core.ledger.WitnessKey;
import org.oretrace.server.OretraceServer;
import org.oretrace.server.ServerConfig;
import org.oretrace.store.Recorder;
import org.oretrace.store.Stores;
import org.oretrace.store.json.Json;
import org.oretrace.store.json.RegistryJson;
import org.oretrace.store.sqlite.SqliteStore;

/**
 * A witness end to end against a real server: {@code witness keygen}, {@code witness cosign} twice
 * while the log grows (a registry change is a leaf too), the cosigned checkpoint served with its
 * cosignature, a witness whose memory disagrees with the log refusing to cosign, and {@code verify
 * --witness-key} counting the witness offline.
 */
class WitnessCommandTest {

  private static final String ADMIN_TOKEN = "witness-test-admin-token-0123456789";

  private static final String WORLD =
      """
      {"sites": [{"id": "CD-NK-001", "name": "Luwowo", "country": "CD",
                  "location": {"lat": -1.60, "lon": 28.95}, "minerals": ["coltan"],
                  "icglrStatus": "green"}],
       "actors": [{"id": "COOP-1", "name": "Cooperative", "kind": "cooperative", "country": "CD"}],
       "events": [{"id": "e-0", "type": "tag", "time": "2025-05-01T08:00:00+02:00",
                   "place": {"lat": -1.60, "lon": 28.95}, "actor": "COOP-1",
                   "recordedBy": "office", "lot": "LOT-0", "tagNumber": "TAG-0",
                   "site": "CD-NK-001", "mineral": "coltan", "massGrams": 12000}]}
      """;

  private static final String NEW_STATUS =
      """
      [{"id": "CD-NK-001", "name": "Luwowo", "country": "CD",
        "location": {"lat": -1.60, "lon": 28.95}, "minerals": ["coltan"],
        "icglrStatus": "red"}]
      """;

  @TempDir Path folder;

  @Test
  void aWitnessCosignsAGrowingLogRefusesAForkAndVerifyCountsIt() throws Exception {
    Path data = folder.resolve("data");
    Path world = folder.resolve("world.json");
    Files.writeString(world, WORLD);
    assertThat(CommandRun.of("import", "--data", data.toString(), world.toString()).exitCode())
        .isZero();
    Path key = folder.resolve("witness.key");
    CommandRun keygen =
        CommandRun.of("witness", "keygen", "--out", key.toString(), "--name", "witness.example");
    assertThat(keygen.exitCode()).isZero();
    Path witnessPublic = folder.resolve("witness.pub");
    Files.writeString(witnessPublic, keygen.out());
    assertThat(WitnessKey.parse(keygen.out().strip()).name()).isEqualTo("witness.example");
    // The log hears only the witnesses its operator accepts.
    CommandRun added =
        CommandRun.of("witness", "add", "--data", data.toString(), witnessPublic.toString());
    assertThat(added.exitCode()).as(added.err()).isZero();
    assertThat(added.out()).startsWith("accepted witness.example+");
    CommandRun accepted = CommandRun.of("witness", "list", "--data", data.toString());
    assertThat(accepted.out().strip()).isEqualTo(keygen.out().strip());
    Path strangerKey = folder.resolve("stranger.key");
    assertThat(
            CommandRun.of(
                    "witness",
                    "keygen",
                    "--out",
                    strangerKey.toString(),
                    "--name",
                    "stranger.example")
                .exitCode())
        .isZero();

    try (SqliteStore store = SqliteStore.open(data.resolve(Stores.SQLITE_FILE));
        OretraceServer server =
            new OretraceServer(
                new ServerConfig("127.0.0.1", 0, ADMIN_TOKEN), Recorder.open(store))) {
      String url = "http://127.0.0.1:" + server.start();
      long firstSize = store.ledger().size();
      assertThat(firstSize).isEqualTo(3); // a site, an actor, an event
      CommandRun first = CommandRun.of("witness", "cosign", "--log", url, "--key", key.toString());
      assertThat(first.exitCode()).as(first.err()).isZero();
      assertThat(first.out()).contains("cosigned oretrace.local/log at size 3");
      CommandRun stranger =
          CommandRun.of("witness", "cosign", "--log", url, "--key", strangerKey.toString());
      assertThat(stranger.exitCode()).isEqualTo(Main.EXIT_DATA);
      assertThat(stranger.err()).contains("refused the cosignature (403)", "unknown-witness");

      // An audit's status change is logged: the log grows and the witness follows it.
      store.registry().putSites(RegistryJson.decodeSites(Json.parse(bytes(NEW_STATUS))));
      CommandRun second = CommandRun.of("witness", "cosign", "--log", url, "--key", key.toString());
      assertThat(second.exitCode()).as(second.err()).isZero();
      assertThat(second.out()).contains("at size 4");

      String cosigned = get(url + "/api/v1/log/checkpoint/cosigned").body();
      SignedNote note = SignedNote.parse(cosigned);
      assertThat(note.body()).contains("\n4\n");
      WitnessKey witness = WitnessKey.parse(keygen.out().strip());
      assertThat(note.signatures()).hasSize(2);
      assertThat(Cosignature.of(note.signatures().get(1)).verifies(note.body(), witness)).isTrue();
      note.verify(java.util.List.of(store.ledger().verifierKey()));
      JsonNode listed = Json.parse(bytes(get(url + "/api/v1/log/cosignatures").body()));
      assertThat(listed.path("cosignatures")).hasSize(1);
      assertThat(listed.at("/cosignatures/0/treeSize").asLong()).isEqualTo(4);

      // A cosignature that is not over this log's checkpoint of that size is refused.
      HttpResponse<String> forged =
          post(
              url + "/api/v1/log/cosignatures",
              "{\"witnessKey\": \""
                  + witness
                  + "\", \"treeSize\": 3, \"cosignature\": \""
                  + Cosignature.parseLine(second.out().lines().toList().get(1)).toLine()
                  + "\"}");
      assertThat(forged.statusCode()).isEqualTo(400);

      // The witness remembers another root at size 4 than the log has: a fork, refused.
      Path state = Path.of(key + ".state");
      ObjectNode remembered = (ObjectNode) Json.parse(Files.readAllBytes(state));
      String forkedRoot = store.ledger().root(3).toBase64();
      remembered.put("rootHash", forkedRoot);
      Files.writeString(state, Json.text(remembered));
      store.registry().putSites(RegistryJson.decodeSites(Json.parse(bytes(WORLD_SITE_GREEN))));
      CommandRun forkedRun =
          CommandRun.of("witness", "cosign", "--log", url, "--key", key.toString());
      assertThat(forkedRun.exitCode()).isEqualTo(Main.EXIT_DATA);
      assertThat(forkedRun.err()).contains("not cosigning", "does not extend");
      assertThat(Json.parse(Files.readAllBytes(state)).path("rootHash").asText())
          .isEqualTo(forkedRoot);
    }

    CommandRun verified =
        CommandRun.of(
            "verify", "--data", data.toString(), "--witness-key", witnessPublic.toString());
    assertThat(verified.exitCode()).as(verified.out()).isZero();
    assertThat(verified.out())
        .contains("1 of 1 known witnesses cosigned: witness.example at size 4", "ledger verified");

    Path stranger = folder.resolve("stranger.pub");
    Files.writeString(stranger, WitnessKey.generate("stranger.example").publicOnly() + "\n");
    CommandRun unwitnessed =
        CommandRun.of(
            "verify",
            "--data",
            data.toString(),
            "--witness-key",
            witnessPublic.toString(),
            "--witness-key",
            stranger.toString());
    assertThat(unwitnessed.exitCode()).isEqualTo(Main.EXIT_DATA);
    assertThat(unwitnessed.out()).contains("1 known witnesses cosigned it, 2 required");
    CommandRun oneOfTwo =
        CommandRun.of(
            "verify",
            "--data",
            data.toString(),
            "--witness-key",
            witnessPublic.toString(),
            "--witness-key",
            stranger.toString(),
            "--witnesses",
            "1");
    assertThat(oneOfTwo.exitCode()).isZero();
  }

  private static final String WORLD_SITE_GREEN = NEW_STATUS.replace("\"red\"", "\"green\"");

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String url, String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
