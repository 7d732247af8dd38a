package org.oretrace.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Benchmarks that print one line of figures each; see the README for the figures reached. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Run a benchmark and print its figures.",
    subcommands = {BenchCommand.Trace.class})
final class BenchCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(
      name = "trace",
      mixinStandardHelpOptions = true,
      description = "Time upstream and downstream traces in a synthetic world of the given size.")
  static final class Trace implements Callable<Integer> {

    @Option(
        names = "--lots",
        defaultValue = "1000000",
        description = "World size in lots (default: ${DEFAULT-VALUE}).")
    int lots;

    @Option(
        names = "--queries",
        defaultValue = "10000",
        description = "Traces timed each way (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(
        names = "--seed",
        defaultValue = "42",
        description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
      if (lots < 1000 || queries < 1) {
        throw new Failures.UserError(
            Main.EXIT_USAGE, "--lots must be at least 1000 and --queries at least 1");
      }
      System.out.println(TraceBenchmark.run(lots, queries, seed).line());
      return 0;
    }
  }
}
