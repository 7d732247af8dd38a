package org.oretrace.cli;

import picocli.CommandLine.Option;

/**
 * The options of a command that simulates a world: its size in lots and its seed (the same seed and
 * size, the same world). A picocli mixin; each command sets its own defaults by the instance it
 * mixes in ({@code @Mixin WorldOptions world = new WorldOptions(2_000, 42)}), which the help shows.
 */
final class WorldOptions {

  @Option(
      names = "--lots",
      description = "Lots in the simulated world (default: ${DEFAULT-VALUE}).")
  int lots;

  @Option(names = "--seed", description = "Simulation seed (default: ${DEFAULT-VALUE}).")
  long seed;

  /** For picocli's factory; commands give their own defaults. */
  WorldOptions() {
    this(2_000, 42);
  }

  WorldOptions(int lots, long seed) {
    this.lots = lots;
    this.seed = seed;
  }
}
