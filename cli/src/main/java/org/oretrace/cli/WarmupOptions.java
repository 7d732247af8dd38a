package org.oretrace.cli;

import picocli.CommandLine.Option;

/**
 * The warm-up of a throughput benchmark: a world captured, untimed, before the timed one, so that
 * the figure is the JVM's steady state rather than its JIT compiler at work. A picocli mixin.
 */
final class WarmupOptions {

  @Option(
      names = "--warmup-lots",
      paramLabel = "N",
      description =
          "Lots of the world captured, untimed, before the timed run (default: as many as --lots;"
              + " 0 for none).")
  Integer lots;

  /** The warm-up's lots: as asked, or as many as the timed world's. */
  int lots(int timedLots) {
    return lots == null ? timedLots : lots;
  }
}
