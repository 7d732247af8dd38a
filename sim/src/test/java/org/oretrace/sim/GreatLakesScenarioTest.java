package org.oretrace.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Process;
import org.oretrace.core.custody.CustodyEvent.ProcessOutput;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.custody.CustodyGraph;
import org.oretrace.core.custody.Lot;
import org.oretrace.core.custody.LotState;
import org.oretrace.core.custody.Trace;
import org.oretrace.core.lineage.Direction;
import org.oretrace.core.registry.ActorKind;
import org.oretrace.core.registry.Registry;

class GreatLakesScenarioTest {

  @Test
  void theWholeWorldPassesTheStructuralRulesInOneBatch() {
    World world = Worlds.small();

    CustodyGraph graph = new CustodyGraph();
    graph.apply(graph.check(world.events(), world.registry()));

    assertThat(graph.lotCount()).isGreaterThan(200);
  }

  @Test
  void theWorldPassesTheStructuralRulesBatchByBatch() {
    World world = Worlds.small();

    CustodyGraph graph = Worlds.replay(world, 97);

    assertThat(graph.lotCount()).isEqualTo(Worlds.replay(world, world.events().size()).lotCount());
  }

  @Test
  void theDefaultDemoWorldPassesTheStructuralRules() {
    World world = Worlds.standard();

    CustodyGraph graph = new CustodyGraph();
    graph.apply(graph.check(world.events(), world.registry()));

    assertThat(world.events().stream().filter(Tag.class::isInstance)).hasSize(2_000);
  }

  @Test
  void theSameOptionsGiveAnEqualWorld() {
    SimulationOptions options = SimulationOptions.of(7, 200);

    World again = Scenario.greatLakes().generate(options);

    assertThat(again).isEqualTo(Worlds.small());
  }

  @Test
  void differentSeedsGiveDifferentWorlds() {
    World other = Scenario.greatLakes().generate(SimulationOptions.of(8, 200));

    assertThat(other.sites()).isEqualTo(Worlds.small().sites());
    assertThat(other.events()).isNotEqualTo(Worlds.small().events());
  }

  @Test
  void everyTaggedLotEndsUpInASmelterProduct() {
    World world = Worlds.small();
    CustodyGraph graph = Worlds.replay(world, world.events().size());
    Registry registry = world.registry();

    List<Lot> live =
        world.events().stream()
            .flatMap(event -> event.lotIds().stream())
            .distinct()
            .map(id -> graph.lot(id).orElseThrow())
            .filter(lot -> lot.state().live())
            .toList();

    assertThat(live)
        .isNotEmpty()
        .allSatisfy(
            lot -> {
              assertThat(lot.state()).isEqualTo(LotState.HELD);
              assertThat(lot.mineral().mined()).isFalse();
              assertThat(registry.actor(lot.holderId()).orElseThrow().kind())
                  .isEqualTo(ActorKind.SMELTER);
            });
  }

  @Test
  void everySmelterOutputTracesUpstreamToLotsTaggedAtRealSites() {
    World world = Worlds.small();
    CustodyGraph graph = Worlds.replay(world, world.events().size());
    Registry registry = world.registry();
    Set<String> taggedLots =
        world.events().stream()
            .filter(Tag.class::isInstance)
            .map(event -> ((Tag) event).lotId())
            .collect(Collectors.toSet());
    List<String> outputs =
        world.events().stream()
            .filter(event -> event instanceof Process)
            .filter(
                event ->
                    registry.actor(event.context().actorId()).orElseThrow().kind()
                        == ActorKind.SMELTER)
            .flatMap(event -> ((Process) event).outputs().stream())
            .map(ProcessOutput::lotId)
            .toList();

    assertThat(outputs).isNotEmpty();
    Set<String> reached = new HashSet<>();
    for (String output : outputs) {
      Trace trace = graph.trace(output, Direction.UPSTREAM).orElseThrow();
      assertThat(trace.endpoints())
          .isNotEmpty()
          .allSatisfy(
              node -> {
                assertThat(taggedLots).contains(node.lot().id());
                assertThat(registry.site(node.lot().originSiteId())).isPresent();
              });
      trace.endpoints().forEach(node -> reached.add(node.lot().id()));
    }
    assertThat(reached).isEqualTo(taggedLots);
  }

  @Test
  void eventIdsFollowTheApplicationOrder() {
    List<CustodyEvent> events = Worlds.small().events();

    assertThat(events.getFirst().id()).isEqualTo("ev-0000001");
    assertThat(events.getLast().id()).isEqualTo("ev-" + Numbers.padded(events.size(), 7));
  }

  @Test
  void itIsNamedForTheCommandLine() {
    assertThat(Scenario.greatLakes().name()).isEqualTo("great-lakes-3t");
  }
}
