package org.oretrace.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Assay;
import org.oretrace.core.custody.CustodyEvent.Export;
import org.oretrace.core.custody.CustodyEvent.Merge;
import org.oretrace.core.custody.CustodyEvent.Split;
import org.oretrace.core.custody.CustodyEvent.Transfer;
import org.oretrace.core.custody.CustodyGraph;
import org.oretrace.core.registry.ActorKind;

class ComptoirStageTest {

  private final World world = Worlds.standard();
  private final Map<String, List<CustodyEvent>> histories = Worlds.historiesByLot(world);

  @Test
  void comptoirsMergeBagsIntoExportLotsOfAFewTonnesAtMost() {
    CustodyGraph graph = new CustodyGraph();
    List<Merge> merges = Worlds.eventsOf(world, Merge.class);
    long inputMass = 0;

    assertThat(merges).isNotEmpty();
    for (CustodyEvent event : world.events()) {
      if (event instanceof Merge merge) {
        inputMass =
            merge.inputLotIds().stream()
                .mapToLong(id -> graph.lot(id).orElseThrow().massGrams())
                .sum();
        assertThat(Worlds.actor(world, merge.context().actorId()).kind())
            .isEqualTo(ActorKind.COMPTOIR);
        assertThat(merge.output().massGrams()).isBetween(inputMass * 9_990 / 10_000, inputMass);
        assertThat(merge.output().massGrams()).isLessThanOrEqualTo(6_000_000);
        assertThat(merge.output().tagNumber()).startsWith("EXP-");
      }
      graph.apply(graph.check(List.of(event), world.registry()));
    }
    double averageTonnes =
        merges.stream().mapToLong(merge -> merge.output().massGrams()).average().orElseThrow()
            / 1_000_000;
    assertThat(averageTonnes).isGreaterThan(1);
  }

  @Test
  void everyExportLotIsAssayedByItsComptoirBeforeExport() {
    assertThat(Worlds.eventsOf(world, Export.class))
        .allSatisfy(
            export -> {
              // A part of a split export lot carries its parent's assay certificate.
              List<CustodyEvent> history = histories.get(export.lotId());
              String assayed =
                  history.getFirst() instanceof Split split ? split.lotId() : export.lotId();
              assertThat(histories.get(assayed))
                  .filteredOn(Assay.class::isInstance)
                  .filteredOn(
                      assay ->
                          Worlds.actor(world, assay.context().actorId()).kind()
                              == ActorKind.COMPTOIR)
                  .singleElement()
                  .satisfies(
                      assay ->
                          assertThat(assay.context().instant())
                              .isBefore(export.context().instant()));
            });
  }

  @Test
  void someExportLotsAreSplitForTwoSmelters() {
    assertThat(Worlds.eventsOf(world, Split.class))
        .anySatisfy(
            split ->
                assertThat(Worlds.actor(world, split.context().actorId()).kind())
                    .isEqualTo(ActorKind.COMPTOIR));
  }

  @Test
  void handOversWithoutATripStayInTown() {
    List<Transfer> transfers = Worlds.eventsOf(world, Transfer.class);

    assertThat(transfers)
        .isNotEmpty()
        .allSatisfy(
            transfer -> {
              var buyer = Worlds.actor(world, transfer.toActorId());
              assertThat(buyer.kind()).isEqualTo(ActorKind.COMPTOIR);
              assertThat(transfer.context().place().distanceMetres(buyer.location()))
                  .isLessThan(15_000);
            });
  }
}
