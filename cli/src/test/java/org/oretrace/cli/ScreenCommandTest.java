package org.oretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code oretrace watchlist import}, {@code oretrace screen} and {@code oretrace bench screen}
 * in process on the real UN and OFAC lists kept with the store's tests.
 */
class ScreenCommandTest {

  private static final Path LISTS = Path.of("../store/src/test/resources/watchlist");

  @TempDir Path folder;

  private static CommandRun run(String... arguments) {
    return CommandRun.of(arguments);
  }

  private String data() {
    return folder.resolve("data").toString();
  }

  private void importLists() {
    CommandRun imported =
        run(
            "watchlist",
            "import",
            "--data",
            data(),
            "--un",
            LISTS.resolve("UN_consolidated.xml").toString(),
            "--ofac-dir",
            LISTS.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out())
        .contains("UN: 1,003 entries; 1,003 added, 0 removed, 0 changed since the last import")
        .contains("OFAC-SDN: 7,379 entries; 7,379 added");
  }

  @Test
  void importsListsThenScreensANameWithItsEvidence() {
    importLists();

    CommandRun text =
        run(
            "screen",
            "--data",
            data(),
            "--country",
            "CD",
            "--type",
            "person",
            "Col. Makenga Sultani");
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out()).contains("UN CDi.008").contains("country CD agrees");

    CommandRun json = run("screen", "--data", data(), "--json", "Sultani Makenga");
    assertThat(json.out())
        .contains("\"list\":\"UN\"", "\"reference\":\"CDi.008\"", "\"explanation\":");

    CommandRun again = run("watchlist", "import", "--data", data(), "--ofac-dir", LISTS.toString());
    assertThat(again.out())
        .contains("OFAC-SDN: 7,379 entries; 0 added, 0 removed, 0 changed since the last import");
  }

  @Test
  void screensAFileOfNamesWithAProgressLine() throws Exception {
    Path names = folder.resolve("names.csv");
    Files.writeString(
        names, "name,country,type\nSultani Makenga,CD,person\nJeanne Uwimana,RW,person\n");

    CommandRun screened =
        run(
            "screen",
            "--un",
            LISTS.resolve("UN_consolidated.xml").toString(),
            "--file",
            names.toString());
    assertThat(screened.exitCode()).as(screened.err()).isZero();
    assertThat(screened.out()).contains("Sultani Makenga\t").doesNotContain("Uwimana");
    assertThat(screened.err()).contains("screening [", "1 of 2 names matched");
  }

  @Test
  void withoutListsOrNameItSaysWhatIsMissing() {
    assertThat(run("screen", "--data", data(), "Somebody").exitCode())
        .isEqualTo(Main.EXIT_NO_INPUT);
    assertThat(run("screen", "--data", data()).exitCode()).isEqualTo(Main.EXIT_USAGE);
  }

  @Test
  void benchScreenPrintsQualityNextToTheBaselineAndSpeed() {
    CommandRun bench =
        run(
            "bench",
            "screen",
            "--un",
            LISTS.resolve("UN_consolidated.xml").toString(),
            "--quality-names",
            "200",
            "--baseline-names",
            "50",
            "--list-size",
            "2000",
            "--names",
            "2000");
    assertThat(bench.exitCode()).as(bench.err()).isZero();
    assertThat(bench.out())
        .startsWith("screening: recall")
        .contains("Jaro-Winkler 0.80 baseline", "names/s", "s of CPU")
        .contains("variant kind", "typo", "decoy kind", "near miss", "missed (");
  }
}
