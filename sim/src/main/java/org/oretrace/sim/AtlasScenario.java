package org.oretrace.sim;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.registry.Site;
import org.oretrace.core.trade.TradeStatistic;
import org.oretrace.sim.Geography.SiteProfile;

/**
 * A scenario as an atlas driven through the supply-chain stages. Every region (the Great Lakes 3T
 * trade, Amazon gold, Kachin rare earths) shares the same machinery and differs only in its {@link
 * Geography}: sites, actors, routes, buyers, roads, seasons and the {@link Geography.Scale scale}
 * of its lots. A region's chain is always pit, trader, optional processor, exporter, customs,
 * buyer: the names change (négociant or DTVM, comptoir or gold exporter, smelter or refinery), the
 * steps do not.
 *
 * <p>The world is the atlas's geography driven through six stages: extraction, trade to the
 * négociants, concentration, the comptoirs, shipping (export and import) and smelting. Each stage
 * draws from its own random stream split off the seed in a fixed order, so equal options give an
 * equal world, and a stage added at the end leaves the earlier stages' draws as they were. Every
 * chain is completed: the last events fall a few months after the last tag.
 *
 * <p>Schemes, when asked for, are planted by a stage right after extraction (what enters at the
 * pits, and earmarks for what happens later on the way), by the stages where they happen, and by a
 * last stage for tag reuse; their draws come from a seventh stream, so the honest trade is drawn
 * alike with and without them.
 */
final class AtlasScenario implements Scenario {

  /** A region's geography with every licence valid from the first date to the second. */
  @FunctionalInterface
  interface Atlas {
    Geography geography(LocalDate licencesFrom, LocalDate licencesUntil);
  }

  private final String name;
  private final Atlas atlas;

  AtlasScenario(String name, Atlas atlas) {
    this.name = requireNonNull(name, "name is null");
    this.atlas = requireNonNull(atlas, "atlas is null");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public World generate(SimulationOptions options) {
    requireNonNull(options, "options is null");
    LocalDate start = options.start();
    int months = ExtractionStage.months(options.lots(), atlas.geography(start, start));
    // Licences cover the period with a margin; every chain ends within six months of the last tag.
    Geography geography =
        atlas.geography(start.minusYears(2), start.plusMonths(months + 6L).plusYears(1));
    Chronicle chronicle = new Chronicle(geography);
    SplittableRandom seed = new SplittableRandom(options.seed());
    List<SplittableRandom> streams = new ArrayList<>();
    for (int stage = 0; stage < 6; stage++) {
      streams.add(seed.split());
    }
    SplittableRandom schemeStream = seed.split();
    Schemes schemes = new Schemes(options.schemes(), schemeStream);
    PlantingStage planting =
        new PlantingStage(
            new Logistics(geography, chronicle, schemeStream, schemes),
            schemes,
            options.lots(),
            start,
            months);
    List<Stage> pipeline =
        List.of(
            new ExtractionStage(
                new Logistics(geography, chronicle, streams.get(0), schemes),
                start,
                months,
                options.lots()),
            planting,
            new TradingStage(new Logistics(geography, chronicle, streams.get(1), schemes)),
            new ConcentrationStage(new Logistics(geography, chronicle, streams.get(2), schemes)),
            new ComptoirStage(new Logistics(geography, chronicle, streams.get(3), schemes)),
            new ShippingStage(new Logistics(geography, chronicle, streams.get(4), schemes)),
            new SmeltingStage(new Logistics(geography, chronicle, streams.get(5), schemes)),
            new TagReuseStage(
                new Logistics(geography, chronicle, schemeStream, schemes),
                schemes,
                planting::reuseSources));
    List<SimulatedLot> lots = List.of();
    for (Stage stage : pipeline) {
      lots = stage.run(lots);
    }
    List<CustodyEvent> events = chronicle.events();
    List<Site> sites = geography.sites().stream().map(SiteProfile::site).toList();
    List<TradeStatistic> statistics =
        new StatisticsOffice(
                new WorldRegistry(sites, geography.actors()),
                sites,
                seed.split(),
                schemes,
                options.lots())
            .publish(events);
    return new World(sites, geography.actors(), events, schemes.groundTruth(chronicle), statistics);
  }
}
