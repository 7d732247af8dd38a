package org.oretrace.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.oretrace.cli.peers.DuckDbMassBalancePeer;
import org.oretrace.cli.peers.PostgresLineagePeer;
import org.oretrace.cli.peers.ScratchSchema;
import org.oretrace.core.balance.ColumnarMassBalance;
import org.oretrace.core.balance.CustodyColumns;
import org.oretrace.core.balance.MonthlyBalances;
import org.oretrace.core.custody.CustodyGraph;
import org.oretrace.core.detection.BalanceProjection;
import org.oretrace.core.lineage.Direction;

/**
 * {@code oretrace bench compare}: Oretrace against the engine a user would pick instead, on the
 * same data in one run, as one table of figures and ratios.
 *
 * <ul>
 *   <li>Lineage: the world of {@link TraceBenchmark} in the lineage index and, by COPY, in the
 *       PostgreSQL store's tables ({@link PostgresLineagePeer}); the same smelter outputs traced
 *       upstream by both, every answer compared (the same set of lot ids, or the run fails).
 *   <li>Mass balance: {@link MassBalanceWorld}'s events booked by the product's projection, its
 *       columns summed by {@link ColumnarMassBalance} and, appended to DuckDB in process, by SQL
 *       ({@link DuckDbMassBalancePeer}); each side runs {@code repeats} times (the median is
 *       reported) and the two books must agree row by row.
 *   <li>Capture: {@link CaptureBenchmark} on a temporary SQLite file and on a scratch PostgreSQL
 *       schema.
 * </ul>
 *
 * Without a PostgreSQL server the PostgreSQL rows say why they are missing. Progress goes to the
 * error stream; the table is the result.
 */
final class CompareBenchmark {

  /** Where a comparison did not hold: the two engines gave different answers. */
  static final class Disagreement extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Disagreement(String message) {
      super(message);
    }
  }

  record Settings(
      int lots,
      int queries,
      int events,
      int captureLots,
      int repeats,
      int threads,
      long seed,
      String postgresUrl,
      String postgresMissing) {

    Settings {
      if (lots < 1 || queries < 1 || events < 1 || captureLots < 1 || repeats < 1 || threads < 1) {
        throw new IllegalArgumentException(
            "--lots, --queries, --events, --capture-lots, --repeats and --threads must be at least"
                + " 1");
      }
      if ((postgresUrl == null) == (postgresMissing == null)) {
        throw new IllegalArgumentException("either a PostgreSQL URL or why there is none");
      }
    }
  }

  /** A row of the table. */
  record Row(String measure, String oretrace, String peer, String ratio, String goal) {}

  /** The table and the lines under it. */
  record Table(List<Row> rows, List<String> notes) {
    List<String> lines() {
      List<String> lines = new ArrayList<>();
      lines.add("| measure | Oretrace | peer | ratio | goal |");
      lines.add("| --- | --- | --- | --- | --- |");
      for (Row row : rows) {
        lines.add(
            "| "
                + String.join(
                    " | ", row.measure(), row.oretrace(), row.peer(), row.ratio(), row.goal())
                + " |");
      }
      lines.add("");
      lines.addAll(notes);
      return lines;
    }
  }

  private static final String SKIPPED = "skipped";

  private final Settings settings;
  private final PrintStream progress;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private CompareBenchmark(Settings settings, PrintStream progress) {
    this.settings = settings;
    this.progress = progress;
  }

  static Table run(Settings settings, PrintStream progress) {
    CompareBenchmark benchmark = new CompareBenchmark(settings, progress);
    Path folder;
    try {
      folder = Files.createTempDirectory("oretrace-bench-compare");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      benchmark.trace(folder);
      benchmark.massBalance();
      benchmark.capture();
    } finally {
      CaptureBenchmark.deleteQuietly(folder);
    }
    if (settings.postgresUrl() == null) {
      benchmark.notes.add("PostgreSQL rows skipped: " + settings.postgresMissing() + ".");
    }
    benchmark.notes.add(
        String.format(
            Locale.ROOT,
            "machine: %d processors, %s %s on %s %s, JVM max heap %,d MB; load average at the end"
                + " %.1f",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.vm.name"),
            System.getProperty("java.version"),
            System.getProperty("os.name"),
            System.getProperty("os.arch"),
            Runtime.getRuntime().maxMemory() >> 20,
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    return new Table(List.copyOf(benchmark.rows), List.copyOf(benchmark.notes));
  }

  private void trace(Path folder) {
    boolean postgres = settings.postgresUrl() != null;
    CustodyGraph graph = new CustodyGraph();
    List<String> heats = new ArrayList<>();
    List<String> bags = new ArrayList<>();
    PostgresLineagePeer peer =
        postgres ? PostgresLineagePeer.open(settings.postgresUrl(), folder) : null;
    try {
      progress.printf(
          Locale.ROOT,
          "oretrace: lineage: %,d lots into the index%s%n",
          TraceBenchmark.worldSize(settings.lots()),
          postgres ? " and, by COPY, into PostgreSQL schema " + peer.schemaName() : "");
      Progress bar =
          new Progress(progress, "lots loaded", TraceBenchmark.worldSize(settings.lots()));
      long[] loaded = {0};
      TraceBenchmark.generate(
          settings.lots(),
          (lots, edges) -> {
            graph.restore(lots, edges);
            if (peer != null) {
              peer.load(lots, edges);
            }
            loaded[0] += lots.size();
            bar.update(loaded[0]);
          },
          heats,
          bags);
      bar.finish(loaded[0]);
      if (peer != null) {
        progress.println("oretrace: lineage: ANALYZE");
        peer.analyze();
      }
      SplittableRandom random = new SplittableRandom(settings.seed());
      String[] starts = new String[settings.queries()];
      Arrays.setAll(starts, index -> heats.get(random.nextInt(heats.size())));

      for (int index = 0; index < Math.min(2_000, settings.queries() * 4); index++) {
        var unused = graph.reach(starts[index % starts.length], Direction.UPSTREAM);
      }
      String peerName = SKIPPED;
      if (peer != null) {
        peerName = peer.version() + " recursive CTE";
        for (int index = 0; index < Math.min(20, starts.length); index++) {
          var unused = peer.upstream(starts[index]);
        }
      }
      // The two sides take turns, query by query, so that both see the same load on a shared
      // machine.
      QueryClock reachClock = new QueryClock(starts.length);
      long[] fullTrace = new long[starts.length];
      long[] cte = peer == null ? null : new long[starts.length];
      long ancestors = 0;
      progress.printf(
          Locale.ROOT,
          "oretrace: lineage: %,d upstream traces%s%n",
          starts.length,
          peer == null ? "" : " on each side");
      Progress queries = new Progress(progress, "traces", starts.length);
      for (int index = 0; index < starts.length; index++) {
        reachClock.start();
        List<String> ids = graph.reach(starts[index], Direction.UPSTREAM).orElseThrow();
        reachClock.stop();
        long start = System.nanoTime();
        var unused = graph.trace(starts[index], Direction.UPSTREAM).orElseThrow();
        fullTrace[index] = System.nanoTime() - start;
        ancestors += ids.size() - 1;
        if (peer != null) {
          start = System.nanoTime();
          List<String> peerIds = peer.upstream(starts[index]);
          cte[index] = System.nanoTime() - start;
          if (!sorted(peerIds).equals(sorted(ids))) {
            throw new Disagreement(
                "the lineage index and PostgreSQL disagree on the upstream of "
                    + starts[index]
                    + ": "
                    + ids.size()
                    + " lots against "
                    + peerIds.size());
          }
        }
        queries.update(index + 1);
      }
      queries.finish(starts.length);
      long[] reach = reachClock.sortedWall();
      Arrays.sort(fullTrace);
      notes.add("lineage: index traces (lot ids): " + reachClock.cpuSummary() + ".");
      String size =
          String.format(
              Locale.ROOT,
              "%,d lots, %,d upstream traces of smelter outputs (avg %,.0f ancestors)",
              graph.lotCount(),
              starts.length,
              (double) ancestors / starts.length);
      if (cte != null) {
        Arrays.sort(cte);
        notes.add(
            String.format(
                Locale.ROOT,
                "lineage: the index and the recursive CTE returned the same lots for all %,d"
                    + " traces; PostgreSQL loaded by COPY into the store's own tables (Flyway"
                    + " schema, btree indexes on both edge ends).",
                starts.length));
      }
      for (int percent : new int[] {50, 99}) {
        long ours = TraceBenchmark.percentile(reach, percent);
        rows.add(
            new Row(
                "trace upstream, lot ids, p" + percent + " (" + size + ")",
                TraceBenchmark.micros(ours) + " (lineage index)",
                cte == null
                    ? peerName
                    : TraceBenchmark.micros(TraceBenchmark.percentile(cte, percent))
                        + " ("
                        + peerName
                        + ")",
                cte == null ? "-" : ratio(TraceBenchmark.percentile(cte, percent), ours),
                percent == 99 ? traceGoal(ours, cte) : ""));
      }
      rows.add(
          new Row(
              "trace upstream with lot states and edge masses, p50 / p99",
              TraceBenchmark.micros(TraceBenchmark.percentile(fullTrace, 50))
                  + " / "
                  + TraceBenchmark.micros(TraceBenchmark.percentile(fullTrace, 99)),
              "-",
              "-",
              ""));
    } finally {
      if (peer != null) {
        peer.close();
      }
    }
  }

  private String traceGoal(long oursP99, long[] cte) {
    String absolute =
        oursP99 < 10_000_000L
            ? "< 10 ms: met" + (settings.lots() < 10_000_000 ? " (goal is at 10M lots)" : "")
            : "< 10 ms: not met";
    if (cte == null) {
      return absolute;
    }
    long peerP99 = TraceBenchmark.percentile(cte, 99);
    return ">= 20x: " + (peerP99 >= 20 * oursP99 ? "met" : "not met") + "; " + absolute;
  }

  private void massBalance() {
    progress.printf(
        Locale.ROOT, "oretrace: mass balance: generating %,d events%n", settings.events());
    Progress generating = new Progress(progress, "events booked", settings.events());
    long bookingCpuStart = CaptureBenchmark.processCpuNanos();
    long bookingStart = System.nanoTime();
    BalanceProjection projection =
        MassBalanceWorld.generate(
            settings.events(), settings.seed(), settings.threads(), generating::update);
    long bookingNanos = System.nanoTime() - bookingStart;
    long bookingCpu = CaptureBenchmark.processCpuNanos() - bookingCpuStart;
    generating.finish(settings.events());
    CustodyColumns columns = projection.columns();
    notes.add(
        String.format(
            Locale.ROOT,
            "mass balance: %,d generated events booked by the product's projection"
                + " (BalanceProjection, as GET /api/v1/balance) into %,d rows in %.2f s, %.2f"
                + " process CPU-s with the generator (%,.0f events per CPU-second).",
            projection.events(),
            columns.size(),
            bookingNanos / 1e9,
            bookingCpu / 1e9,
            projection.events() / Math.max(1e-9, bookingCpu / 1e9)));

    progress.printf(
        Locale.ROOT,
        "oretrace: mass balance: columnar scan, %d threads, %d runs%n",
        settings.threads(),
        settings.repeats());
    long[] ours = new long[settings.repeats()];
    long[] oursCpu = new long[settings.repeats()];
    MonthlyBalances books = null;
    for (int run = 0; run < ours.length; run++) {
      long cpuStart = CaptureBenchmark.processCpuNanos();
      long start = System.nanoTime();
      books = ColumnarMassBalance.compute(columns, settings.threads());
      ours[run] = System.nanoTime() - start;
      oursCpu[run] = CaptureBenchmark.processCpuNanos() - cpuStart;
    }
    long[] theirs = new long[settings.repeats()];
    long[] theirsCpu = new long[settings.repeats()];
    String peerName;
    try (DuckDbMassBalancePeer duckDb = DuckDbMassBalancePeer.open(settings.threads())) {
      peerName = duckDb.version() + " in process";
      progress.println("oretrace: mass balance: appending the same events to " + duckDb.version());
      Progress appending = new Progress(progress, "events appended", settings.events());
      duckDb.load(columns, appending::update);
      appending.finish(settings.events());
      progress.printf(
          Locale.ROOT, "oretrace: mass balance: DuckDB GROUP BY, %d runs%n", settings.repeats());
      for (int run = 0; run < theirs.length; run++) {
        long cpuStart = CaptureBenchmark.processCpuNanos();
        long start = System.nanoTime();
        duckDb.aggregate();
        theirs[run] = System.nanoTime() - start;
        theirsCpu[run] = CaptureBenchmark.processCpuNanos() - cpuStart;
      }
      MonthlyBalances expected = duckDb.fetch().sorted();
      MonthlyBalances actual = books.sorted();
      actual
          .firstDifference(expected)
          .ifPresent(
              difference -> {
                throw new Disagreement(
                    "Oretrace and DuckDB disagree on the mass balance: "
                        + difference
                        + " (Oretrace first)");
              });
      notes.add(
          String.format(
              Locale.ROOT,
              "mass balance: Oretrace and DuckDB computed the same %,d books (actor, mineral,"
                  + " month) to the gram; runs in seconds, wall (process CPU): Oretrace %s; DuckDB"
                  + " %s (timed as CREATE TABLE AS, its result not fetched).",
              actual.size(),
              seconds(ours, oursCpu),
              seconds(theirs, theirsCpu)));
    }
    long oursMedian = median(ours);
    long theirsMedian = median(theirs);
    boolean fiftyMillion = settings.events() >= 50_000_000;
    rows.add(
        new Row(
            String.format(
                Locale.ROOT,
                "mass balance of every actor per mineral and month, %,d events, %,d books",
                settings.events(),
                books.size()),
            String.format(
                Locale.ROOT,
                "%.2f s, %.2f CPU-s (columnar scan, %d threads)",
                oursMedian / 1e9,
                median(oursCpu) / 1e9,
                settings.threads()),
            String.format(
                Locale.ROOT,
                "%.2f s, %.2f CPU-s (%s, %d threads)",
                theirsMedian / 1e9,
                median(theirsCpu) / 1e9,
                peerName,
                settings.threads()),
            ratio(theirsMedian, oursMedian),
            "faster than DuckDB: "
                + (oursMedian < theirsMedian ? "met" : "not met")
                + "; < 5 s: "
                + (oursMedian < 5_000_000_000L ? "met" : "not met")
                + (fiftyMillion ? "" : " (goal is at 50M events)")));
  }

  private void capture() {
    progress.printf(
        Locale.ROOT, "oretrace: capture: %,d-lot world on SQLite%n", settings.captureLots());
    CaptureBenchmark.Result sqlite =
        CaptureBenchmark.run(
            settings.captureLots(), 1_000, settings.seed(), 1, false, null, settings.captureLots());
    CaptureBenchmark.Result postgres = null;
    if (settings.postgresUrl() != null) {
      try (ScratchSchema schema = ScratchSchema.create(settings.postgresUrl(), "bench_capture")) {
        progress.printf(
            Locale.ROOT,
            "oretrace: capture: the same world on PostgreSQL schema %s%n",
            schema.name());
        postgres =
            CaptureBenchmark.run(
                settings.captureLots(),
                1_000,
                settings.seed(),
                1,
                false,
                schema.url(),
                settings.captureLots());
      }
    }
    double sqliteRate = sqlite.events() / sqlite.seconds();
    rows.add(
        new Row(
            String.format(
                Locale.ROOT,
                "capture with the ledger, %,d events in batches of 1,000, events/s",
                sqlite.events()),
            String.format(Locale.ROOT, "%,.0f (SQLite)", sqliteRate),
            postgres == null
                ? SKIPPED
                : String.format(
                    Locale.ROOT,
                    "%,.0f (Oretrace on PostgreSQL)",
                    postgres.events() / postgres.seconds()),
            postgres == null
                ? "-"
                : String.format(
                    Locale.ROOT, "%.1fx", sqliteRate / (postgres.events() / postgres.seconds())),
            ">= 100,000 events/s on SQLite: " + (sqliteRate >= 100_000 ? "met" : "not met")));
    notes.add(
        String.format(
            Locale.ROOT,
            "capture: SQLite %,.0f events per CPU-second%s.",
            sqlite.events() / sqlite.cpuSeconds(),
            postgres == null
                ? ""
                : String.format(
                    Locale.ROOT,
                    ", PostgreSQL %,.0f (the client's CPU only: the server's is not counted)",
                    postgres.events() / postgres.cpuSeconds())));
  }

  private static String ratio(long peerNanos, long oursNanos) {
    return String.format(Locale.ROOT, "%.1fx", peerNanos / (double) Math.max(1, oursNanos));
  }

  private static String seconds(long[] wall, long[] cpu) {
    StringBuilder text = new StringBuilder();
    for (int run = 0; run < wall.length; run++) {
      text.append(text.isEmpty() ? "" : ", ")
          .append(String.format(Locale.ROOT, "%.2f (%.2f)", wall[run] / 1e9, cpu[run] / 1e9));
    }
    return text.toString();
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static List<String> sorted(List<String> ids) {
    return ids.stream().sorted().toList();
  }
}
