package org.oretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oretrace.store.Stores;
import org.oretrace.store.json.Json;
import org.oretrace.store.sqlite.SqliteStore;

class ExportCommandTest {

  @TempDir Path folder;

  @Test
  void exportsASimulatedWorldAsOneEpcisDocumentWithEveryEvent() throws IOException {
    Path world = folder.resolve("world");
    Path data = folder.resolve("data");
    Path out = folder.resolve("export.jsonld");
    assertThat(run("simulate", "--lots", "30", "--out", world.toString())).isZero();
    assertThat(run("import", world.toString(), "--data", data.toString())).isZero();

    int exit =
        run(
            "export",
            "--format",
            "epcis-jsonld",
            "--data",
            data.toString(),
            "--out",
            out.toString());

    assertThat(exit).isZero();
    JsonNode document = Json.parse(Files.readAllBytes(out));
    assertThat(document.get("type").asText()).isEqualTo("EPCISDocument");
    assertThat(document.get("@context").toString()).contains("https://oretrace.org/epcis/");
    JsonNode events = document.get("epcisBody").get("eventList");
    long recorded;
    try (SqliteStore store = SqliteStore.open(data.resolve(Stores.SQLITE_FILE))) {
      recorded = store.custody().eventCount();
    }
    assertThat(recorded).isPositive();
    assertThat(events).hasSize((int) recorded);
    assertThat(events.get(0).get("bizStep").asText()).isEqualTo("commissioning");
  }

  @Test
  void refusesAnUnknownFormat() {
    int exit =
        run(
            "export",
            "--format",
            "csv",
            "--data",
            folder.resolve("data").toString(),
            "--out",
            folder.resolve("x").toString());

    assertThat(exit).isEqualTo(Main.EXIT_USAGE);
  }

  private static int run(String... arguments) {
    return Main.commandLine().execute(arguments);
  }
}
