package org.oretrace.core.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.oretrace.core.custody.EventFactory.input;
import static org.oretrace.core.custody.EventFactory.output;
import static org.oretrace.core.custody.EventFactory.part;
import static org.oretrace.core.custody.FakeRegistry.COMPTOIR;
import static org.oretrace.core.custody.FakeRegistry.NYABIBWE;
import static org.oretrace.core.custody.FakeRegistry.RUBAYA;
import static org.oretrace.core.custody.FakeRegistry.SMELTER;
import static org.oretrace.core.custody.FakeRegistry.TRADER;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.oretrace.core.GeoPoint;
import org.oretrace.core.Grade;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.lineage.Direction;
import org.oretrace.core.registry.Mineral;

class CustodyGraphTest {

  private final FakeRegistry registry = FakeRegistry.standard();
  private final CustodyGraph graph = new CustodyGraph();
  private final EventFactory events = new EventFactory();
  private final List<Lot> storedLots = new ArrayList<>();
  private final List<LineageEdge> storedEdges = new ArrayList<>();

  @Test
  void aTaggedLotIsHeldByItsTaggerAtItsSite() {
    Tag tag = events.tag("L1", "T1", 12_500);
    accept(tag);

    Lot lot = graph.lot("L1").orElseThrow();
    assertThat(lot)
        .isEqualTo(
            new Lot(
                "L1",
                "T1",
                Mineral.COLTAN,
                12_500,
                Grade.ofPercent("30"),
                RUBAYA,
                FakeRegistry.COOPERATIVE,
                LotState.HELD,
                tag.context().instant(),
                tag.context().instant()));
    assertThat(lot.harmonizedSystemCode()).isEqualTo("261590");
    assertThat(graph.liveLotByTag("T1")).contains(lot);
    assertThat(graph.lot("L2")).isEmpty();
    assertThat(graph.liveLotByTag("T2")).isEmpty();
    assertThat(graph.lotCount()).isEqualTo(1);
  }

  @Test
  void theGraphAnswersExactlyTheLotsItAccepted() {
    OffsetDateTime fine = OffsetDateTime.parse("2025-03-01T08:00:00.123456789+02:00");
    Tag tag =
        new Tag(
            new EventContext("E1", fine, new GeoPoint(0, 0), FakeRegistry.COOPERATIVE, "d"),
            "L1",
            "T1",
            RUBAYA,
            Mineral.COLTAN,
            1,
            null);

    AcceptedBatch batch = graph.check(List.of(tag), registry);
    graph.apply(batch);

    assertThat(graph.lot("L1")).contains(batch.lots().getFirst());
    assertThat(graph.lot("L1").orElseThrow().createdAt()).isEqualTo(fine.toInstant());
  }

  @Test
  void acceptsTimesAtTheEndsOfTheCalendar() {
    GeoPoint place = new GeoPoint(0, 0);
    accept(
        new Tag(
            new EventContext("E1", OffsetDateTime.MAX, place, FakeRegistry.COOPERATIVE, "d"),
            "L1",
            "T1",
            RUBAYA,
            Mineral.COLTAN,
            1,
            null),
        new Tag(
            new EventContext("E2", OffsetDateTime.MIN, place, FakeRegistry.COOPERATIVE, "d"),
            "L2",
            "T2",
            RUBAYA,
            Mineral.COLTAN,
            1,
            null));

    assertThat(graph.lot("L1").orElseThrow().createdAt()).isEqualTo(OffsetDateTime.MAX.toInstant());
    assertThat(graph.lot("L2").orElseThrow().createdAt()).isEqualTo(OffsetDateTime.MIN.toInstant());
  }

  @Test
  void aSplitPartCarriesOnItsParentsTag() {
    accept(events.tag("L1", "T1", 1_000));

    accept(events.split("L1", part("P1", "T1", 700), part("P2", "T2", 300)));

    assertThat(graph.liveLotByTag("T1")).get().extracting(Lot::id).isEqualTo("P1");
    assertThat(graph.liveLotByTag("T2")).get().extracting(Lot::id).isEqualTo("P2");
    assertThat(graph.lot("L1").orElseThrow().state()).isEqualTo(LotState.CONSUMED);
  }

  @Test
  void aSplitPartCarriesOnItsParentsTagWithinTheBatchThatTaggedIt() {
    accept(
        events.tag("L1", "T1", 1_000),
        events.split("L1", part("P1", "T2", 300), part("P2", "T1", 700)),
        events.split("P2", part("Q1", "T1", 500)));

    assertThat(graph.liveLotByTag("T1")).get().extracting(Lot::id).isEqualTo("Q1");
  }

  @Test
  void aMergeOutputMayCarryOnAnInputsTag() {
    accept(events.tag("A", "TA", 1_000), events.tag("B", "TB", 1_000));

    accept(events.merge(part("M", "TB", 2_000), "A", "B"));

    assertThat(graph.liveLotByTag("TB")).get().extracting(Lot::id).isEqualTo("M");
    assertThat(graph.liveLotByTag("TA")).isEmpty();
  }

  @Test
  void restoringTheStoredLotsInAnyOrderGivesTheTagsToTheLiveLots() {
    accept(events.tag("L1", "T1", 1_000), events.tag("K1", "U1", 1_000));
    accept(events.split("L1", part("P1", "T1", 700), part("P2", "T2", 300)));
    accept(events.split("P1", part("Q1", "T1", 400), part("Q2", "T3", 300)));
    accept(events.merge(part("M", "U1", 1_300), "K1", "P2"));
    accept(events.by(COMPTOIR).export("Q2"), events.tag("R1", "T3", 10));
    List<Lot> finalStates = new ArrayList<>();
    for (Lot stored : storedLots) {
      finalStates.removeIf(lot -> lot.id().equals(stored.id()));
      finalStates.add(stored);
    }

    Random random = new Random(3);
    for (int round = 0; round < 200; round++) {
      List<Lot> shuffled = new ArrayList<>(finalStates);
      Collections.shuffle(shuffled, random);
      CustodyGraph restored = new CustodyGraph();
      restored.restore(shuffled, storedEdges);

      assertThat(restored.liveLotByTag("T1")).get().extracting(Lot::id).isEqualTo("Q1");
      assertThat(restored.liveLotByTag("T2")).isEmpty();
      assertThat(restored.liveLotByTag("T3")).get().extracting(Lot::id).isEqualTo("R1");
      assertThat(restored.liveLotByTag("U1")).get().extracting(Lot::id).isEqualTo("M");
      assertThat(restored.lotCount()).isEqualTo(graph.lotCount());
      assertThat(restored.edgeCount()).isEqualTo(graph.edgeCount());
      for (Lot lot : finalStates) {
        assertThat(restored.lot(lot.id())).contains(lot);
      }
      assertThat(restored.trace("Q1", Direction.UPSTREAM).orElseThrow().lots())
          .extracting(node -> node.lot().id())
          .containsExactly("Q1", "P1", "L1");
    }
  }

  @Test
  void restoreRefusesAnEdgeToALotThatIsNotLoaded() {
    LineageEdge dangling = new LineageEdge("A", "B", 1, "E1", EventType.SPLIT);

    assertThatThrownBy(() -> graph.restore(List.of(), List.of(dangling)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not loaded");
  }

  @Test
  void reachListsTheSameLotsAsTheTraceStartingWithTheLot() {
    buildGreatLakesChain();

    assertThat(graph.reach("INGOT", Direction.UPSTREAM).orElseThrow())
        .startsWith("INGOT")
        .containsExactlyInAnyOrder("INGOT", "MERGED", "OTHER", "A1", "B", "A");
    assertThat(graph.reach("A", Direction.DOWNSTREAM).orElseThrow())
        .containsExactlyInAnyOrder("A", "A1", "A2", "MERGED", "INGOT", "SLAG");
    assertThat(graph.reach("NO-SUCH-LOT", Direction.UPSTREAM)).isEmpty();
  }

  @Test
  void tracesASmelterOutputUpstreamToEveryTaggedLotAndItsMine() {
    buildGreatLakesChain();

    Trace trace = graph.trace("INGOT", Direction.UPSTREAM).orElseThrow();

    assertThat(trace.lotId()).isEqualTo("INGOT");
    assertThat(trace.direction()).isEqualTo(Direction.UPSTREAM);
    assertThat(trace.lots())
        .extracting(node -> node.lot().id(), Trace.Node::depth)
        .containsExactlyInAnyOrder(
            tuple("INGOT", 0),
            tuple("MERGED", 1),
            tuple("OTHER", 1),
            tuple("A1", 2),
            tuple("B", 2),
            tuple("A", 3));
    assertThat(trace.lots().getFirst().lot().id()).isEqualTo("INGOT");
    assertThat(trace.endpoints())
        .extracting(node -> node.lot().id(), node -> node.lot().originSiteId())
        .containsExactlyInAnyOrder(
            tuple("A", RUBAYA), tuple("B", NYABIBWE), tuple("OTHER", RUBAYA));
    assertThat(trace.edges())
        .extracting(
            LineageEdge::fromLotId,
            LineageEdge::toLotId,
            LineageEdge::massGrams,
            LineageEdge::eventType)
        .containsExactlyInAnyOrder(
            tuple("A", "A1", 6_000L, EventType.SPLIT),
            tuple("A1", "MERGED", 6_000L, EventType.MERGE),
            tuple("B", "MERGED", 4_000L, EventType.MERGE),
            // 10 kg and 5 kg go into 900 g of ingot and 2,100 g of slag: 3/10 to the ingot.
            tuple("MERGED", "INGOT", 3_000L, EventType.PROCESS),
            tuple("OTHER", "INGOT", 1_500L, EventType.PROCESS));
    assertThat(graph.lot("INGOT").orElseThrow().originSiteId()).isNull();
  }

  @Test
  void tracesAMineLotDownstreamToItsExport() {
    buildGreatLakesChain();

    Trace trace = graph.trace("A", Direction.DOWNSTREAM).orElseThrow();

    assertThat(trace.lots())
        .extracting(node -> node.lot().id())
        .containsExactlyInAnyOrder("A", "A1", "A2", "MERGED", "INGOT", "SLAG");
    assertThat(trace.endpoints())
        .extracting(node -> node.lot().id(), node -> node.lot().state())
        .containsExactlyInAnyOrder(
            tuple("A2", LotState.EXPORTED),
            tuple("INGOT", LotState.HELD),
            tuple("SLAG", LotState.HELD));
    assertThat(trace.edges())
        .filteredOn(edge -> edge.fromLotId().equals("MERGED"))
        .extracting(LineageEdge::toLotId, LineageEdge::massGrams)
        .containsExactlyInAnyOrder(tuple("INGOT", 3_000L), tuple("SLAG", 7_000L));
  }

  @Test
  void aLotReachedByTwoPathsAppearsOnce() {
    accept(
        events.tag("A", "TA", 1_000),
        events.split("A", part("B", "TB", 400), part("C", "TC", 600)),
        events.merge(part("D", "TD", 1_000), "B", "C"));

    Trace downstream = graph.trace("A", Direction.DOWNSTREAM).orElseThrow();
    Trace upstream = graph.trace("D", Direction.UPSTREAM).orElseThrow();

    assertThat(downstream.lots())
        .extracting(node -> node.lot().id(), Trace.Node::depth)
        .containsExactlyInAnyOrder(tuple("A", 0), tuple("B", 1), tuple("C", 1), tuple("D", 2));
    assertThat(downstream.edges()).hasSize(4).doesNotHaveDuplicates();
    assertThat(downstream.endpoints()).extracting(node -> node.lot().id()).containsExactly("D");
    assertThat(upstream.lots()).extracting(node -> node.lot().id()).doesNotHaveDuplicates();
    assertThat(upstream.edges()).hasSize(4);
    assertThat(upstream.endpoints()).extracting(node -> node.lot().id()).containsExactly("A");
  }

  @Test
  void aProcessAllocatesEveryInputExactlyAcrossItsOutputs() {
    accept(events.tag("A", "TA", 1_000), events.tag("B", "TB", 7));

    AcceptedBatch batch =
        graph.check(
            List.of(
                events.process(
                    List.of(input("A", 1_000), input("B", 0)),
                    List.of(
                        output("X", "TX", Mineral.TANTALUM, 1),
                        output("Y", "TY", Mineral.TANTALUM, 1),
                        output("Z", "TZ", Mineral.TANTALUM, 1)))),
            registry);

    assertThat(batch.edges())
        .extracting(LineageEdge::fromLotId, LineageEdge::toLotId, LineageEdge::massGrams)
        .containsExactly(
            tuple("A", "X", 333L),
            tuple("A", "Y", 333L),
            tuple("A", "Z", 334L),
            tuple("B", "X", 2L),
            tuple("B", "Y", 2L),
            tuple("B", "Z", 3L));
  }

  @Test
  void aSingleLotTracesToItself() {
    accept(events.tag("A", "TA", 1_000));

    Trace trace = graph.trace("A", Direction.UPSTREAM).orElseThrow();

    assertThat(trace.lots()).extracting(node -> node.lot().id()).containsExactly("A");
    assertThat(trace.endpoints()).extracting(node -> node.lot().id()).containsExactly("A");
    assertThat(trace.edges()).isEmpty();
    assertThat(graph.trace("nothing", Direction.DOWNSTREAM)).isEmpty();
  }

  @Test
  void aDiscardedBatchLeavesNoOverlayAndTheNextCheckSeesOnlyTheGraph() {
    AcceptedBatch failed = graph.check(List.of(events.tag("L1", "T1", 1_000)), registry);
    assertThat(graph.overlayCount()).isEqualTo(1);

    graph.discard(failed);

    assertThat(graph.overlayCount()).isZero();
    // Checked over nothing ahead, the same lot and tag are new again; shipping it is refused.
    AcceptedBatch retried = graph.check(List.of(events.tag("L1", "T1", 1_000)), registry);
    assertThat(retried.newLotIds()).containsExactly("L1");
    graph.discard(retried);
    assertThatThrownBy(() -> graph.check(List.of(events.ship("L1", TRADER)), registry))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::message)
                    .containsExactly("unknown lot L1"));
    assertThat(graph.overlayCount()).isZero();
  }

  @Test
  void anAppliedBatchLeavesNoOverlay() {
    AcceptedBatch batch = graph.check(List.of(events.tag("L1", "T1", 1_000)), registry);
    graph.apply(batch);
    assertThat(graph.overlayCount()).isZero();
  }

  @Test
  void anIdStoredOrHeldByABatchAheadIsRefusedFirstAmongItsItemsViolations() {
    Tag ahead = new Tag(events.context("E-ahead"), "L1", "T1", RUBAYA, Mineral.COLTAN, 1, null);
    AcceptedBatch pending = graph.check(List.of(ahead), registry);
    List<CustodyEvent> batch =
        List.of(
            new Tag(events.context("E-new"), "L2", "T2", RUBAYA, Mineral.COLTAN, 1, null),
            // Stored, and its lot is unknown: both reported, the id first.
            events.ship("L9", TRADER),
            // Held by the batch ahead, and its lot and tag are taken by that batch.
            new Tag(events.context("E-ahead"), "L1", "T1", RUBAYA, Mineral.COLTAN, 1, null),
            // A stored id on an otherwise good event: its lot is still tagged, as a batch sent
            // again is told only which events are recorded, not a cascade of consequences.
            new Tag(events.context("E-stored"), "L3", "T3", RUBAYA, Mineral.COLTAN, 1, null),
            events.ship("L3", TRADER));
    String storedShip = batch.get(1).id();

    assertThatThrownBy(
            () ->
                graph.check(
                    batch,
                    registry,
                    List.of(pending),
                    id -> id.equals(storedShip) || id.equals("E-stored")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::item, Violation::field, Violation::message)
                    .containsExactly(
                        tuple(1, "id", "event " + storedShip + " is already recorded"),
                        tuple(1, "lot", "unknown lot L9"),
                        tuple(2, "id", "event E-ahead is already recorded"),
                        tuple(2, "lot", "lot L1 already exists"),
                        tuple(2, "tagNumber", "tag T1 is already on a live lot"),
                        tuple(3, "id", "event E-stored is already recorded")));
    // A refused check keeps no overlay: only the batch ahead's is there.
    assertThat(graph.overlayCount()).isEqualTo(1);
  }

  /**
   * A coltan chain from two mines in Kivu to a smelter: lot A (Rubaya) is split, one part exported
   * as is, the other merged with lot B (Nyabibwe) at a comptoir; the merged lot and a third lot are
   * smelted into an ingot and slag.
   */
  private void buildGreatLakesChain() {
    accept(
        events.tag("A", "TA", RUBAYA, Mineral.COLTAN, 10_000),
        events.tag("B", "TB", NYABIBWE, Mineral.COLTAN, 4_000),
        events.tag("OTHER", "TO", RUBAYA, Mineral.COLTAN, 5_000));
    accept(
        events.ship("A", TRADER),
        events.by(TRADER).receive("A", 10_000),
        events.split("A", part("A1", "TA1", 6_000), part("A2", "TA2", 4_000)),
        events.by(COMPTOIR).export("A2"));
    accept(events.by(TRADER).merge(part("MERGED", "TM", 10_000), "A1", "B"));
    accept(
        events
            .by(SMELTER)
            .process(
                List.of(input("MERGED", 0), input("OTHER", 0)),
                List.of(
                    output("INGOT", "TI", Mineral.TANTALUM, 900),
                    output("SLAG", "TS", Mineral.TANTALUM, 2_100))));
  }

  private void accept(CustodyEvent... batch) {
    AcceptedBatch accepted = graph.check(Arrays.asList(batch), registry);
    graph.apply(accepted);
    storedLots.addAll(accepted.lots());
    storedEdges.addAll(accepted.edges());
  }
}
