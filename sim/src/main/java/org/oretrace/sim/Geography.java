package org.oretrace.sim;

import static java.util.Objects.requireNonNull;

import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oretrace.core.Country;
import org.oretrace.core.Grade;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Site;

/**
 * The fixed part of a scenario: who and where everyone is, which way ore flows, how fast roads are
 * and when the rains come. The stages read it and never change it; a scenario is a geography plus a
 * pipeline of stages, so a new region (Amazon gold, Myanmar rare earths) is mostly new data.
 *
 * @param tradeRoutes by trader id: where each trader sends what it buys
 * @param exportRoutes by comptoir id: how each exporter ships abroad
 * @param smelters by mined mineral: who buys it, with a share each
 * @param monthlyOutputFactors twelve factors (January first) on artisanal output; below 1 marks a
 *     rainy month, when pits flood and roads slow down
 * @param scale how big bags, export lots and product lots are, and how tags are numbered
 */
record Geography(
    List<SiteProfile> sites,
    List<Actor> actors,
    Map<String, TradeRoute> tradeRoutes,
    Map<String, ExportRoute> exportRoutes,
    Map<Mineral, List<SmelterProfile>> smelters,
    Map<Country, RoadProfile> roads,
    Map<Country, ZoneOffset> offsets,
    List<Double> monthlyOutputFactors,
    Scale scale) {

  Geography {
    requireNonNull(scale, "scale is null");
    sites = List.copyOf(requireNonNull(sites, "sites is null"));
    actors = List.copyOf(requireNonNull(actors, "actors is null"));
    tradeRoutes = Map.copyOf(requireNonNull(tradeRoutes, "tradeRoutes is null"));
    exportRoutes = Map.copyOf(requireNonNull(exportRoutes, "exportRoutes is null"));
    smelters = Map.copyOf(new EnumMap<>(requireNonNull(smelters, "smelters is null")));
    roads = Map.copyOf(requireNonNull(roads, "roads is null"));
    offsets = Map.copyOf(requireNonNull(offsets, "offsets is null"));
    monthlyOutputFactors = List.copyOf(monthlyOutputFactors);
    if (monthlyOutputFactors.size() != 12) {
      throw new IllegalArgumentException("need 12 monthly output factors");
    }
    for (Actor actor : actors) {
      if (actor.location() == null) {
        throw new IllegalArgumentException("actor " + actor.id() + " has no location");
      }
      if (!offsets.containsKey(actor.country())) {
        throw new IllegalArgumentException("no time-zone offset for " + actor.country());
      }
    }
  }

  /**
   * The sizes of things in a region's trade, which differ by orders of magnitude between minerals:
   * a garimpo's gold leaves in a pouch of a few hundred grams and a comptoir's coltan in drums of
   * several tonnes. Every mass a stage draws comes from here.
   *
   * @param tagPrefix the series pit tags are numbered in, followed by the country: "ITSCI-CD"
   * @param bagMinimumGrams the lightest bag tagged at a pit (the mean bag is halfway to the
   *     heaviest)
   * @param exportTargetMinimumGrams an exporter pools lots until they reach a target drawn between
   *     this and {@code exportTargetMaximumGrams}
   * @param exportMaximumGrams an export lot never weighs more
   * @param splitMinimumGrams export lots from this mass up are sometimes split for two buyers
   * @param chargeMaximumGrams a concentration plant's charge
   * @param productLotGrams a smelter or refiner casts its output in lots of about this mass
   * @param exporterAssayDeviationPartsPerMillion the exporter's laboratory error on a grade
   * @param buyerAssayDeviationPartsPerMillion the smelter's or refiner's laboratory error
   */
  record Scale(
      String tagPrefix,
      long bagMinimumGrams,
      long bagMaximumGrams,
      long exportTargetMinimumGrams,
      long exportTargetMaximumGrams,
      long exportMaximumGrams,
      long splitMinimumGrams,
      long chargeMaximumGrams,
      long productLotGrams,
      long exporterAssayDeviationPartsPerMillion,
      long buyerAssayDeviationPartsPerMillion) {
    Scale {
      requireNonNull(tagPrefix, "tagPrefix is null");
      if (bagMinimumGrams < 1
          || bagMaximumGrams < bagMinimumGrams
          || exportTargetMinimumGrams < bagMaximumGrams
          || exportTargetMaximumGrams < exportTargetMinimumGrams
          || exportMaximumGrams < exportTargetMaximumGrams
          || splitMinimumGrams < 2
          || chargeMaximumGrams < bagMaximumGrams
          || productLotGrams < 1
          || exporterAssayDeviationPartsPerMillion < 0
          || buyerAssayDeviationPartsPerMillion < 0) {
        throw new IllegalArgumentException("masses must grow from bag to export lot: " + this);
      }
    }

    /** The Great Lakes 3T trade: bags of 25-60 kg, export lots of 2.5-5 t (6 t at most). */
    static Scale ores() {
      return new Scale(
          "ITSCI", 25_000, 60_000, 2_500_000, 5_000_000, 6_000_000, 2_000_000, 3_000_000, 5_000_000,
          3_000, 2_000);
    }

    double meanBagKilograms() {
      return (bagMinimumGrams + bagMaximumGrams) / 2_000.0;
    }
  }

  /** The local offset of the place where the actor works. */
  ZoneOffset offset(Actor actor) {
    return offsets.get(actor.country());
  }

  RoadProfile road(Country country) {
    RoadProfile road = roads.get(country);
    if (road == null) {
      throw new IllegalStateException("no road profile for " + country);
    }
    return road;
  }

  TradeRoute tradeRoute(Actor trader) {
    return requireNonNull(tradeRoutes.get(trader.id()), () -> "no trade route for " + trader.id());
  }

  ExportRoute exportRoute(Actor comptoir) {
    return requireNonNull(
        exportRoutes.get(comptoir.id()), () -> "no export route for " + comptoir.id());
  }

  /**
   * A mine site as the simulation sees it: the registry entry, the cooperative that works it and
   * tags its bags, the trader it sells to, and the grade each mineral comes out at.
   *
   * @param offline whether the site lacks mobile coverage, so that its records are often uploaded
   *     days after the fact
   */
  record SiteProfile(
      Site site,
      Actor cooperative,
      Actor trader,
      Map<Mineral, GradeProfile> grades,
      boolean offline) {
    SiteProfile {
      requireNonNull(site, "site is null");
      requireNonNull(cooperative, "cooperative is null");
      requireNonNull(trader, "trader is null");
      grades = Map.copyOf(grades);
      if (!grades.keySet().equals(site.minerals())) {
        throw new IllegalArgumentException(
            "site " + site.id() + " needs a grade profile for each of its minerals");
      }
    }
  }

  /** A grade distribution: normal around the mean, cut off at 2.5 deviations. */
  record GradeProfile(Grade mean, Grade deviation) {
    GradeProfile {
      requireNonNull(mean, "mean is null");
      requireNonNull(deviation, "deviation is null");
    }

    static GradeProfile ofPercent(String mean, String deviation) {
      return new GradeProfile(Grade.ofPercent(mean), Grade.ofPercent(deviation));
    }
  }

  /**
   * Where a trader sends its lots: to one of its comptoirs (chosen evenly), or first to a processor
   * for the minerals that one upgrades.
   *
   * @param transporter who carries the trader's lots, or null when porters and the sellers do
   */
  record TradeRoute(
      Actor trader,
      Actor transporter,
      List<Actor> comptoirs,
      Actor processor,
      Set<Mineral> processedMinerals) {
    TradeRoute {
      requireNonNull(trader, "trader is null");
      comptoirs = List.copyOf(comptoirs);
      processedMinerals = Set.copyOf(processedMinerals);
      if (comptoirs.isEmpty()) {
        throw new IllegalArgumentException("trader " + trader.id() + " sells to no comptoir");
      }
      if (processor == null && !processedMinerals.isEmpty()) {
        throw new IllegalArgumentException("trader " + trader.id() + " has no processor");
      }
    }

    boolean viaProcessor(Mineral mineral) {
      return processor != null && processedMinerals.contains(mineral);
    }
  }

  /**
   * How a comptoir exports: the customs office that clears its declarations, the laboratory that
   * assays its lots, the forwarder that carries them to the smelter, and the days from the border
   * to a ship leaving the port (Dar es Salaam or Mombasa).
   */
  record ExportRoute(
      Actor comptoir,
      Actor customsOffice,
      String laboratory,
      Actor forwarder,
      int portDaysMinimum,
      int portDaysMaximum) {
    ExportRoute {
      requireNonNull(comptoir, "comptoir is null");
      requireNonNull(customsOffice, "customsOffice is null");
      requireNonNull(laboratory, "laboratory is null");
      requireNonNull(forwarder, "forwarder is null");
      if (portDaysMinimum < 0 || portDaysMaximum < portDaysMinimum) {
        throw new IllegalArgumentException("bad port days for " + comptoir.id());
      }
    }
  }

  /**
   * A smelter and what it makes of its feed.
   *
   * @param metalFraction the mass fraction of metal in the grade constituent (Ta in Ta2O5 is 0.819)
   * @param recovery the share of contained metal that reaches the product, below 1
   * @param seaDays days at sea from the East African port
   * @param share the relative share of the feed mineral's exports it buys
   */
  record SmelterProfile(
      Actor smelter,
      Mineral feed,
      Mineral product,
      Grade purity,
      double metalFraction,
      double recovery,
      int seaDays,
      String laboratory,
      double share) {
    SmelterProfile {
      requireNonNull(smelter, "smelter is null");
      requireNonNull(feed, "feed is null");
      requireNonNull(product, "product is null");
      requireNonNull(purity, "purity is null");
      requireNonNull(laboratory, "laboratory is null");
      if (!(metalFraction > 0 && metalFraction <= 1)) {
        throw new IllegalArgumentException("metal fraction must be within (0, 1]");
      }
      if (!(recovery > 0 && recovery < 1)) {
        throw new IllegalArgumentException("recovery must be within (0, 1)");
      }
      if (seaDays < 1 || !(share > 0)) {
        throw new IllegalArgumentException("bad sea days or share for " + smelter.id());
      }
    }
  }

  /**
   * How fast lots move by road in a country: a speed range in the dry season (rain slows it by a
   * quarter) and how much longer the road is than the straight line.
   */
  record RoadProfile(
      double minimumKilometresPerHour, double maximumKilometresPerHour, double detourFactor) {
    RoadProfile {
      if (!(minimumKilometresPerHour > 0 && maximumKilometresPerHour >= minimumKilometresPerHour)) {
        throw new IllegalArgumentException("bad speed range");
      }
      if (!(detourFactor >= 1)) {
        throw new IllegalArgumentException("a road is never shorter than the straight line");
      }
    }
  }
}
