package org.oretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oretrace.server.OretraceServer;
import org.oretrace.server.ServerConfig;
import org.oretrace.store.Recorder;
import org.oretrace.store.Stores;
import org.oretrace.store.json.Json;
import org.oretrace.store.sqlite.SqliteStore;

/**
 * The field flow end to end, as a device and a buyer would run it: {@code field keygen}, the admin
 * registers the key with a real server, {@code field sign} offline, {@code field upload} (twice,
 * and once altered), then {@code certificate} from the data folder and {@code verify} of the
 * certificate, intact and tampered.
 */
class FieldCommandTest {

  private static final String ADMIN_TOKEN = "field-test-admin-token-0123456789";

  private static final String WORLD =
      """
      {"sites": [{"id": "CD-NK-001", "name": "Luwowo", "country": "CD",
                  "location": {"lat": -1.60, "lon": 28.95}, "minerals": ["coltan"],
                  "icglrStatus": "green"}],
       "actors": [{"id": "COOP-1", "name": "Cooperative", "kind": "cooperative", "country": "CD"},
                  {"id": "TRADER-1", "name": "Trader", "kind": "trader", "country": "CD"}],
       "events": [{"id": "e-0", "type": "tag", "time": "2025-05-01T08:00:00+02:00",
                   "place": {"lat": -1.60, "lon": 28.95}, "actor": "COOP-1",
                   "recordedBy": "office", "lot": "LOT-0", "tagNumber": "TAG-0",
                   "site": "CD-NK-001", "mineral": "coltan", "massGrams": 12000}]}
      """;

  private static final String BATCH =
      """
      {"batchId": "tablet-7-0001", "events": [
        {"id": "f-1", "type": "tag", "time": "2025-05-02T08:00:00+02:00",
         "place": {"lat": -1.60, "lon": 28.95}, "actor": "COOP-1", "recordedBy": "tablet-7",
         "lot": "LOT-F", "tagNumber": "TAG-F", "site": "CD-NK-001", "mineral": "coltan",
         "massGrams": 40000, "grade": 31.5},
        {"id": "f-2", "type": "ship", "time": "2025-05-02T09:00:00+02:00",
         "place": {"lat": -1.60, "lon": 28.95}, "actor": "COOP-1", "recordedBy": "tablet-7",
         "lot": "LOT-F", "consignee": "TRADER-1"}]}
      """;

  @TempDir Path folder;

  @Test
  void aDeviceSignsOfflineUploadsOnceAndABuyerVerifiesTheCertificate() throws Exception {
    Path data = folder.resolve("data");
    Path world = folder.resolve("world.json");
    Files.writeString(world, WORLD);
    assertThat(run("import", "--data", data.toString(), world.toString()).exitCode()).isZero();

    Path keyFile = folder.resolve("tablet-7.key");
    CommandRun keygen = run("field", "keygen", "--out", keyFile.toString());
    assertThat(keygen.exitCode()).isZero();
    String publicKey = keygen.out().strip();

    Path batch = folder.resolve("batch.json");
    Path signed = folder.resolve("signed.json");
    Files.writeString(batch, BATCH);
    CommandRun sign =
        run(
            "field",
            "sign",
            batch.toString(),
            "--key",
            keyFile.toString(),
            "--device",
            "tablet-7",
            "--out",
            signed.toString());
    assertThat(sign.exitCode()).isZero();

    try (SqliteStore store = SqliteStore.open(data.resolve(Stores.SQLITE_FILE));
        OretraceServer server =
            new OretraceServer(
                new ServerConfig("127.0.0.1", 0, ADMIN_TOKEN), Recorder.open(store))) {
      String url = "http://127.0.0.1:" + server.start();
      HttpResponse<String> registered =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url + "/api/v1/devices"))
                      .header("Authorization", "Bearer " + ADMIN_TOKEN)
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"id\": \"tablet-7\", \"actor\": \"COOP-1\", \"sites\":"
                                  + " [\"CD-NK-001\"], \"publicKey\": \""
                                  + publicKey
                                  + "\"}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(registered.statusCode()).isEqualTo(201);

      CommandRun first =
          run("field", "upload", signed.toString(), "--server", url, "--token", ADMIN_TOKEN);
      CommandRun again =
          run("field", "upload", signed.toString(), "--server", url, "--token", ADMIN_TOKEN);
      assertThat(first.exitCode()).isZero();
      assertThat(first.out()).contains("batch tablet-7-0001 recorded: 2 events");
      assertThat(again.exitCode()).isZero();
      assertThat(again.out()).contains("already recorded (nothing written)");

      ObjectNode altered = (ObjectNode) Json.parse(Files.readAllBytes(signed));
      ((ObjectNode) altered.withArray("events").get(0)).put("massGrams", 48_000);
      altered.put("batchId", "tablet-7-0002");
      Path alteredFile = folder.resolve("altered.json");
      Files.writeString(alteredFile, Json.text(altered));
      CommandRun refused =
          run("field", "upload", alteredFile.toString(), "--server", url, "--token", ADMIN_TOKEN);
      assertThat(refused.exitCode()).isEqualTo(Main.EXIT_DATA);
      assertThat(refused.err()).contains("refused (422)", "changed after signing");
      assertThat(store.custody().eventCount()).isEqualTo(3);
    }

    Path certificate = folder.resolve("certificate.json");
    Path keyOfLog = folder.resolve("log.pub");
    assertThat(
            run("certificate", "LOT-F", "--data", data.toString(), "--out", certificate.toString())
                .exitCode())
        .isZero();
    try (SqliteStore store = SqliteStore.open(data.resolve(Stores.SQLITE_FILE))) {
      Files.writeString(keyOfLog, store.ledger().verifierKey() + "\n");
    }
    CommandRun verified = run("verify", certificate.toString(), "--key", keyOfLog.toString());
    assertThat(verified.exitCode()).isZero();
    assertThat(verified.out())
        .contains(
            "certificate of lot LOT-F verified: 2 events",
            "tagged at site CD-NK-001",
            "recorded by tablet-7",
            "first weighing was honest");

    String tampered = Files.readString(certificate).replace("40000", "30000");
    Files.writeString(certificate, tampered);
    CommandRun failed = run("verify", certificate.toString(), "--key", keyOfLog.toString());
    assertThat(failed.exitCode()).isEqualTo(Main.EXIT_DATA);
    assertThat(failed.out()).contains("does NOT verify", "inclusion proof fails", "event f-1");
  }

  private static CommandRun run(String... arguments) {
    return CommandRun.of(arguments);
  }
}
