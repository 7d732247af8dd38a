package org.oretrace.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.oretrace.sim.Scenario;
import org.oretrace.sim.SchemeRates;
import org.oretrace.sim.SimulationOptions;
import org.oretrace.sim.World;
import org.oretrace.store.json.WorldFiles;
import org.oretrace.store.trade.TradeStatisticsCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes a simulated world to a folder that {@code oretrace import} reads. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description =
        "Simulate a world and write it (sites.json, actors.json, events.ndjson,"
            + " ground-truth.json, trade-statistics.csv) to a folder.")
final class SimulateCommand implements Callable<Integer> {

  /** The world's national trade statistics, in the format {@code oretrace import-trade} reads. */
  static final String TRADE_STATISTICS = "trade-statistics.csv";

  @Option(
      names = "--scenario",
      defaultValue = "great-lakes-3t",
      description = "Scenario (default: ${DEFAULT-VALUE}).")
  String scenario;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--lots",
      defaultValue = "2000",
      description = "Lots to simulate (default: ${DEFAULT-VALUE}).")
  int lots;

  @Option(
      names = "--start",
      defaultValue = "2024-01-01",
      description = "First day (default: ${DEFAULT-VALUE}).")
  LocalDate start;

  @Option(
      names = "--schemes",
      defaultValue = "default",
      description =
          "Smuggling schemes to plant, per 1,000 lots: default, none, or e.g. D2:5,D3:2"
              + " (default: ${DEFAULT-VALUE}).")
  String schemes;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write.")
  Path out;

  @Override
  public Integer call() {
    Scenario chosen;
    SimulationOptions options;
    try {
      chosen = Scenario.named(scenario);
      options = new SimulationOptions(seed, lots, start, SchemeRates.parse(schemes));
    } catch (IllegalArgumentException e) {
      throw new Failures.UserError(Main.EXIT_USAGE, e.getMessage());
    }
    World world = chosen.generate(options);
    try {
      WorldFiles.write(out, world.sites(), world.actors(), world.events());
      WorldFiles.writeDocument(
          out, WorldFiles.GROUND_TRUTH, GroundTruthJson.encode(world.groundTruth()));
      Files.writeString(
          out.resolve(TRADE_STATISTICS), TradeStatisticsCsv.write(world.tradeStatistics()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.err.printf(
        "oretrace: wrote %,d sites, %,d actors, %,d events, %,d lines of trade statistics and %,d"
            + " planted schemes to %s%n",
        world.sites().size(),
        world.actors().size(),
        world.events().size(),
        world.tradeStatistics().size(),
        world.groundTruth().schemes().size(),
        out);
    return 0;
  }
}
