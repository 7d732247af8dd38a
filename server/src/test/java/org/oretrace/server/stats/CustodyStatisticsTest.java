package org.oretrace.server.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.registry.Mineral;
import org.oretrace.server.TestStores;
import org.oretrace.server.stats.FlowDiagram.FlowLink;
import org.oretrace.server.stats.FlowDiagram.FlowNode;
import org.oretrace.sim.Scenario;
import org.oretrace.sim.SimulationOptions;
import org.oretrace.sim.World;
import org.oretrace.store.Recorder;
import org.oretrace.store.sqlite.SqliteStore;

/** The aggregates against sums taken directly from simulated worlds of several seeds. */
class CustodyStatisticsTest {

  private static final Predicate<String> ANY_EVENT = eventId -> true;

  @ParameterizedTest
  @ValueSource(longs = {1, 7, 42})
  void monthlyTaggedMassIsTheSumOfTheTagEvents(long seed) {
    World world = world(seed);
    CustodyStatistics statistics = statistics(world, world.events().size());

    Map<Mineral, Long> expected = new EnumMap<>(Mineral.class);
    tags(world).forEach(tag -> expected.merge(tag.mineral(), tag.massGrams(), Long::sum));
    Map<Mineral, Long> actual = new EnumMap<>(Mineral.class);
    statistics.monthly(null, ANY_EVENT).series().stream()
        .filter(series -> series.measure().equals("tagged"))
        .forEach(series -> actual.merge(series.mineral(), series.totalGrams(), Long::sum));

    assertThat(actual).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 7, 42})
  void flowsAreAcyclicStartAtTheSitesAndCarryEveryTaggedGram(long seed) {
    World world = world(seed);
    FlowDiagram diagram =
        statistics(world, world.events().size()).flows(null, null, null, ANY_EVENT);

    Set<String> nodeIds = new HashSet<>();
    diagram.nodes().forEach(node -> nodeIds.add(node.id()));
    assertThat(diagram.links())
        .isNotEmpty()
        .allSatisfy(
            link -> {
              assertThat(nodeIds).contains(link.source(), link.target());
              assertThat(link.massGrams()).isPositive();
              assertThat(link.target()).doesNotStartWith("site:");
            });
    assertThat(isAcyclic(diagram.links())).isTrue();
    long fromSites =
        diagram.links().stream()
            .filter(link -> link.source().startsWith("site:"))
            .mapToLong(FlowLink::massGrams)
            .sum();
    assertThat(fromSites).isEqualTo(tags(world).mapToLong(Tag::massGrams).sum());
    assertThat(diagram.nodes())
        .filteredOn(node -> node.kind().equals("site"))
        .allSatisfy(node -> assertThat(node.site()).isNotNull());
    assertThat(diagram.nodes()).extracting(FlowNode::kind).contains("country", "smelter");
  }

  @ParameterizedTest
  @ValueSource(longs = {3, 11})
  void aPeriodAndAMineralKeepOnlyTheirMovements(long seed) {
    World world = world(seed);
    CustodyStatistics statistics = statistics(world, world.events().size());
    Tag first = tags(world).findFirst().orElseThrow();
    YearMonth month = month(first);

    long expected =
        tags(world)
            .filter(tag -> tag.mineral() == first.mineral() && month(tag).equals(month))
            .mapToLong(Tag::massGrams)
            .sum();
    long actual =
        statistics.flows(first.mineral(), month, month, ANY_EVENT).links().stream()
            .filter(link -> link.source().startsWith("site:"))
            .mapToLong(FlowLink::massGrams)
            .sum();

    assertThat(actual).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(longs = {5, 42})
  void answersStayRightAsEventsArrive(long seed) {
    World world = world(seed);
    SqliteStore store = TestStores.sqlite();
    store.registry().putSites(world.sites());
    store.registry().putActors(world.actors());
    Recorder recorder = Recorder.open(store);
    CustodyStatistics incremental = new CustodyStatistics(store.custody(), store.registry());
    List<CustodyEvent> events = world.events();
    int half = events.size() / 2;
    for (int start = 0; start < events.size(); start += 700) {
      recorder.record(events.subList(start, Math.min(events.size(), start + 700)));
      if (start < half) {
        incremental.flows(null, null, null, ANY_EVENT);
      }
    }
    CustodyStatistics fresh = new CustodyStatistics(store.custody(), store.registry());

    assertThat(incremental.flows(null, null, null, ANY_EVENT))
        .isEqualTo(fresh.flows(null, null, null, ANY_EVENT));
    assertThat(incremental.monthly(null, ANY_EVENT).months())
        .isEqualTo(fresh.monthly(null, ANY_EVENT).months());
  }

  @ParameterizedTest
  @ValueSource(longs = {2, 42})
  void aSiteThroughputIsWhatWasTaggedThere(long seed) {
    World world = world(seed);
    CustodyStatistics statistics = statistics(world, world.events().size());
    Map<String, Long> bySite = new HashMap<>();
    tags(world).forEach(tag -> bySite.merge(tag.siteId(), tag.massGrams(), Long::sum));

    bySite.forEach(
        (site, grams) -> {
          MonthlyMasses throughput = statistics.throughput("site:" + site, ANY_EVENT);
          assertThat(throughput.series())
              .allSatisfy(series -> assertThat(series.measure()).isEqualTo("out"));
          assertThat(throughput.series().stream().mapToLong(MonthlyMasses.Series::totalGrams).sum())
              .isEqualTo(grams);
        });
  }

  private static World world(long seed) {
    return Scenario.greatLakes().generate(SimulationOptions.of(seed, 150));
  }

  private static CustodyStatistics statistics(World world, int events) {
    SqliteStore store = TestStores.sqlite();
    store.registry().putSites(world.sites());
    store.registry().putActors(world.actors());
    Recorder.open(store).record(world.events().subList(0, events));
    return new CustodyStatistics(store.custody(), store.registry());
  }

  private static java.util.stream.Stream<Tag> tags(World world) {
    return world.events().stream().filter(Tag.class::isInstance).map(Tag.class::cast);
  }

  private static YearMonth month(Tag tag) {
    return YearMonth.from(tag.context().instant().atZone(ZoneOffset.UTC));
  }

  /** Kahn's algorithm: true when every node can be removed in topological order. */
  private static boolean isAcyclic(List<FlowLink> links) {
    Map<String, Integer> incoming = new HashMap<>();
    Map<String, List<String>> outgoing = new HashMap<>();
    for (FlowLink link : links) {
      incoming.merge(link.target(), 1, Integer::sum);
      incoming.putIfAbsent(link.source(), 0);
      outgoing
          .computeIfAbsent(link.source(), ignored -> new java.util.ArrayList<>())
          .add(link.target());
    }
    ArrayDeque<String> ready = new ArrayDeque<>();
    incoming.forEach(
        (node, count) -> {
          if (count == 0) {
            ready.add(node);
          }
        });
    int removed = 0;
    while (!ready.isEmpty()) {
      String node = ready.poll();
      removed++;
      for (String target : outgoing.getOrDefault(node, List.of())) {
        if (incoming.merge(target, -1, Integer::sum) == 0) {
          ready.add(target);
        }
      }
    }
    return removed == incoming.size();
  }
}
