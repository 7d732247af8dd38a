package org.oretrace.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oretrace.core.custody.CustodyEvent.Export;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.custody.CustodyGraph;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Site;

/** The Amazon gold and Kachin rare-earth worlds run through the same stages as the Great Lakes. */
class RegionalScenariosTest {

  private static World world(String name, long seed) {
    return Scenario.named(name)
        .generate(SimulationOptions.of(seed, 600).withSchemes(SchemeRates.defaults()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"amazon-gold", "myanmar-ree"})
  void theWorldPassesTheStructuralRulesBatchByBatch(String name) {
    World world = world(name, 3);

    CustodyGraph graph = Worlds.replay(world, 250);

    assertThat(graph.lotCount()).isGreaterThan(600);
    assertThat(world.events().stream().filter(Export.class::isInstance)).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"amazon-gold", "myanmar-ree"})
  void theSameOptionsGiveAnEqualWorld(String name) {
    assertThat(world(name, 5)).isEqualTo(world(name, 5));
    assertThat(world(name, 5)).isNotEqualTo(world(name, 6));
  }

  @ParameterizedTest
  @ValueSource(strings = {"amazon-gold", "myanmar-ree"})
  void schemesArePlantedIncludingLaunderingFromTheRedSite(String name) {
    World world = world(name, 11);

    Set<DetectorId> planted =
        world.groundTruth().schemes().stream()
            .map(GroundTruth.Scheme::detector)
            .collect(Collectors.toSet());

    assertThat(planted).contains(DetectorId.D1, DetectorId.D2, DetectorId.D5, DetectorId.D8);
  }

  /** Kachin trucks of 10-20 t make too few exports in 3,000 lots for a D10 year. */
  @ParameterizedTest
  @ValueSource(strings = {"great-lakes-3t", "amazon-gold"})
  void tradeStatisticsMatchTheRecordAndCarryThePlantedMirrorGap(String name) {
    World honest = Scenario.named(name).generate(SimulationOptions.of(4, 3_000));
    World planted =
        Scenario.named(name)
            .generate(SimulationOptions.of(4, 3_000).withSchemes(SchemeRates.parse("D10:1")));

    assertThat(honest.tradeStatistics()).isNotEmpty();
    assertThat(honest.tradeStatistics()).allSatisfy(line -> assertThat(line.mineral()).isPresent());
    // Honest exports as declared are the recorded ones within reporting error.
    long recordedExportGrams =
        Worlds.eventsOf(honest, Export.class).stream()
            .filter(export -> !export.destination().code().equals("zz"))
            .mapToLong(Export::massGrams)
            .sum();
    long declaredExportGrams =
        honest.tradeStatistics().stream()
            .filter(line -> line.flow() == org.oretrace.core.trade.TradeFlow.EXPORT)
            .mapToLong(org.oretrace.core.trade.TradeStatistic::netMassGrams)
            .sum();
    assertThat((double) declaredExportGrams)
        .isCloseTo(recordedExportGrams, org.assertj.core.data.Percentage.withPercentage(2));

    List<GroundTruth.Scheme> mirror =
        planted.groundTruth().schemes().stream()
            .filter(scheme -> scheme.detector() == DetectorId.D10)
            .toList();
    assertThat(mirror).isNotEmpty();
    assertThat(mirror).allSatisfy(scheme -> assertThat(scheme.countries()).hasSize(1));
    assertThat(planted.events()).isEqualTo(honest.events());
    assertThat(planted.tradeStatistics()).isNotEqualTo(honest.tradeStatistics());
  }

  @org.junit.jupiter.api.Test
  void goldIsTaggedInParcelsOfGramsAndNeverAtTheRedSite() {
    World world = Scenario.amazonGold().generate(SimulationOptions.of(1, 400));
    Map<String, Site> sites =
        world.sites().stream().collect(Collectors.toMap(Site::id, Function.identity()));

    assertThat(Worlds.eventsOf(world, Tag.class))
        .allSatisfy(
            tag -> {
              assertThat(tag.mineral()).isEqualTo(Mineral.GOLD);
              assertThat(tag.massGrams()).isBetween(100L, 800L);
              assertThat(tag.tagNumber()).startsWith("AU-");
              assertThat(sites.get(tag.siteId()).icglrStatus().name()).isNotEqualTo("RED");
            });
    assertThat(world.sites())
        .extracting(site -> site.country().code())
        .contains("BR", "VE", "CO", "PE", "GY", "SR");
  }

  @org.junit.jupiter.api.Test
  void rareEarthConcentrateCrossesIntoChina() {
    World world = Scenario.myanmarRareEarths().generate(SimulationOptions.of(1, 400));

    assertThat(Worlds.eventsOf(world, Export.class))
        .allSatisfy(export -> assertThat(export.destination().code()).isEqualTo("CN"));
    assertThat(Worlds.eventsOf(world, Tag.class))
        .allSatisfy(tag -> assertThat(tag.mineral()).isEqualTo(Mineral.RARE_EARTH_CONCENTRATE));
  }
}
