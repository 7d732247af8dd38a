package org.oretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oretrace.store.sqlite.SqliteStore;

class ImportTradeCommandTest {

  @TempDir Path folder;

  @Test
  void aSimulatedWorldsStatisticsAreImportedAndJudged() throws IOException {
    Path world = folder.resolve("world");
    Path data = folder.resolve("data");
    assertThat(
            Main.commandLine()
                .execute("simulate", "--seed", "3", "--lots", "300", "--out", world.toString()))
        .isZero();
    Path statistics = world.resolve(SimulateCommand.TRADE_STATISTICS);
    assertThat(Files.readString(statistics)).startsWith("reporter,partner,year,month,hs,flow");
    assertThat(Main.commandLine().execute("import", world.toString(), "--data", data.toString()))
        .isZero();
    try (SqliteStore store = SqliteStore.open(data.resolve("oretrace.db"))) {
      // import counted D10's custody totals up to its last event: import-trade reads them.
      assertThat(store.tradeTotals().load().orElseThrow().nextSequence())
          .isEqualTo(store.custody().nextSequence())
          .isPositive();
      assertThat(store.tradeTotals().load().orElseThrow().cells()).isNotEmpty();
    }

    assertThat(
            Main.commandLine()
                .execute("import-trade", statistics.toString(), "--data", data.toString()))
        .isZero();

    long lines = Files.readAllLines(statistics).size() - 1L;
    try (SqliteStore store = SqliteStore.open(data.resolve("oretrace.db"))) {
      assertThat(store.tradeStatistics().count()).isEqualTo(lines).isPositive();
    }
  }

  @Test
  void aBadFileWritesNothingAndIsADataError() throws IOException {
    Path file = folder.resolve("bad.csv");
    Files.writeString(file, "reporter,partner,year,hs,flow,netMassKg\nCD,MY,20x5,261590,out,a\n");
    Path data = folder.resolve("data");

    assertThat(
            Main.commandLine().execute("import-trade", file.toString(), "--data", data.toString()))
        .isEqualTo(Main.EXIT_DATA);
    assertThat(
            Main.commandLine()
                .execute(
                    "import-trade",
                    folder.resolve("none.csv").toString(),
                    "--data",
                    data.toString()))
        .isEqualTo(Main.EXIT_NO_INPUT);
  }
}
