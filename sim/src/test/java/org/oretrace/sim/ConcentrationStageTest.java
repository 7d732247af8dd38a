package org.oretrace.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oretrace.core.custody.CustodyEvent.Process;
import org.oretrace.core.custody.CustodyEvent.ProcessInput;
import org.oretrace.core.custody.CustodyGraph;
import org.oretrace.core.registry.ActorKind;
import org.oretrace.core.registry.Mineral;

class ConcentrationStageTest {

  private final World world = Worlds.standard();
  private final CustodyGraph graph = Worlds.replay(world, world.events().size());

  @Test
  void thePlantUpgradesRwandanCassiteriteAndWolframiteWithALoss() {
    List<Process> runs =
        Worlds.eventsOf(world, Process.class).stream()
            .filter(
                run -> Worlds.actor(world, run.context().actorId()).kind() == ActorKind.PROCESSOR)
            .toList();

    assertThat(runs)
        .isNotEmpty()
        .allSatisfy(
            run -> {
              assertThat(run.outputs()).hasSize(1);
              var output = run.outputs().getFirst();
              assertThat(output.mineral()).isIn(Mineral.CASSITERITE, Mineral.WOLFRAMITE);
              assertThat(output.grade().partsPerMillion()).isLessThanOrEqualTo(720_000);
              long inputGrams = run.inputs().stream().mapToLong(ProcessInput::massGrams).sum();
              assertThat(inputGrams).isLessThanOrEqualTo(3_000_000 + 60_000);
              assertThat(output.massGrams() / (double) inputGrams).isBetween(0.75, 1.0);
              for (ProcessInput input : run.inputs()) {
                var lot = graph.lot(input.lotId()).orElseThrow();
                assertThat(lot.mineral()).isEqualTo(output.mineral());
                assertThat(lot.originSiteId()).startsWith("site-rw-");
              }
            });
  }
}
