package org.oretrace.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.oretrace.core.Country;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.Lot;
import org.oretrace.core.custody.LotState;
import org.oretrace.core.customs.CustomsCheck;
import org.oretrace.core.customs.Declaration;
import org.oretrace.core.customs.Reason;
import org.oretrace.core.customs.ReasonCode;
import org.oretrace.core.customs.Verdict;
import org.oretrace.sim.Scenario;
import org.oretrace.sim.SchemeRates;
import org.oretrace.sim.SimulationOptions;
import org.oretrace.sim.World;
import org.oretrace.store.AlertIndex;
import org.oretrace.store.CustodyStore.LotFilter;
import org.oretrace.store.Detection;
import org.oretrace.store.Page;
import org.oretrace.store.PageRequest;
import org.oretrace.store.Recorder;
import org.oretrace.store.sqlite.SqliteStore;

/**
 * Times customs go/no-go answers as the server gives them: a simulated world with its planted
 * schemes is recorded with detection on (so there are alerts to find), then declarations of one to
 * five live lots of one holder, at their recorded masses, on the day of the world's last event, are
 * checked against the in-memory graph, registry and alert index, the index's freshness check (one
 * count query) included. Prints the p50, p99 and worst time, and how many declarations got go.
 */
final class CustomsBenchmark {

  private static final int MAX_LOTS_PER_DECLARATION = 5;

  /**
   * @param declarationsByReason how many no-go declarations had each reason code
   */
  record Result(
      int lots,
      int declarations,
      long[] sortedNanos,
      int go,
      Map<ReasonCode, Integer> declarationsByReason) {
    String line() {
      return String.format(
          Locale.ROOT,
          "customs: lots=%,d declarations=%,d p50=%s p99=%s max=%s go=%,d no-go=%,d (goal: p99 < 50"
              + " ms) reasons=%s",
          lots,
          declarations,
          TraceBenchmark.micros(TraceBenchmark.percentile(sortedNanos, 50)),
          TraceBenchmark.micros(TraceBenchmark.percentile(sortedNanos, 99)),
          TraceBenchmark.micros(sortedNanos[sortedNanos.length - 1]),
          go,
          declarations - go,
          declarationsByReason.entrySet().stream()
              .map(entry -> entry.getKey().wireName() + ":" + entry.getValue())
              .collect(Collectors.joining(",")));
    }
  }

  private CustomsBenchmark() {}

  static Result run(Scenario scenario, long seed, int lots, int declarations) {
    World world =
        scenario.generate(
            SimulationOptions.of(seed, lots).withSchemes(SchemeRates.parse("default")));
    Path folder;
    try {
      folder = Files.createTempDirectory("oretrace-bench-customs");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (SqliteStore store = SqliteStore.open(folder.resolve("oretrace.db"))) {
      store.registry().putSites(world.sites());
      store.registry().putActors(world.actors());
      Recorder recorder = Recorder.open(store);
      Detection.attach(recorder);
      List<CustodyEvent> events = world.events();
      Progress progress = new Progress(System.err, "recording", events.size());
      for (int from = 0; from < events.size(); from += DetectionBenchmark.BATCH_SIZE) {
        int to = Math.min(events.size(), from + DetectionBenchmark.BATCH_SIZE);
        recorder.record(events.subList(from, to));
        progress.update(to);
      }
      progress.finish(events.size());

      Map<String, List<Lot>> liveByHolder = new LinkedHashMap<>();
      long offset = 0;
      while (true) {
        Page<Lot> page =
            store
                .custody()
                .lots(
                    new LotFilter(null, null, null, null, LotState.HELD),
                    new PageRequest(offset, PageRequest.MAX_LIMIT));
        page.items()
            .forEach(
                lot ->
                    liveByHolder
                        .computeIfAbsent(lot.holderId(), key -> new ArrayList<>())
                        .add(lot));
        offset += page.items().size();
        if (page.items().isEmpty() || offset >= page.total()) {
          break;
        }
      }
      if (liveByHolder.isEmpty()) {
        throw new IllegalStateException("the simulated world has no live lot to declare");
      }
      List<String> holders = new ArrayList<>(liveByHolder.keySet());
      AlertIndex alerts = new AlertIndex(store.alerts());
      CustomsCheck check = new CustomsCheck(recorder.graph(), store.registry(), alerts);
      // Declarations are lodged on the day of the world's last event, when its licences hold.
      LocalDate today =
          liveByHolder.values().stream()
              .flatMap(List::stream)
              .map(lot -> LocalDate.ofInstant(lot.updatedAt(), ZoneOffset.UTC))
              .max(LocalDate::compareTo)
              .orElseThrow();
      SplittableRandom random = new SplittableRandom(seed);
      int warmup = Math.min(500, declarations);
      long[] nanos = new long[declarations];
      int go = 0;
      Map<ReasonCode, Integer> byReason = new EnumMap<>(ReasonCode.class);
      for (int index = -warmup; index < declarations; index++) {
        String holder = holders.get(random.nextInt(holders.size()));
        List<Lot> held = liveByHolder.get(holder);
        List<Declaration.DeclaredLot> declared = new ArrayList<>();
        int count = 1 + random.nextInt(Math.min(MAX_LOTS_PER_DECLARATION, held.size()));
        int first = random.nextInt(held.size());
        for (int lot = 0; lot < count; lot++) {
          Lot chosen = held.get((first + lot) % held.size());
          declared.add(new Declaration.DeclaredLot(chosen.id(), Math.max(1, chosen.massGrams())));
        }
        Declaration declaration = new Declaration(holder, Country.of("CN"), declared);
        long start = System.nanoTime();
        alerts.refresh();
        Verdict verdict = check.check(declaration, today);
        long elapsed = System.nanoTime() - start;
        if (index >= 0) {
          nanos[index] = elapsed;
          if (verdict.go()) {
            go++;
          }
          verdict.reasons().stream()
              .map(Reason::code)
              .distinct()
              .forEach(code -> byReason.merge(code, 1, Integer::sum));
        }
      }
      Arrays.sort(nanos);
      return new Result(recorder.graph().lotCount(), declarations, nanos, go, byReason);
    } finally {
      CaptureBenchmark.deleteQuietly(folder);
    }
  }
}
