package org.oretrace.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.oretrace.core.custody.CustodyGraph;
import org.oretrace.core.custody.EventType;
import org.oretrace.core.custody.LineageEdge;
import org.oretrace.core.custody.Lot;
import org.oretrace.core.custody.LotState;
import org.oretrace.core.custody.Trace;
import org.oretrace.core.lineage.Direction;
import org.oretrace.core.registry.Mineral;

/**
 * Times lineage traces on a synthetic world shaped like a 3T supply chain: mine bags merged by
 * traders (about 20 bags a lot), trader lots merged into export lots (about 10), export lots
 * smelted in heats (about 15 inputs an output), so a smelter output has roughly 3,000 ancestors,
 * the shape DESIGN.md measures against. The graph is loaded straight into the index (validation is
 * timed by the capture benchmark, not here).
 */
final class TraceBenchmark {

  private static final int BAGS_PER_TRADER_LOT = 20;
  private static final int TRADER_LOTS_PER_EXPORT = 10;
  private static final int EXPORTS_PER_HEAT = 15;
  private static final int LOTS_PER_HEAT =
      1 + EXPORTS_PER_HEAT * (1 + TRADER_LOTS_PER_EXPORT * (1 + BAGS_PER_TRADER_LOT));

  /** How many lots {@link #generate} makes when asked for {@code lots}: whole heats. */
  static int worldSize(int lots) {
    return Math.max(1, lots / LOTS_PER_HEAT) * LOTS_PER_HEAT;
  }

  record Result(
      int lots,
      int edges,
      double buildSeconds,
      int queries,
      long[] upstreamNanos,
      long[] reachNanos,
      String reachCpu,
      long[] downstreamNanos,
      double averageUpstreamLots,
      double averageDownstreamLots) {

    String line() {
      return String.format(
          Locale.ROOT,
          "trace: lots=%,d edges=%,d build=%.1fs queries=%,d upstream(avg %,.0f lots) p50=%s p99=%s max=%s"
              + " upstream-ids-only p50=%s p99=%s (%s) downstream(avg %,.0f lots) p50=%s p99=%s",
          lots,
          edges,
          buildSeconds,
          queries,
          averageUpstreamLots,
          micros(percentile(upstreamNanos, 50)),
          micros(percentile(upstreamNanos, 99)),
          micros(upstreamNanos[upstreamNanos.length - 1]),
          micros(percentile(reachNanos, 50)),
          micros(percentile(reachNanos, 99)),
          reachCpu,
          averageDownstreamLots,
          micros(percentile(downstreamNanos, 50)),
          micros(percentile(downstreamNanos, 99)));
    }
  }

  static Result run(int lots, int queries, long seed) {
    long buildStart = System.nanoTime();
    CustodyGraph graph = new CustodyGraph();
    List<String> heats = new ArrayList<>();
    List<String> bags = new ArrayList<>();
    generate(lots, graph::restore, heats, bags);
    double buildSeconds = (System.nanoTime() - buildStart) / 1e9;

    SplittableRandom random = new SplittableRandom(seed);
    int warmup = Math.min(2_000, queries);
    for (int index = 0; index < warmup; index++) {
      var unusedUpstream = graph.trace(heats.get(random.nextInt(heats.size())), Direction.UPSTREAM);
      var unusedDownstream =
          graph.trace(bags.get(random.nextInt(bags.size())), Direction.DOWNSTREAM);
    }
    long[] upstream = new long[queries];
    QueryClock reachClock = new QueryClock(queries);
    long[] downstream = new long[queries];
    long upstreamLots = 0;
    long downstreamLots = 0;
    for (int index = 0; index < queries; index++) {
      String heat = heats.get(random.nextInt(heats.size()));
      long start = System.nanoTime();
      Trace trace = graph.trace(heat, Direction.UPSTREAM).orElseThrow();
      upstream[index] = System.nanoTime() - start;
      upstreamLots += trace.lots().size();
      reachClock.start();
      int reached = graph.reach(heat, Direction.UPSTREAM).orElseThrow().size();
      reachClock.stop();
      if (reached != trace.lots().size()) {
        throw new IllegalStateException("reach and trace disagree on " + heat);
      }
      String bag = bags.get(random.nextInt(bags.size()));
      start = System.nanoTime();
      Trace downstreamTrace = graph.trace(bag, Direction.DOWNSTREAM).orElseThrow();
      downstream[index] = System.nanoTime() - start;
      downstreamLots += downstreamTrace.lots().size();
    }
    Arrays.sort(upstream);
    Arrays.sort(downstream);
    return new Result(
        graph.lotCount(),
        graph.edgeCount(),
        buildSeconds,
        queries,
        upstream,
        reachClock.sortedWall(),
        reachClock.cpuSummary(),
        downstream,
        (double) upstreamLots / queries,
        (double) downstreamLots / queries);
  }

  /** Receives a world chunk by chunk: lots, then the edges between them and earlier lots. */
  @FunctionalInterface
  interface Chunks {
    void accept(List<Lot> lots, List<LineageEdge> edges);
  }

  /**
   * Generates a world of about {@code lots} lots, heat by heat, in chunks to bound memory; adds the
   * smelter outputs (heats) and one mine bag of each trader lot to the lists, as trace starts.
   */
  static void generate(int lots, Chunks chunks, List<String> heats, List<String> bags) {
    int heatCount = Math.max(1, lots / LOTS_PER_HEAT);
    Instant time = Instant.parse("2025-01-01T00:00:00Z");
    long lotNumber = 0;
    List<Lot> chunkLots = new ArrayList<>();
    List<LineageEdge> chunkEdges = new ArrayList<>();
    for (int heat = 0; heat < heatCount; heat++) {
      String heatId = "heat-" + heat;
      chunkLots.add(lot(heatId, Mineral.TANTALUM, 1_500_000, null, LotState.HELD, time));
      heats.add(heatId);
      for (int export = 0; export < EXPORTS_PER_HEAT; export++) {
        String exportId = "export-" + lotNumber++;
        chunkLots.add(lot(exportId, Mineral.COLTAN, 8_000_000, null, LotState.CONSUMED, time));
        chunkEdges.add(
            new LineageEdge(exportId, heatId, 100_000, "ev-p-" + heat, EventType.PROCESS));
        for (int trader = 0; trader < TRADER_LOTS_PER_EXPORT; trader++) {
          String traderId = "trader-lot-" + lotNumber++;
          chunkLots.add(lot(traderId, Mineral.COLTAN, 800_000, null, LotState.CONSUMED, time));
          chunkEdges.add(
              new LineageEdge(traderId, exportId, 800_000, "ev-m-" + exportId, EventType.MERGE));
          for (int bag = 0; bag < BAGS_PER_TRADER_LOT; bag++) {
            String bagId = "bag-" + lotNumber++;
            chunkLots.add(
                lot(
                    bagId,
                    Mineral.COLTAN,
                    40_000,
                    "site-" + (lotNumber % 500),
                    LotState.CONSUMED,
                    time));
            chunkEdges.add(
                new LineageEdge(bagId, traderId, 40_000, "ev-m-" + traderId, EventType.MERGE));
            if (bag == 0) {
              bags.add(bagId);
            }
          }
        }
      }
      if (chunkLots.size() > 200_000) {
        chunks.accept(chunkLots, chunkEdges);
        chunkLots.clear();
        chunkEdges.clear();
      }
    }
    chunks.accept(chunkLots, chunkEdges);
  }

  private static Lot lot(
      String id, Mineral mineral, long grams, String site, LotState state, Instant time) {
    return new Lot(
        id,
        "T-" + id,
        mineral,
        grams,
        null,
        site,
        "holder-" + (id.hashCode() & 63),
        state,
        time,
        time);
  }

  static long percentile(long[] sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  static String micros(long nanos) {
    return nanos < 1_000_000
        ? String.format(Locale.ROOT, "%.0fµs", nanos / 1e3)
        : String.format(Locale.ROOT, "%.2fms", nanos / 1e6);
  }
}
