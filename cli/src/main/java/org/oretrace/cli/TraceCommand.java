package org.oretrace.cli;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.oretrace.core.custody.Lot;
import org.oretrace.core.custody.Trace;
import org.oretrace.core.lineage.Direction;
import org.oretrace.core.registry.Site;
import org.oretrace.store.Recorder;
import org.oretrace.store.json.Json;
import org.oretrace.store.json.TraceJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints the lineage of a lot (by id or live tag number) from the data folder. */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    description = "Trace a lot upstream to its mine sites, or downstream to where it went.")
final class TraceCommand implements Callable<Integer> {

  @Mixin DataOptions data;

  @Parameters(paramLabel = "LOT", description = "Lot id or tag number.")
  String lot;

  @Option(
      names = "--direction",
      defaultValue = "upstream",
      description =
          "upstream (to the mines) or downstream (to the buyers); default ${DEFAULT-VALUE}.")
  String direction;

  @Option(names = "--json", description = "Print the trace as JSON.")
  boolean json;

  @Override
  public Integer call() {
    Direction way;
    try {
      way = Direction.fromWireName(direction);
    } catch (IllegalArgumentException e) {
      throw new Failures.UserError(Main.EXIT_USAGE, "--direction " + e.getMessage());
    }
    Recorder recorder = data.openRecorder();
    try {
      String lotId =
          recorder
              .graph()
              .lot(lot)
              .map(Lot::id)
              .or(() -> recorder.graph().liveLotByTag(lot).map(Lot::id))
              .orElseThrow(
                  () ->
                      new Failures.UserError(Main.EXIT_DATA, "no lot with id or live tag " + lot));
      Trace trace = recorder.graph().trace(lotId, way).orElseThrow();
      if (json) {
        System.out.println(Json.text(new TraceJson(recorder.store().registry()).encode(trace)));
      } else {
        printText(trace, recorder);
      }
    } finally {
      recorder.store().close();
    }
    return 0;
  }

  private static void printText(Trace trace, Recorder recorder) {
    Lot start = trace.lots().getFirst().lot();
    System.out.printf(
        Locale.ROOT,
        "%s %s (tag %s): %s, %s, %s%n",
        trace.direction() == Direction.UPSTREAM ? "Origins of" : "Destinations of",
        start.id(),
        start.tagNumber(),
        start.mineral().wireName(),
        kilograms(start.massGrams()),
        start.state().wireName());
    System.out.printf(
        Locale.ROOT, "%,d lots, %,d lineage edges%n", trace.lots().size(), trace.edges().size());
    if (trace.direction() == Direction.UPSTREAM) {
      Map<String, long[]> bySite = new TreeMap<>();
      for (Trace.Node endpoint : trace.endpoints()) {
        String site =
            endpoint.lot().originSiteId() == null ? "(unknown)" : endpoint.lot().originSiteId();
        long[] totals = bySite.computeIfAbsent(site, key -> new long[2]);
        totals[0]++;
        totals[1] += endpoint.lot().massGrams();
      }
      System.out.println("Mine sites:");
      bySite.forEach(
          (siteId, totals) -> {
            String description =
                recorder.store().registry().site(siteId).map(TraceCommand::describe).orElse(siteId);
            System.out.printf(
                Locale.ROOT,
                "  %-60s %,6d lots %14s%n",
                description,
                totals[0],
                kilograms(totals[1]));
          });
    } else {
      System.out.println("Where it went:");
      trace.endpoints().stream()
          .sorted(Comparator.comparing(node -> node.lot().id()))
          .forEach(
              node ->
                  System.out.printf(
                      Locale.ROOT,
                      "  %-24s %-12s %-10s held by %s%n",
                      node.lot().id(),
                      kilograms(node.lot().massGrams()),
                      node.lot().state().wireName(),
                      node.lot().holderId()));
    }
  }

  private static String describe(Site site) {
    return String.format(
        Locale.ROOT,
        "%s, %s [%s%s%s]",
        site.name(),
        site.country().code(),
        site.icglrStatus().wireName(),
        site.armedGroupPresence().wireName().equals("none")
            ? ""
            : ", armed group " + site.armedGroupPresence().wireName(),
        site.cahra() ? ", CAHRA" : "");
  }

  static String kilograms(long grams) {
    return String.format(Locale.ROOT, "%,.1f kg", grams / 1000.0);
  }
}
