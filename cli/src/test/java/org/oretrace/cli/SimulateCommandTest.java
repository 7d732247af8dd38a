package org.oretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oretrace.store.json.Json;
import org.oretrace.store.json.WorldFiles;

class SimulateCommandTest {

  @TempDir Path folder;

  private int simulate(Path out, String... extra) {
    List<String> arguments =
        new java.util.ArrayList<>(
            List.of("simulate", "--seed", "5", "--lots", "300", "--out", out.toString()));
    arguments.addAll(List.of(extra));
    return Main.commandLine().execute(arguments.toArray(String[]::new));
  }

  @Test
  void theSameArgumentsWriteTheSameBytesGroundTruthIncluded() throws IOException {
    assertThat(simulate(folder.resolve("a"), "--schemes", "D2:5,D3:4,D11:4")).isZero();
    assertThat(simulate(folder.resolve("b"), "--schemes", "D2:5,D3:4,D11:4")).isZero();

    for (String file :
        List.of(WorldFiles.SITES, WorldFiles.ACTORS, WorldFiles.EVENTS, WorldFiles.GROUND_TRUTH)) {
      assertThat(Files.readAllBytes(folder.resolve("a").resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(folder.resolve("b").resolve(file)));
    }
    var truth =
        Json.parse(Files.readAllBytes(folder.resolve("a").resolve(WorldFiles.GROUND_TRUTH)));
    assertThat(truth.get("schemes").size()).isGreaterThanOrEqualTo(3);
    assertThat(truth.get("schemes").get(0).get("completingEvent").asText()).startsWith("ev-");
  }

  @Test
  void aBadSchemeListIsAUsageError() {
    assertThat(simulate(folder.resolve("c"), "--schemes", "D2")).isEqualTo(Main.EXIT_USAGE);
  }
}
