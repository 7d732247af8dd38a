package org.oretrace.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Benchmarks that print one line of figures each; see the README for the figures reached. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Run a benchmark and print its figures.",
    subcommands = {
      BenchCommand.Capture.class,
      BenchCommand.Trace.class,
      BenchCommand.LedgerProofs.class,
      BenchCommand.Detect.class,
      BenchCommand.Epcis.class,
      BenchCommand.Screen.class,
      BenchCommand.Compare.class,
      BenchCommand.Customs.class,
      BenchCommand.Kafka.class
    })
final class BenchCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /**
   * Fails with a clear message when this executable lacks a benchmark's peer: oretrace.jar leaves
   * DuckDB and Kafka's broker out, oretrace-bench.jar (which ./oretrace runs for bench) has them.
   */
  static void requirePeer(String className, String peer) {
    try {
      Class.forName(className, false, BenchCommand.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new Failures.UserError(
          Main.EXIT_SOFTWARE,
          peer
              + " is not in this executable: run benchmarks with ./oretrace bench ..., or java"
              + " -jar cli/target/oretrace-bench.jar bench ...");
    }
  }

  @Command(
      name = "capture",
      mixinStandardHelpOptions = true,
      description =
          "Time capture (JSON decode, encoding, rules, store and ledger, graph, optionally"
              + " detection) of a simulated world's events, on a temporary SQLite file or, with"
              + " --db, on an empty PostgreSQL database.")
  static final class Capture implements Callable<Integer> {

    @Mixin WorldOptions world = new WorldOptions(100_000, 42);

    @Mixin WarmupOptions warmup = new WarmupOptions();

    @Option(
        names = "--batch-size",
        defaultValue = "1000",
        description = "Events per API batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
        names = "--db",
        paramLabel = "URL",
        description =
            "An empty database to capture into instead of a temporary SQLite file:"
                + " jdbc:postgresql://HOST:PORT/DB?user=USER&password=PASSWORD.")
    String databaseUrl;

    @Option(
        names = "--clients",
        defaultValue = "1",
        description =
            "Concurrent clients, each decoding, encoding and checking its batches, then writing"
                + " them in turn; with 2, one checks the next batch while the other writes"
                + " (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(
        names = "--detection",
        description = "Attach detection to the recorder, as serve and demo do.")
    boolean detection;

    @Override
    public Integer call() {
      if (world.lots < 1 || batchSize < 1 || clients < 1 || warmup.lots(world.lots) < 0) {
        throw new Failures.UserError(
            Main.EXIT_USAGE,
            "--lots, --batch-size and --clients must be at least 1, --warmup-lots at least 0");
      }
      System.out.println(
          CaptureBenchmark.run(
                  world.lots,
                  batchSize,
                  world.seed,
                  clients,
                  detection,
                  databaseUrl,
                  warmup.lots(world.lots))
              .line());
      return 0;
    }
  }

  @Command(
      name = "ledger",
      mixinStandardHelpOptions = true,
      description =
          "Fill a SQLite ledger with synthetic leaves through the capture's append path, then time"
              + " inclusion and consistency proofs of random leaves against the full tree.")
  static final class LedgerProofs implements Callable<Integer> {

    @Option(
        names = "--leaves",
        defaultValue = "1000000",
        description = "Leaves in the log (default: ${DEFAULT-VALUE}).")
    long leaves;

    @Option(
        names = "--batch-size",
        defaultValue = "10000",
        description = "Leaves appended per transaction (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
        names = "--proofs",
        defaultValue = "10000",
        description = "Proofs of each kind to time (default: ${DEFAULT-VALUE}).")
    int proofs;

    @Option(
        names = "--seed",
        defaultValue = "42",
        description = "Seed of the random leaves and sizes (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
      if (leaves < 1 || batchSize < 1 || proofs < 1) {
        throw new Failures.UserError(
            Main.EXIT_USAGE, "--leaves, --batch-size and --proofs must be at least 1");
      }
      long step = Math.max(leaves / 20, 1);
      LedgerBenchmark.Result result =
          LedgerBenchmark.run(
              leaves,
              batchSize,
              proofs,
              seed,
              appended -> {
                if (appended % step < batchSize || appended == leaves) {
                  System.err.printf(Locale.ROOT, "ledger: %,d of %,d leaves%n", appended, leaves);
                }
              });
      System.out.println(result.line());
      return 0;
    }
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

  @Command(
      name = "detect",
      mixinStandardHelpOptions = true,
      description =
          "Score detection against a simulated world's planted schemes: per-detector precision,"
              + " recall, F1 and alert latency. The detectors were tuned on seeds 1-100.")
  static final class Detect implements Callable<Integer> {

    @Mixin WorldOptions world = new WorldOptions(10_000, 1001);

    @Option(
        names = "--scenario",
        defaultValue = "great-lakes-3t",
        description = "Scenario (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(
        names = "--schemes",
        defaultValue = "default",
        description = "Schemes to plant per 1,000 lots (default: ${DEFAULT-VALUE}).")
    String schemes;

    @Option(
        names = "--seeds",
        paramLabel = "FIRST-LAST",
        description =
            "Score every seed of a range in memory (no store, no latency) and print the sums per"
                + " detector, e.g. 1-100 (the tuning seeds) or 1001-1005.")
    String seeds;

    @Override
    public Integer call() {
      org.oretrace.sim.Scenario chosen;
      org.oretrace.sim.SchemeRates rates;
      try {
        chosen = org.oretrace.sim.Scenario.named(scenario);
        rates = org.oretrace.sim.SchemeRates.parse(schemes);
      } catch (IllegalArgumentException e) {
        throw new Failures.UserError(Main.EXIT_USAGE, e.getMessage());
      }
      if (world.lots < 1) {
        throw new Failures.UserError(Main.EXIT_USAGE, "--lots must be at least 1");
      }
      if (seeds != null) {
        java.util.regex.Matcher range =
            java.util.regex.Pattern.compile("(\\d{1,18})-(\\d{1,18})").matcher(seeds.trim());
        if (!range.matches() || Long.parseLong(range.group(1)) > Long.parseLong(range.group(2))) {
          throw new Failures.UserError(
              Main.EXIT_USAGE, "--seeds must be FIRST-LAST with FIRST <= LAST, e.g. 1-100");
        }
        DetectionBenchmark.quality(
                chosen,
                Long.parseLong(range.group(1)),
                Long.parseLong(range.group(2)),
                world.lots,
                rates)
            .lines()
            .forEach(System.out::println);
        return 0;
      }
      DetectionBenchmark.run(chosen, world.seed, world.lots, rates)
          .lines()
          .forEach(System.out::println);
      return 0;
    }
  }

  @Command(
      name = "epcis",
      mixinStandardHelpOptions = true,
      description =
          "Time EPCIS 2.0 capture over HTTP (schema validation, mapping, Recorder, storage).")
  static final class Epcis implements Callable<Integer> {

    @Mixin WorldOptions world = new WorldOptions(20_000, 42);

    @Mixin WarmupOptions warmup = new WarmupOptions();

    @Option(
        names = "--batch-size",
        defaultValue = "1000",
        description = "Events per EPCIS document (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() {
      if (world.lots < 1 || batchSize < 1 || warmup.lots(world.lots) < 0) {
        throw new Failures.UserError(
            Main.EXIT_USAGE,
            "--lots and --batch-size must be at least 1, --warmup-lots at least 0");
      }
      System.out.println(
          EpcisBenchmark.run(world.lots, batchSize, world.seed, warmup.lots(world.lots)).line());
      return 0;
    }
  }

  @Command(
      name = "screen",
      mixinStandardHelpOptions = true,
      description = {
        "Screening quality and speed on variants of real list names: recall and precision at the"
            + " default threshold next to plain Jaro-Winkler at 0.80, then names per second against"
            + " the list grown to --list-size entries; then recall per kind of variant, the decoys"
            + " that passed per kind, and --examples of the names missed and the decoys passed.",
        "Lists: --un, --ofac-dir, --ftm, or those imported in the data folder."
      })
  static final class Screen implements Callable<Integer> {

    @Mixin DataOptions data;

    @Mixin WatchListFiles files;

    @Option(
        names = "--quality-names",
        defaultValue = "20000",
        description = "Variants and decoys in the quality set (default: ${DEFAULT-VALUE}).")
    int qualityNames;

    @Option(
        names = "--baseline-names",
        defaultValue = "2000",
        description =
            "How many of them the brute-force baseline screens (default: ${DEFAULT-VALUE}).")
    int baselineNames;

    @Option(
        names = "--list-size",
        defaultValue = "100000",
        description =
            "Entries in the grown list of the speed run; 0 skips it (default: ${DEFAULT-VALUE}).")
    int listSize;

    @Option(
        names = "--names",
        defaultValue = "1000000",
        description = "Names screened in the speed run (default: ${DEFAULT-VALUE}).")
    int names;

    @Option(
        names = "--seed",
        defaultValue = "42",
        description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--examples",
        defaultValue = "20",
        description =
            "Names missed and decoys passed listed after the table (default: ${DEFAULT-VALUE}).")
    int examples;

    @Override
    public Integer call() {
      java.util.List<org.oretrace.core.screening.WatchListEntry> entries;
      if (!files.isEmpty()) {
        entries = files.read().stream().flatMap(list -> list.entries().stream()).toList();
      } else {
        try (org.oretrace.store.Store store = data.openStore()) {
          entries = store.watchLists().entries();
        }
      }
      if (entries.isEmpty()) {
        throw new Failures.UserError(
            Main.EXIT_NO_INPUT,
            "no list to benchmark on: give --un, --ofac-dir or --ftm, or import lists first");
      }
      org.oretrace.core.screening.ScreeningBenchmark.Settings settings;
      try {
        settings =
            new org.oretrace.core.screening.ScreeningBenchmark.Settings(
                qualityNames, baselineNames, listSize, names, seed);
      } catch (IllegalArgumentException e) {
        throw new Failures.UserError(Main.EXIT_USAGE, e.getMessage());
      }
      System.err.printf(
          "oretrace: %,d entries; quality set of %,d names, then %,d names against %,d entries%n",
          entries.size(), qualityNames, names, listSize);
      org.oretrace.core.screening.ScreeningBenchmark.Figures figures =
          org.oretrace.core.screening.ScreeningBenchmark.run(entries, settings);
      System.out.println(figures.summary());
      System.out.print(figures.breakdown(Math.max(0, examples)));
      return 0;
    }
  }

  @Command(
      name = "compare",
      mixinStandardHelpOptions = true,
      description = {
        "Oretrace against the engines a user would pick instead, on the same generated data, as one"
            + " table: lineage traces against a PostgreSQL recursive CTE, the mass balance of every"
            + " actor against DuckDB in process, capture on SQLite and on PostgreSQL.",
        "PostgreSQL: --postgres, else $"
            + Compare.POSTGRES_VARIABLE
            + "; each phase works in a"
            + " scratch schema it drops afterwards. Without either, the PostgreSQL rows are skipped."
      })
  static final class Compare implements Callable<Integer> {

    static final String POSTGRES_VARIABLE = "ORETRACE_TEST_POSTGRES_URL";

    @Option(
        names = "--lots",
        defaultValue = "1000000",
        description = "Lots in the lineage world (default: ${DEFAULT-VALUE}; the goal is at 10M).")
    int lots;

    @Option(
        names = "--queries",
        defaultValue = "1000",
        description = "Upstream traces timed on each side (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(
        names = "--events",
        defaultValue = "10000000",
        description =
            "Events in the mass-balance record (default: ${DEFAULT-VALUE}; the goal is at 50M).")
    int events;

    @Option(
        names = "--capture-lots",
        defaultValue = "20000",
        description = "Lots in the simulated world captured (default: ${DEFAULT-VALUE}).")
    int captureLots;

    @Option(
        names = "--repeats",
        defaultValue = "3",
        description =
            "Mass-balance runs on each side; the median counts (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(
        names = "--threads",
        description = "Threads for the mass balance, on both sides (default: the processors).")
    Integer threads;

    @Option(
        names = "--seed",
        defaultValue = "42",
        description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--postgres",
        paramLabel = "URL",
        description =
            "The PostgreSQL server: jdbc:postgresql://HOST:PORT/DB?user=USER&password=PASSWORD.")
    String postgresUrl;

    @Option(
        names = "--no-postgres",
        description = "Skip the PostgreSQL rows even when $" + POSTGRES_VARIABLE + " is set.")
    boolean noPostgres;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      String url = postgresUrl;
      String missing = null;
      if (noPostgres) {
        if (url != null) {
          throw new Failures.UserError(
              Main.EXIT_USAGE, "--postgres and --no-postgres exclude each other");
        }
        missing = "--no-postgres given";
      } else if (url == null) {
        String fromEnvironment = System.getenv(POSTGRES_VARIABLE);
        if (fromEnvironment == null || fromEnvironment.isBlank()) {
          missing = "no --postgres given and " + POSTGRES_VARIABLE + " is not set";
        } else {
          url = fromEnvironment;
        }
      } else if (!url.startsWith(org.oretrace.store.postgres.PostgresStore.URL_PREFIX)) {
        throw new Failures.UserError(Main.EXIT_USAGE, "--postgres must be a jdbc:postgresql: URL");
      }
      CompareBenchmark.Settings settings;
      try {
        settings =
            new CompareBenchmark.Settings(
                lots,
                queries,
                events,
                captureLots,
                repeats,
                threads == null ? Runtime.getRuntime().availableProcessors() : threads,
                seed,
                url,
                missing);
      } catch (IllegalArgumentException e) {
        throw new Failures.UserError(Main.EXIT_USAGE, e.getMessage());
      }
      requirePeer("org.duckdb.DuckDBConnection", "DuckDB");
      if (missing != null) {
        System.err.println("oretrace: PostgreSQL rows skipped: " + missing);
      }
      CompareBenchmark.Table table = CompareBenchmark.run(settings, System.err);
      java.io.PrintWriter out = spec.commandLine().getOut();
      table.lines().forEach(out::println);
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "customs",
      mixinStandardHelpOptions = true,
      description =
          "Time customs go/no-go answers on a simulated world recorded with detection: p50, p99"
              + " and worst, against the goal of 50 ms.")
  static final class Customs implements Callable<Integer> {

    @Mixin WorldOptions world = new WorldOptions(10_000, 1001);

    @Option(
        names = "--declarations",
        defaultValue = "5000",
        description = "Declarations to check (default: ${DEFAULT-VALUE}).")
    int declarations;

    @Override
    public Integer call() {
      if (world.lots < 1 || declarations < 1) {
        throw new Failures.UserError(
            Main.EXIT_USAGE, "--lots and --declarations must be at least 1");
      }
      System.out.println(
          CustomsBenchmark.run(
                  org.oretrace.sim.Scenario.named("great-lakes-3t"),
                  world.seed,
                  world.lots,
                  declarations)
              .line());
      return 0;
    }
  }

  @Command(
      name = "kafka",
      mixinStandardHelpOptions = true,
      description =
          "Record a simulated world with serve --kafka's publisher attached while detect-stream"
              + " consumes it, on a KRaft broker started in this JVM (or --kafka's brokers); print"
              + " events/s published and judged, the alert latency, and check the alerts equal"
              + " the embedded engine's.")
  static final class Kafka implements Callable<Integer> {

    @Mixin WorldOptions world = new WorldOptions(2_000, 42);

    @Option(
        names = "--batch-size",
        defaultValue = "1000",
        description = "Events per recorded batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
        names = "--partitions",
        defaultValue = "6",
        description = "Partitions of the events topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(
        names = "--kafka",
        paramLabel = "HOST:PORT[,HOST:PORT...]",
        description =
            "Existing brokers to use instead of starting one (topics of the run's own prefix).")
    String bootstrapServers;

    @Override
    public Integer call() {
      if (world.lots < 1 || batchSize < 1 || partitions < 1) {
        throw new Failures.UserError(
            Main.EXIT_USAGE, "--lots, --batch-size and --partitions must be at least 1");
      }
      if (bootstrapServers == null) {
        requirePeer("kafka.server.KafkaRaftServer", "Kafka's broker");
      }
      System.out.println(
          KafkaBenchmark.run(
                  world.lots, world.seed, batchSize, partitions, bootstrapServers, System.err)
              .line());
      return 0;
    }
  }
}
