package org.oretrace.core.detection;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.oretrace.core.Country;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Site;
import org.oretrace.core.trade.RecordedTrade;
import org.oretrace.core.trade.TradeFlow;
import org.oretrace.core.trade.TradeStatistic;

/**
 * D10 mirror-trade: national laundering seen in trade figures. For every country, mined mineral and
 * year it sets side by side what the country can mine (its registered sites' assessed capacity over
 * twelve months), what the custody record shows it exporting and importing, what its customs
 * declared to the trade statistics, and what its partners declared importing from it (the mirror
 * figures). Two patterns alert:
 *
 * <ul>
 *   <li><b>exports beyond production</b>: the most any source says the country exported, less what
 *       it imported of the mineral, exceeds its capacity times {@link #capacityFactor} (by more
 *       than {@link #EXPORT_NOISE_FRACTION} of its exports): ore from elsewhere leaves as the
 *       country's own (the border-country pattern of the Great Lakes);
 *   <li><b>mirror gap</b>: partners declare importing more than {@code 1 + } {@link
 *       #mirrorTolerance} times what the country declared exporting (and at least {@link
 *       #minimumGapFraction} of the country's capacity more): exports leave undeclared.
 * </ul>
 *
 * <p>Honest figures differ too: partners weigh again, shipments leave in December and land in
 * January (so the year before's shortfall is set against this year's gap), statistical offices
 * round. Hence the tolerances, and the gap alert only for a country that reported statistics for
 * that year at all (a country with no statistics is shown, not accused). Unlike the other detectors
 * this one judges tables, not events: it runs when statistics are imported, and its alerts name
 * countries rather than events. An alert's id is its country, mineral, year and pattern, so judging
 * again raises nothing twice.
 */
public final class MirrorTrade {

  /** Exports net of imports may reach this share of a year's capacity before they alert. */
  public static final double DEFAULT_CAPACITY_FACTOR = 1.0;

  /** Partners' imports may exceed declared exports by this share before they alert. */
  public static final double DEFAULT_MIRROR_TOLERANCE = 0.25;

  /**
   * A gap must also be at least this share of the country's yearly capacity (half a percent: the
   * trade of a country can be far below its capacity, so the floor only silences crumbs).
   */
  public static final double DEFAULT_MINIMUM_GAP_FRACTION = 0.005;

  /**
   * Exports beyond production must also exceed this share of the country's gross exports: a country
   * that re-exports what it imports (capacity nil) shows exports net of imports of a percent or two
   * of the trade from weighing again and the statistics' own rounding, not from ore of its own.
   * Three percent is above that noise (seeds 1-100 showed honest re-exporters at up to 0.5 %) and
   * far below the 30 % a laundering border country adds.
   */
  public static final double EXPORT_NOISE_FRACTION = 0.03;

  private final double capacityFactor;
  private final double mirrorTolerance;
  private final double minimumGapFraction;

  public MirrorTrade(double capacityFactor, double mirrorTolerance, double minimumGapFraction) {
    if (!(capacityFactor > 0) || !(mirrorTolerance >= 0) || !(minimumGapFraction >= 0)) {
      throw new IllegalArgumentException("D10 parameters must be positive");
    }
    this.capacityFactor = capacityFactor;
    this.mirrorTolerance = mirrorTolerance;
    this.minimumGapFraction = minimumGapFraction;
  }

  public static MirrorTrade defaults() {
    return new MirrorTrade(
        DEFAULT_CAPACITY_FACTOR, DEFAULT_MIRROR_TOLERANCE, DEFAULT_MINIMUM_GAP_FRACTION);
  }

  /**
   * One country's trade in one mined mineral in one year, from every source, in grams.
   *
   * @param capacityGrams twelve months of the assessed capacity of the country's sites
   * @param declaredExportGrams what the country's statistics say it exported (all partners)
   * @param mirrorImportGrams what partners' statistics say they imported from it
   * @param gapGrams mirror imports less declared exports
   * @param reported whether the country reported any statistics line for the year
   * @param partners partner by partner: declared exports and mirror imports, in grams
   */
  public record CountryYear(
      Country country,
      Mineral mineral,
      int year,
      long capacityGrams,
      long recordedExportGrams,
      long recordedImportGrams,
      long declaredExportGrams,
      long declaredImportGrams,
      long mirrorImportGrams,
      long mirrorExportGrams,
      long gapGrams,
      boolean reported,
      Map<Country, long[]> partners) {
    public CountryYear {
      requireNonNull(country, "country is null");
      requireNonNull(mineral, "mineral is null");
      partners = Map.copyOf(partners);
    }

    /** The most any source says left the country. */
    public long grossExportGrams() {
      return Math.max(recordedExportGrams, Math.max(declaredExportGrams, mirrorImportGrams));
    }

    /** The most any source says left the country, less the most any says came in. */
    public long netExportGrams() {
      long exported = grossExportGrams();
      long imported =
          Math.max(recordedImportGrams, Math.max(declaredImportGrams, mirrorExportGrams));
      return Math.max(0, exported - imported);
    }
  }

  private static final class Totals {
    long recordedExport;
    long recordedImport;
    long declaredExport;
    long declaredImport;
    long mirrorImport;
    long mirrorExport;
    final Map<Country, long[]> partners =
        new TreeMap<>(java.util.Comparator.comparing(Country::code));
  }

  private record Key(Country country, Mineral mineral, int year) {}

  /** Every country, mined mineral and year that any source mentions, in that order. */
  public List<CountryYear> assess(
      Collection<Site> sites, RecordedTrade recorded, Collection<TradeStatistic> statistics) {
    requireNonNull(sites, "sites is null");
    requireNonNull(recorded, "recorded is null");
    requireNonNull(statistics, "statistics is null");
    Map<Country, Map<Mineral, Long>> capacities = new LinkedHashMap<>();
    for (Site site : sites) {
      for (Mineral mineral : site.minerals()) {
        capacities
            .computeIfAbsent(site.country(), country -> new LinkedHashMap<>())
            .merge(mineral, site.capacityKilogramsPerMonth(mineral) * 12_000, Long::sum);
      }
    }
    Map<Key, Totals> totals =
        new TreeMap<>(
            java.util.Comparator.comparing((Key key) -> key.country().code())
                .thenComparing(Key::mineral)
                .thenComparingInt(Key::year));
    for (RecordedTrade.Cell cell : recorded.cells()) {
      Totals total =
          totals.computeIfAbsent(
              new Key(cell.country(), cell.mineral(), cell.year()), key -> new Totals());
      if (cell.flow() == TradeFlow.EXPORT) {
        total.recordedExport += cell.grams();
      } else {
        total.recordedImport += cell.grams();
      }
    }
    Set<String> reported = new TreeSet<>();
    for (TradeStatistic line : statistics) {
      reported.add(line.reporter() + "/" + line.year());
      Mineral mineral = line.mineral().orElse(null);
      if (mineral == null) {
        continue;
      }
      Totals own =
          totals.computeIfAbsent(
              new Key(line.reporter(), mineral, line.year()), key -> new Totals());
      Totals mirror =
          totals.computeIfAbsent(
              new Key(line.partner(), mineral, line.year()), key -> new Totals());
      long grams = line.netMassGrams();
      if (line.flow() == TradeFlow.EXPORT) {
        own.declaredExport += grams;
        own.partners.computeIfAbsent(line.partner(), partner -> new long[2])[0] += grams;
        mirror.mirrorExport += grams;
      } else {
        own.declaredImport += grams;
        mirror.mirrorImport += grams;
        mirror.partners.computeIfAbsent(line.reporter(), partner -> new long[2])[1] += grams;
      }
    }
    List<CountryYear> years = new ArrayList<>(totals.size());
    totals.forEach(
        (key, total) ->
            years.add(
                new CountryYear(
                    key.country(),
                    key.mineral(),
                    key.year(),
                    capacities
                        .getOrDefault(key.country(), Map.of())
                        .getOrDefault(key.mineral(), 0L),
                    total.recordedExport,
                    total.recordedImport,
                    total.declaredExport,
                    total.declaredImport,
                    total.mirrorImport,
                    total.mirrorExport,
                    total.mirrorImport - total.declaredExport,
                    reported.contains(key.country() + "/" + key.year()),
                    total.partners)));
    return years;
  }

  /** The alerts the assessed years raise. */
  public List<Alert> alerts(List<CountryYear> years) {
    Map<String, CountryYear> byKey = new LinkedHashMap<>();
    years.forEach(year -> byKey.put(key(year.country(), year.mineral(), year.year()), year));
    List<Alert> alerts = new ArrayList<>();
    for (CountryYear year : years) {
      beyondProduction(year, alerts);
      mirrorGap(year, byKey.get(key(year.country(), year.mineral(), year.year() - 1)), alerts);
    }
    return alerts;
  }

  private static String key(Country country, Mineral mineral, int year) {
    return country + "/" + mineral + "/" + year;
  }

  private void beyondProduction(CountryYear year, List<Alert> alerts) {
    long net = year.netExportGrams();
    long allowed = Math.round(year.capacityGrams() * capacityFactor);
    if (net <= allowed
        || net == 0
        || net - allowed <= Math.round(year.grossExportGrams() * EXPORT_NOISE_FRACTION)) {
      return;
    }
    double ratio =
        year.capacityGrams() == 0 ? Double.POSITIVE_INFINITY : net / (double) year.capacityGrams();
    double score = 0.6 + 0.4 * Math.min(1, (ratio - capacityFactor) / capacityFactor);
    String name = Wording.country(year.country().code());
    String explanation =
        name
            + " exported "
            + Wording.mass(net)
            + " of "
            + year.mineral().wireName()
            + " in "
            + year.year()
            + " net of imports (record "
            + Wording.mass(year.recordedExportGrams())
            + ", its statistics "
            + Wording.mass(year.declaredExportGrams())
            + ", partners' imports "
            + Wording.mass(year.mirrorImportGrams())
            + "), but its registered mines can produce "
            + (year.capacityGrams() == 0
                ? "none of it"
                : "at most " + Wording.mass(year.capacityGrams()) + " a year")
            + ": "
            + Wording.material(year.mineral())
            + " from elsewhere may be leaving as its own.";
    alerts.add(alert(year, "capacity", score, explanation));
  }

  /**
   * A shipment declared in December may be declared imported in January: it leaves the year before
   * with a gap below nil (exports its partners had not yet declared) and this year with as much
   * above. So what the year before fell short is taken off this year's gap before the tolerance is
   * applied again, to this year's declared exports. The tolerance is not applied to the two years'
   * exports together: that would dilute a one-year gap by a year of honest trade (a country that
   * declares 59 % of one year's exports, the year after an honest one, shows partners importing 69
   * % more than it declared that year but only 26 % more over the two years, where 25 % was
   * allowed: four such gaps on amazon-gold seeds 1-30 at 30,000 lots fell under it).
   */
  private void mirrorGap(CountryYear year, CountryYear previous, List<Alert> alerts) {
    if (!year.reported()) {
      return;
    }
    long gap = year.gapGrams();
    double allowed = year.declaredExportGrams() * mirrorTolerance;
    if (gap <= allowed || gap <= year.capacityGrams() * minimumGapFraction || gap <= 0) {
      return;
    }
    if (previous != null && gap + Math.min(0, previous.gapGrams()) <= allowed) {
      return;
    }
    double excess =
        year.declaredExportGrams() == 0
            ? 1
            : gap / (double) year.declaredExportGrams() - mirrorTolerance;
    double score = 0.5 + 0.5 * Math.min(1, excess);
    String name = Wording.country(year.country().code());
    String explanation =
        "Partners declared importing "
            + Wording.mass(year.mirrorImportGrams())
            + " of "
            + year.mineral().wireName()
            + " from "
            + name
            + " in "
            + year.year()
            + ", but "
            + name
            + " declared exporting "
            + Wording.mass(year.declaredExportGrams())
            + ": "
            + Wording.mass(gap)
            + " left without an export declaration.";
    alerts.add(alert(year, "mirror", score, explanation));
  }

  private static Alert alert(CountryYear year, String pattern, double score, String explanation) {
    Instant yearEnd =
        LocalDate.of(year.year(), 12, 31).atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
    Map<String, BigDecimal> figures = new LinkedHashMap<>();
    figures.put("capacityTonnes", Wording.tonnes(year.capacityGrams()));
    figures.put("recordedExportTonnes", Wording.tonnes(year.recordedExportGrams()));
    figures.put("declaredExportTonnes", Wording.tonnes(year.declaredExportGrams()));
    figures.put("mirrorImportTonnes", Wording.tonnes(year.mirrorImportGrams()));
    figures.put("netExportTonnes", Wording.tonnes(year.netExportGrams()));
    figures.put("gapTonnes", Wording.tonnes(year.gapGrams()));
    figures.put("year", BigDecimal.valueOf(year.year()));
    List<Country> countries = new ArrayList<>();
    countries.add(year.country());
    year.partners().keySet().stream()
        .sorted(java.util.Comparator.comparing(Country::code))
        .forEach(countries::add);
    return new Alert(
        "D10-"
            + year.country()
            + "-"
            + year.mineral().wireName()
            + "-"
            + year.year()
            + "-"
            + pattern,
        DetectorId.D10,
        score,
        Severity.forScore(score),
        yearEnd,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        countries,
        figures,
        explanation);
  }
}
