package org.oretrace.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Assay;
import org.oretrace.core.custody.CustodyEvent.Process;
import org.oretrace.core.custody.CustodyEvent.ProcessInput;
import org.oretrace.core.custody.CustodyEvent.ProcessOutput;
import org.oretrace.core.registry.ActorKind;
import org.oretrace.core.registry.Mineral;

class SmeltingStageTest {

  private static final Map<Mineral, Double> METAL_FRACTION =
      Map.of(Mineral.TANTALUM, 0.819, Mineral.TIN, 1.0, Mineral.TUNGSTEN, 0.793);

  private final World world = Worlds.standard();

  @Test
  void smeltersRecoverLessThanAllTheContainedMetal() {
    Map<String, Long> assayedGrade = new HashMap<>();
    int campaigns = 0;
    for (CustodyEvent event : world.events()) {
      if (event instanceof Assay assay) {
        assayedGrade.put(assay.lotId(), assay.grade().partsPerMillion());
      }
      if (event instanceof Process run
          && Worlds.actor(world, run.context().actorId()).kind() == ActorKind.SMELTER) {
        Mineral product = run.outputs().getFirst().mineral();
        double contained = 0;
        for (ProcessInput input : run.inputs()) {
          contained += input.massGrams() * (assayedGrade.get(input.lotId()) / 1e6);
        }
        contained *= METAL_FRACTION.get(product);
        double metal =
            run.outputs().stream()
                .mapToDouble(
                    output -> output.massGrams() * (output.grade().partsPerMillion() / 1e6))
                .sum();
        assertThat(metal / contained).as("recovery of %s", run.id()).isBetween(0.85, 0.995);
        assertThat(run.outputs())
            .allSatisfy(
                output -> {
                  assertThat(output.mineral()).isEqualTo(product);
                  assertThat(output.mineral().mined()).isFalse();
                  assertThat(output.grade().partsPerMillion()).isGreaterThanOrEqualTo(999_000);
                  assertThat(output.massGrams()).isLessThanOrEqualTo(5_000_000);
                });
        campaigns++;
      }
    }
    assertThat(campaigns).isPositive();
  }

  @Test
  void eachMinedMineralBecomesItsMetal() {
    List<Mineral> products =
        Worlds.eventsOf(world, Process.class).stream()
            .filter(run -> Worlds.actor(world, run.context().actorId()).kind() == ActorKind.SMELTER)
            .flatMap(run -> run.outputs().stream())
            .map(ProcessOutput::mineral)
            .distinct()
            .toList();

    assertThat(products).containsExactlyInAnyOrder(Mineral.TANTALUM, Mineral.TIN, Mineral.TUNGSTEN);
  }
}
