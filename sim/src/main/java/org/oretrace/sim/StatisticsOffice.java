package org.oretrace.sim;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.oretrace.core.Country;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Export;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Registry;
import org.oretrace.core.registry.Site;
import org.oretrace.core.trade.RecordedTrade;
import org.oretrace.core.trade.TradeFlow;
import org.oretrace.core.trade.TradeStatistic;

/**
 * The national statistics offices of a world: each country reports to a Comtrade-like table, month
 * by month, what its customs declared exporting and importing of each mined mineral, by partner.
 * Honest figures are the custody record's own (every export and import declaration in it), each
 * line off by about 1 % (statistical offices weigh, convert and round on their own), with values at
 * a plausible price per kilogram. Partners' figures disagree the honest way too: an export cleared
 * in December is an import in January.
 *
 * <p>D10 schemes, when asked for, are planted in the tables, never in the custody record, in
 * distinct countries and in a year with exports in at least six months (a scheme in a year the
 * record barely covers would say nothing; a small world with no such year gets one with exports in
 * at least three months instead): half the time a country's declared exports and its partners'
 * imports both carry ore from elsewhere, until its exports net of imports are 30-80 % beyond what
 * its mines can produce in a year (the border country laundering its neighbour's ore); the other
 * half the country declares only 35-60 % of what it exported, while its partners declare the whole
 * (exports leaving undeclared). The ground truth names the country and, as the completing event,
 * its last export declaration of that year.
 *
 * <p>Each planted scheme is well beyond what D10 can see, so that the ground truth claims nothing
 * the tables do not show: D10 alerts on exports net of imports beyond the capacity (and beyond 3 %
 * of the gross exports), the smallest planted is 30 % of the capacity beyond; it alerts on partners
 * declaring more than 1.25 times the declared exports, that is a country declaring less than 80 %
 * of what it exported (less the shortfall of a December export declared imported in January), the
 * largest share planted is 60 %.
 */
final class StatisticsOffice {

  /** Rough prices in US dollars a kilogram, for the value column (public price ranges, 2024). */
  private static final Map<Mineral, Double> PRICES =
      Map.of(
          Mineral.COLTAN, 60.0,
          Mineral.CASSITERITE, 18.0,
          Mineral.WOLFRAMITE, 14.0,
          Mineral.GOLD, 65_000.0,
          Mineral.RARE_EARTH_CONCENTRATE, 9.0);

  /** Months with exports that make a year well covered by the record. */
  private static final int WELL_COVERED_MONTHS = 6;

  /** Fewest months with exports in which a scheme is still planted (small worlds). */
  private static final int FEWEST_COVERED_MONTHS = 3;

  private final Registry registry;
  private final List<Site> sites;
  private final RandomGenerator random;
  private final Schemes schemes;
  private final int lots;

  StatisticsOffice(
      Registry registry, List<Site> sites, RandomGenerator random, Schemes schemes, int lots) {
    this.registry = registry;
    this.sites = sites;
    this.random = random;
    this.schemes = schemes;
    this.lots = lots;
  }

  private record Line(
      Country reporter, Country partner, int year, int month, Mineral mineral, TradeFlow flow) {}

  /** The statistics of a world whose events are these (numbered, in arrival order). */
  List<TradeStatistic> publish(List<CustodyEvent> events) {
    RecordedTrade recorded = new RecordedTrade(registry);
    recorded.accept(events);
    Map<Line, double[]> lines =
        new TreeMap<>(
            Comparator.comparing((Line line) -> line.reporter().code())
                .thenComparing(line -> line.partner().code())
                .thenComparingInt(Line::year)
                .thenComparingInt(Line::month)
                .thenComparing(Line::mineral)
                .thenComparing(Line::flow));
    for (RecordedTrade.Cell cell : recorded.cells()) {
      lines
              .computeIfAbsent(
                  new Line(
                      cell.country(),
                      cell.partner(),
                      cell.year(),
                      cell.month(),
                      cell.mineral(),
                      cell.flow()),
                  line -> new double[1])[0] +=
          cell.grams();
    }
    // Honest reporting error, drawn line by line in a fixed order.
    lines.values().forEach(mass -> mass[0] *= 1 + random.nextGaussian() * 0.01);
    plant(events, recorded, lines);
    List<TradeStatistic> statistics = new ArrayList<>(lines.size());
    lines.forEach(
        (line, mass) -> {
          long grams = Math.max(0, Math.round(mass[0] / 1_000) * 1_000); // reported in whole kg
          double price = PRICES.getOrDefault(line.mineral(), 10.0);
          long cents =
              Math.round(grams / 1_000.0 * price * (1 + random.nextGaussian() * 0.05) * 100);
          statistics.add(
              new TradeStatistic(
                  line.reporter(),
                  line.partner(),
                  line.year(),
                  line.month(),
                  line.mineral().harmonizedSystemCode(),
                  line.flow(),
                  grams,
                  Math.max(0, cents)));
        });
    return statistics;
  }

  private record Candidate(Country country, Mineral mineral, int year) {}

  private void plant(List<CustodyEvent> events, RecordedTrade recorded, Map<Line, double[]> lines) {
    int count = schemes.rates().count(DetectorId.D10, lots);
    if (count == 0) {
      return;
    }
    Map<Candidate, Set<Integer>> months = new LinkedHashMap<>();
    for (RecordedTrade.Cell cell : recorded.cells()) {
      if (cell.flow() == TradeFlow.EXPORT && capacityGrams(cell.country(), cell.mineral()) > 0) {
        months
            .computeIfAbsent(
                new Candidate(cell.country(), cell.mineral(), cell.year()), key -> new TreeSet<>())
            .add(cell.month());
      }
    }
    // Years the record covers well: exports in at least six months of it. A small world (the
    // demo's 2,000 lots span half a year, with exports in five months at most) has none: then the
    // years with exports in at least three months, so that a scheme asked for is planted rather
    // than silently left out.
    int best = months.values().stream().mapToInt(Set::size).max().orElse(0);
    int enough = best >= WELL_COVERED_MONTHS ? WELL_COVERED_MONTHS : FEWEST_COVERED_MONTHS;
    List<Candidate> candidates =
        months.entrySet().stream()
            .filter(entry -> entry.getValue().size() >= enough)
            .map(Map.Entry::getKey)
            .toList();
    Set<Country> used = new TreeSet<>(Comparator.comparing(Country::code));
    List<Candidate> shuffled = new ArrayList<>(candidates);
    for (int index = shuffled.size() - 1; index > 0; index--) {
      int other = schemes.random().nextInt(index + 1);
      Candidate swap = shuffled.get(index);
      shuffled.set(index, shuffled.get(other));
      shuffled.set(other, swap);
    }
    List<Candidate> chosen = new ArrayList<>();
    List<CustodyEvent> completingEvents = new ArrayList<>();
    for (Candidate candidate : shuffled) {
      if (chosen.size() == count) {
        break;
      }
      if (!used.add(candidate.country())) {
        continue;
      }
      CustodyEvent completing = lastExport(events, candidate);
      if (completing == null) {
        continue;
      }
      chosen.add(candidate);
      completingEvents.add(completing);
    }
    // The first, third, ... scheme lays ore from elsewhere on its country's exports; the others
    // under-declare.
    Set<Candidate> laundering = new TreeSet<>(CANDIDATE_ORDER);
    for (int index = 0; index < chosen.size(); index += 2) {
      laundering.add(chosen.get(index));
    }
    for (int index = 0; index < chosen.size(); index++) {
      Candidate candidate = chosen.get(index);
      CustodyEvent completing = completingEvents.get(index);
      String description =
          index % 2 == 0
              ? beyondProduction(candidate, lines, laundering)
              : underDeclared(candidate, lines);
      schemes
          .plant(DetectorId.D10, description)
          .country(candidate.country().code())
          .completedBy(completing.context().id(), completing.context().instant().getEpochSecond());
    }
  }

  private static final Comparator<Candidate> CANDIDATE_ORDER =
      Comparator.comparing((Candidate candidate) -> candidate.country().code())
          .thenComparing(Candidate::mineral)
          .thenComparingInt(Candidate::year);

  /**
   * Lays ore from elsewhere on a country's declared exports, and on its partners' declared imports,
   * until its exports net of imports reach 1.3-1.8 times what its mines can produce in the year.
   * D10 judges exports net of imports (a country re-exporting its neighbour's ore is a transit
   * country, not a launderer), so the excess is measured the same way: the smallest scheme planted
   * is 30 % of a year's capacity beyond it, where D10 alerts beyond 0 % (and beyond 3 % of the
   * gross exports). Partners laundering the same mineral the same year are left out of the spread:
   * the ore they would declare importing would lower their own exports net of imports and hide
   * their scheme.
   */
  private String beyondProduction(
      Candidate candidate, Map<Line, double[]> lines, Set<Candidate> laundering) {
    double exported = 0;
    double declaredImports = 0;
    double partnersExports = 0;
    for (Map.Entry<Line, double[]> entry : lines.entrySet()) {
      Line line = entry.getKey();
      if (matches(line, candidate, TradeFlow.EXPORT)) {
        exported += entry.getValue()[0];
      } else if (matches(line, candidate, TradeFlow.IMPORT)) {
        declaredImports += entry.getValue()[0];
      } else if (line.partner().equals(candidate.country())
          && line.mineral() == candidate.mineral()
          && line.year() == candidate.year()
          && line.flow() == TradeFlow.EXPORT) {
        partnersExports += entry.getValue()[0];
      }
    }
    double imported = Math.max(declaredImports, partnersExports);
    double target =
        capacityGrams(candidate.country(), candidate.mineral()) * schemes.uniform(1.3, 1.8);
    double extra = Math.max(0, target - (exported - imported));
    // Spread evenly over the year's export lines; each partner declares its share as imported.
    List<Line> allExportLines =
        lines.keySet().stream().filter(line -> matches(line, candidate, TradeFlow.EXPORT)).toList();
    List<Line> exportLines =
        allExportLines.stream()
            .filter(
                line ->
                    !laundering.contains(
                        new Candidate(line.partner(), line.mineral(), line.year())))
            .toList();
    if (exportLines.isEmpty()) {
      exportLines = allExportLines;
    }
    for (Line line : exportLines) {
      double share = extra / exportLines.size();
      lines.get(line)[0] += share;
      lines
              .computeIfAbsent(
                  new Line(
                      line.partner(),
                      line.reporter(),
                      line.year(),
                      line.month(),
                      line.mineral(),
                      TradeFlow.IMPORT),
                  key -> new double[1])[0] +=
          share;
    }
    return candidate.country().displayName()
        + " reported exporting "
        + Math.round((exported + extra) / 1_000)
        + " kg of "
        + candidate.mineral().wireName()
        + " in "
        + candidate.year()
        + " (importing "
        + Math.round(imported / 1_000)
        + " kg), "
        + Math.round(extra / 1_000)
        + " kg of it ore from elsewhere, beyond what its mines produce";
  }

  private String underDeclared(Candidate candidate, Map<Line, double[]> lines) {
    double share = schemes.uniform(0.35, 0.6);
    for (Map.Entry<Line, double[]> entry : lines.entrySet()) {
      if (matches(entry.getKey(), candidate, TradeFlow.EXPORT)) {
        entry.getValue()[0] *= share;
      }
    }
    return candidate.country().displayName()
        + " declared only "
        + Math.round(share * 100)
        + " % of its "
        + candidate.mineral().wireName()
        + " exports of "
        + candidate.year()
        + " to the trade statistics; its partners declared the whole";
  }

  private static boolean matches(Line line, Candidate candidate, TradeFlow flow) {
    return line.reporter().equals(candidate.country())
        && line.mineral() == candidate.mineral()
        && line.year() == candidate.year()
        && line.flow() == flow;
  }

  private CustodyEvent lastExport(List<CustodyEvent> events, Candidate candidate) {
    CustodyEvent last = null;
    for (CustodyEvent event : events) {
      if (event instanceof Export
          && event.context().instant().atZone(ZoneOffset.UTC).getYear() == candidate.year()
          && registry
              .actor(event.context().actorId())
              .map(actor -> actor.country().equals(candidate.country()))
              .orElse(false)) {
        last = event;
      }
    }
    return last;
  }

  private long capacityGrams(Country country, Mineral mineral) {
    long grams = 0;
    for (Site site : sites) {
      if (site.country().equals(country) && site.minerals().contains(mineral)) {
        grams += site.capacityKilogramsPerMonth(mineral) * 12_000;
      }
    }
    return grams;
  }
}
