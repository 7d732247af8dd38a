package org.oretrace.core.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.oretrace.core.custody.EventFactory.input;
import static org.oretrace.core.custody.EventFactory.output;
import static org.oretrace.core.custody.EventFactory.part;
import static org.oretrace.core.custody.FakeRegistry.COMPTOIR;
import static org.oretrace.core.custody.FakeRegistry.COOPERATIVE;
import static org.oretrace.core.custody.FakeRegistry.NYABIBWE;
import static org.oretrace.core.custody.FakeRegistry.RUBAYA;
import static org.oretrace.core.custody.FakeRegistry.SMELTER;
import static org.oretrace.core.custody.FakeRegistry.TRADER;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oretrace.core.GeoPoint;
import org.oretrace.core.Grade;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.custody.CustodyEvent.Receive;
import org.oretrace.core.custody.CustodyEvent.Ship;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.lineage.Direction;
import org.oretrace.core.registry.Mineral;

/** The structural rules of BatchChecker, exercised through CustodyGraph.check as callers do. */
class BatchCheckerTest {

  private final FakeRegistry registry = FakeRegistry.standard();
  private final CustodyGraph graph = new CustodyGraph();
  private final EventFactory events = new EventFactory();

  // ---- refused: what cannot be true of a record

  @Test
  void refusesUnknownLotsSitesAndActors() {
    assertThat(violations(events.transfer("ghost", TRADER)))
        .containsExactly(Violation.of(0, "lot", "unknown lot ghost"));
    assertThat(violations(events.tag("L1", "T1", "site-nowhere", Mineral.COLTAN, 1_000)))
        .containsExactly(Violation.of(0, "site", "unknown site site-nowhere"));
    assertThat(violations(events.by("nobody").tag("L1", "T1", 1_000)))
        .containsExactly(Violation.of(0, "actor", "unknown actor nobody"));
    events.by(COOPERATIVE);
    accept(events.tag("L1", "T1", 1_000));
    assertThat(violations(events.transfer("L1", "nobody")))
        .containsExactly(Violation.of(0, "toActor", "unknown actor nobody"));
    assertThat(violations(events.ship("L1", "nobody")))
        .containsExactly(Violation.of(0, "consignee", "unknown actor nobody"));
    Ship withUnknownTransporter = new Ship(events.context(), "L1", TRADER, "truck-99");
    assertThat(violations(withUnknownTransporter))
        .containsExactly(Violation.of(0, "transporter", "unknown actor truck-99"));
  }

  @Test
  void refusesALotIdThatAlreadyExists() {
    accept(events.tag("L1", "T1", 1_000));

    assertThat(violations(events.tag("L1", "T2", 1_000)))
        .containsExactly(Violation.of(0, "lot", "lot L1 already exists"));
  }

  @Test
  void refusesASplitWhosePartsOutweighTheParent() {
    accept(events.tag("L1", "T1", 1_000));

    assertThat(violations(events.split("L1", part("P1", "T2", 600), part("P2", "T3", 401))))
        .containsExactly(
            Violation.of(0, "parts", "the parts weigh 1001 g, more than the 1000 g of lot L1"));
    AcceptedBatch exact =
        graph.check(
            List.of(events.split("L1", part("P1", "T2", 600), part("P2", "T3", 400))), registry);
    assertThat(exact.edges()).extracting(LineageEdge::massGrams).containsExactly(600L, 400L);
  }

  @Test
  void refusesSplitPartsSharingAnIdOrATag() {
    accept(events.tag("L1", "T1", 1_000));

    assertThat(violations(events.split("L1", part("P1", "T2", 100), part("P1", "T3", 100))))
        .containsExactly(Violation.of(0, "parts", "the same lot id is given to two parts"));
    assertThat(violations(events.split("L1", part("P1", "T2", 100), part("P2", "T2", 100))))
        .containsExactly(Violation.of(0, "parts/1/tagNumber", "tag T2 is given to two parts"));
    assertThat(violations(events.split("L1", part("P1", "T1", 100), part("P2", "T1", 100))))
        .containsExactly(Violation.of(0, "parts/1/tagNumber", "tag T1 is given to two parts"));
  }

  @Test
  void refusesEventsOnASplitMergedOrProcessedLot() {
    accept(
        events.tag("A", "TA", 1_000),
        events.tag("B", "TB", 1_000),
        events.tag("C", "TC", 1_000),
        events.split("A", part("A1", "TA1", 500)),
        events.merge(part("M", "TM", 1_500), "B", "A1"),
        events.process(List.of(input("C", 0)), List.of(output("X", "TX", Mineral.TANTALUM, 100))));

    for (String consumed : List.of("A", "B", "C", "A1")) {
      String message = "lot " + consumed + " no longer exists: it was split, merged or processed";
      assertThat(violations(events.transfer(consumed, TRADER)))
          .containsExactly(Violation.of(0, "lot", message));
      assertThat(violations(events.ship(consumed, TRADER)))
          .containsExactly(Violation.of(0, "lot", message));
      assertThat(violations(events.receive(consumed, 0)))
          .containsExactly(Violation.of(0, "lot", message));
      assertThat(violations(events.assay(consumed, "30")))
          .containsExactly(Violation.of(0, "lot", message));
      assertThat(violations(events.export(consumed)))
          .containsExactly(Violation.of(0, "lot", message));
      assertThat(violations(events.split(consumed, part("Z", "TZ", 1))))
          .containsExactly(Violation.of(0, "lot", message));
      assertThat(violations(events.importLot(consumed)))
          .singleElement()
          .extracting(Violation::message)
          .asString()
          .contains("only an exported lot can be imported");
    }
    assertThat(violations(events.merge(part("M2", "TM2", 1), "M", "A")))
        .containsExactly(
            Violation.of(
                0, "inputs/1", "lot A no longer exists: it was split, merged or processed"));
  }

  @Test
  void refusesEventsOnAnExportedLotExceptImportAndAssay() {
    accept(events.tag("L1", "T1", 1_000), events.by(COMPTOIR).export("L1"));
    String message = "lot L1 was exported: record its import first";

    assertThat(violations(events.transfer("L1", TRADER)))
        .containsExactly(Violation.of(0, "lot", message));
    assertThat(violations(events.ship("L1", TRADER)))
        .containsExactly(Violation.of(0, "lot", message));
    assertThat(violations(events.receive("L1", 0)))
        .containsExactly(Violation.of(0, "lot", message));
    assertThat(violations(events.export("L1"))).containsExactly(Violation.of(0, "lot", message));
    assertThat(violations(events.split("L1", part("P", "TP", 1))))
        .containsExactly(Violation.of(0, "lot", message));
    assertThat(
            violations(
                events.process(
                    List.of(input("L1", 0)), List.of(output("X", "TX", Mineral.TIN, 1)))))
        .containsExactly(Violation.of(0, "inputs/0/lot", message));

    accept(events.assay("L1", "28.5"));
    assertThat(graph.lot("L1").orElseThrow().grade()).isEqualTo(Grade.ofPercent("28.5"));
    assertThat(graph.lot("L1").orElseThrow().state()).isEqualTo(LotState.EXPORTED);

    accept(events.by(SMELTER).importLot("L1"));
    Lot imported = graph.lot("L1").orElseThrow();
    assertThat(imported.state()).isEqualTo(LotState.HELD);
    assertThat(imported.holderId()).isEqualTo(SMELTER);
    assertThat(graph.liveLotByTag("T1")).contains(imported);
  }

  @Test
  void refusesTheImportOfALotThatWasNotExported() {
    accept(events.tag("L1", "T1", 1_000));

    assertThat(violations(events.importLot("L1")))
        .containsExactly(
            Violation.of(
                0, "lot", "lot L1 is held, not exported: only an exported lot can be imported"));
  }

  @Test
  void refusesDuplicateEventIdsInABatch() {
    Tag first = new Tag(events.context("E-1"), "L1", "T1", RUBAYA, Mineral.COLTAN, 1, null);
    Tag second = new Tag(events.context("E-1"), "L2", "T2", RUBAYA, Mineral.COLTAN, 1, null);

    assertThat(violations(first, second))
        .containsExactly(Violation.of(1, "id", "event id E-1 appears twice in this batch"));
  }

  @Test
  void refusesASecondLiveLotWithTheSameTag() {
    accept(events.tag("L1", "T1", 1_000));

    assertThat(violations(events.tag("L2", "T1", 1_000)))
        .containsExactly(Violation.of(0, "tagNumber", "tag T1 is already on a live lot"));
    assertThat(violations(events.tag("L2", "T9", 1_000), events.tag("L3", "T9", 1_000)))
        .containsExactly(Violation.of(1, "tagNumber", "tag T9 is already on a live lot"));
    accept(events.tag("L2", "T2", 1_000));
    assertThat(violations(events.split("L2", part("P1", "T1", 10))))
        .containsExactly(Violation.of(0, "parts/0/tagNumber", "tag T1 is already on a live lot"));
    assertThat(violations(events.merge(part("M", "T1", 10), "L2", "L1"))).isEmpty();
    assertThat(
            violations(
                events.process(
                    List.of(input("L2", 0)), List.of(output("X", "T1", Mineral.TANTALUM, 10)))))
        .containsExactly(Violation.of(0, "outputs/0/tagNumber", "tag T1 is already on a live lot"));
  }

  @Test
  void acceptsATagReusedAfterTheFirstLotWasExported() {
    accept(events.tag("L1", "T1", 1_000), events.by(COMPTOIR).export("L1"));

    accept(events.by(COOPERATIVE).tag("L2", "T1", 1_000));

    assertThat(graph.liveLotByTag("T1")).get().extracting(Lot::id).isEqualTo("L2");
  }

  @Test
  void acceptsATagReusedAfterExportInTheSameBatch() {
    accept(events.tag("L1", "T1", 1_000), events.export("L1"), events.tag("L2", "T1", 1_000));

    assertThat(graph.liveLotByTag("T1")).get().extracting(Lot::id).isEqualTo("L2");
  }

  @Test
  void importingALotWhoseTagWasReusedKeepsTheTagTakenUntilBothLotsEnd() {
    accept(events.tag("L1", "T1", 1_000), events.by(COMPTOIR).export("L1"));
    accept(events.by(COOPERATIVE).tag("L2", "T1", 1_000));

    // The first lot comes back while its tag is on another live lot: accepted (the reuse is a
    // signal for detection), and the tag is then on two live lots.
    accept(events.by(COMPTOIR).importLot("L1"));
    assertThat(violations(events.tag("L3", "T1", 1_000)))
        .containsExactly(Violation.of(0, "tagNumber", "tag T1 is already on a live lot"));

    // Ending one of the two leaves the tag taken by the other.
    accept(events.split("L2", part("P2", "T2", 10)));
    assertThat(graph.liveLotByTag("T1")).get().extracting(Lot::id).isEqualTo("L1");
    assertThat(violations(events.tag("L3", "T1", 1_000)))
        .containsExactly(Violation.of(0, "tagNumber", "tag T1 is already on a live lot"));
  }

  @Test
  void refusesAMergeOfDifferentMinerals() {
    accept(
        events.tag("A", "TA", RUBAYA, Mineral.COLTAN, 1_000),
        events.tag("B", "TB", RUBAYA, Mineral.CASSITERITE, 1_000));

    assertThat(violations(events.merge(part("M", "TM", 2_000), "A", "B")))
        .containsExactly(
            Violation.of(
                0,
                "inputs",
                "a merge joins lots of one mineral; use a process event to mix minerals"));
  }

  @Test
  void refusesAMergeListingALotTwice() {
    accept(events.tag("A", "TA", 1_000), events.tag("B", "TB", 1_000));

    assertThat(violations(events.merge(part("M", "TM", 2_000), "A", "B", "A")))
        .containsExactly(Violation.of(0, "inputs/2", "lot A is listed twice"));
  }

  @Test
  void aMergeWeighsItsGradeByMassAndKeepsACommonOrigin() {
    accept(
        new Tag(events.context(), "A", "TA", RUBAYA, Mineral.COLTAN, 1_000, Grade.ofPercent("30")),
        new Tag(events.context(), "B", "TB", RUBAYA, Mineral.COLTAN, 3_000, Grade.ofPercent("20")),
        new Tag(events.context(), "C", "TC", NYABIBWE, Mineral.COLTAN, 1_000, null),
        events.merge(part("AB", "TAB", 4_000), "A", "B"),
        events.merge(part("ABC", "TABC", 5_000), "AB", "C"));

    Lot sameSite = graph.lot("AB").orElseThrow();
    assertThat(sameSite.grade()).isEqualTo(Grade.ofPercent("22.5"));
    assertThat(sameSite.originSiteId()).isEqualTo(RUBAYA);
    Lot mixed = graph.lot("ABC").orElseThrow();
    assertThat(mixed.grade()).isNull();
    assertThat(mixed.originSiteId()).isNull();
  }

  @Test
  void refusesAProcessConsumingMoreThanALotHolds() {
    accept(events.tag("L1", "T1", 1_000));

    assertThat(
            violations(
                events.process(
                    List.of(input("L1", 1_001)), List.of(output("X", "TX", Mineral.TANTALUM, 10)))))
        .containsExactly(
            Violation.of(0, "inputs/0/massGrams", "consumes 1001 g but lot L1 holds 1000 g"));
  }

  @Test
  void refusesAProcessWithTwoOutputsOfTheSameLotId() {
    accept(events.tag("L1", "T1", 1_000));

    assertThat(
            violations(
                events.process(
                    List.of(input("L1", 0)),
                    List.of(
                        output("X", "TX", Mineral.TANTALUM, 10),
                        output("X", "TY", Mineral.TANTALUM, 20)))))
        .extracting(Violation::field)
        .containsExactly("outputs/1/lot");
  }

  @Test
  void refusesAProcessListingALotTwice() {
    accept(events.tag("L1", "T1", 1_000));

    assertThat(
            violations(
                events.process(
                    List.of(input("L1", 100), input("L1", 200)),
                    List.of(output("X", "TX", Mineral.TANTALUM, 10)))))
        .containsExactly(Violation.of(0, "inputs/1/lot", "lot L1 is listed twice"));
  }

  @Test
  void aPartialProcessKeepsTheRemainderLiveAndAWholeOneConsumesTheLot() {
    accept(events.tag("L1", "T1", 1_000), events.tag("L2", "T2", 500));

    accept(
        events
            .by(SMELTER)
            .process(
                List.of(input("L1", 300), input("L2", 0)),
                List.of(output("X", "TX", Mineral.TANTALUM, 80))));

    Lot partly = graph.lot("L1").orElseThrow();
    assertThat(partly.massGrams()).isEqualTo(700);
    assertThat(partly.state()).isEqualTo(LotState.HELD);
    assertThat(graph.liveLotByTag("T1")).contains(partly);
    assertThat(graph.lot("L2").orElseThrow().state()).isEqualTo(LotState.CONSUMED);
    assertThat(graph.lot("X").orElseThrow().holderId()).isEqualTo(SMELTER);

    accept(
        events.process(
            List.of(input("L1", 700)), List.of(output("Y", "TY", Mineral.TANTALUM, 50))));
    assertThat(graph.lot("L1").orElseThrow().state()).isEqualTo(LotState.CONSUMED);
    assertThat(graph.liveLotByTag("T1")).isEmpty();
  }

  // ---- accepted: possible but suspicious, left to detection

  @Test
  void acceptsAMassGainOnReceipt() {
    accept(events.tag("L1", "T1", 1_000), events.ship("L1", TRADER));

    accept(events.by(TRADER).receive("L1", 1_400));

    Lot lot = graph.lot("L1").orElseThrow();
    assertThat(lot.massGrams()).isEqualTo(1_400);
    assertThat(lot.holderId()).isEqualTo(TRADER);
    assertThat(lot.state()).isEqualTo(LotState.HELD);
  }

  @Test
  void aReceiptWithoutWeighingKeepsTheMass() {
    accept(events.tag("L1", "T1", 1_000), events.ship("L1", TRADER));
    assertThat(graph.lot("L1").orElseThrow().state()).isEqualTo(LotState.IN_TRANSIT);

    accept(events.by(TRADER).receive("L1", 0));

    assertThat(graph.lot("L1").orElseThrow().massGrams()).isEqualTo(1_000);
  }

  @Test
  void acceptsAReceiptByAnActorOtherThanTheConsignee() {
    accept(events.tag("L1", "T1", 1_000), events.ship("L1", TRADER));

    accept(events.by(COMPTOIR).receive("L1", 0));

    assertThat(graph.lot("L1").orElseThrow().holderId()).isEqualTo(COMPTOIR);
  }

  @Test
  void acceptsAnImpossiblyFastTrip() {
    OffsetDateTime tagged = OffsetDateTime.parse("2025-03-01T08:00:00+02:00");
    Tag tag =
        new Tag(
            new EventContext("E1", tagged, new GeoPoint(-1.576, 28.892), COOPERATIVE, "d"),
            "L1",
            "T1",
            RUBAYA,
            Mineral.COLTAN,
            1_000,
            null);
    Ship ship =
        new Ship(
            new EventContext(
                "E2", tagged.plusMinutes(1), new GeoPoint(-1.576, 28.892), COOPERATIVE, "d"),
            "L1",
            TRADER,
            null);
    // 2,500 km away one minute later.
    Receive receive =
        new Receive(
            new EventContext("E3", tagged.plusMinutes(2), new GeoPoint(-6.8, 39.28), TRADER, "d"),
            "L1",
            0);

    accept(tag, ship, receive);

    assertThat(graph.lot("L1").orElseThrow().holderId()).isEqualTo(TRADER);
  }

  @Test
  void acceptsEventsOutOfTimeOrderAndKeepsTheLatestTime() {
    OffsetDateTime time = OffsetDateTime.parse("2025-03-01T08:00:00Z");
    GeoPoint place = new GeoPoint(0, 0);
    accept(
        new Tag(
            new EventContext("E1", time, place, COOPERATIVE, "d"),
            "L1",
            "T1",
            RUBAYA,
            Mineral.COLTAN,
            1,
            null),
        new CustodyEvent.Transfer(
            new EventContext("E2", time.minusDays(1), place, COOPERATIVE, "d"), "L1", TRADER));

    Lot lot = graph.lot("L1").orElseThrow();
    assertThat(lot.updatedAt()).isEqualTo(time.toInstant());
    assertThat(lot.holderId()).isEqualTo(TRADER);
  }

  // ---- batches: all or nothing, every violation reported

  @Test
  void reportsEveryFailingEventWithItsItemAndFieldAndChangesNothing() {
    accept(events.tag("L1", "T1", 1_000), events.tag("L2", "T2", 2_000));
    int lotsBefore = graph.lotCount();
    Lot l1Before = graph.lot("L1").orElseThrow();

    List<CustodyEvent> batch =
        List.of(
            events.transfer("L1", TRADER),
            events.tag("L3", "T2", 500),
            events.split("L2", part("P1", "T5", 1_500), part("P2", "T6", 600)),
            events.tag("L4", "T4", 100),
            events.transfer("ghost", "nobody"));

    InvalidInputException refused =
        catchThrowableOfType(InvalidInputException.class, () -> graph.check(batch, registry));

    assertThat(refused.violations())
        .containsExactly(
            Violation.of(1, "tagNumber", "tag T2 is already on a live lot"),
            Violation.of(2, "parts", "the parts weigh 2100 g, more than the 2000 g of lot L2"),
            Violation.of(4, "lot", "unknown lot ghost"),
            Violation.of(4, "toActor", "unknown actor nobody"));
    assertThat(refused).hasMessageContaining("item 1, tagNumber").hasMessageContaining("1 more");
    assertThat(graph.lotCount()).isEqualTo(lotsBefore);
    assertThat(graph.lot("L1")).contains(l1Before);
    assertThat(graph.lot("L3")).isEmpty();
    assertThat(graph.lot("L4")).isEmpty();
    assertThat(graph.edgeCount()).isZero();
  }

  @Test
  void checkingAValidBatchChangesNothingUntilItIsApplied() {
    accept(events.tag("L1", "T1", 1_000));

    AcceptedBatch batch =
        graph.check(
            List.of(events.split("L1", part("P1", "T2", 400), part("P2", "T1", 600))), registry);

    assertThat(graph.lot("L1").orElseThrow().state()).isEqualTo(LotState.HELD);
    assertThat(graph.lot("P1")).isEmpty();
    assertThat(graph.edgeCount()).isZero();
    assertThat(graph.liveLotByTag("T1")).get().extracting(Lot::id).isEqualTo("L1");
    assertThat(batch.lots()).extracting(Lot::id).containsExactlyInAnyOrder("L1", "P1", "P2");
    assertThat(batch.newLotIds()).containsExactlyInAnyOrder("P1", "P2");

    graph.apply(batch);

    assertThat(graph.lot("L1").orElseThrow().state()).isEqualTo(LotState.CONSUMED);
    assertThat(graph.edgeCount()).isEqualTo(2);
  }

  @Test
  void theBatchNamesTheLotsItGivesAnotherHolder() {
    accept(events.tag("L1", "T1", 1_000), events.tag("L2", "T2", 500));

    AcceptedBatch batch =
        graph.check(
            List.of(
                events.transfer("L1", TRADER),
                events.ship("L2", TRADER),
                events.tag("L3", "T3", 300),
                events.transfer("L3", TRADER)),
            registry);

    assertThat(batch.movedLotIds()).containsExactly("L1");
    assertThat(batch.newLotIds()).containsExactly("L3");
    // Checked over a pending batch, the holder it leaves is the one before.
    AcceptedBatch back =
        graph.check(List.of(events.by(TRADER).ship("L1", COMPTOIR)), registry, List.of(batch));
    assertThat(back.movedLotIds()).isEmpty();
  }

  @Test
  void laterEventsUseLotsCreatedEarlierInTheBatch() {
    AcceptedBatch batch =
        graph.check(
            List.of(
                events.tag("L1", "T1", 1_000),
                events.ship("L1", TRADER),
                events.by(TRADER).receive("L1", 990),
                events.split("L1", part("P1", "T2", 490), part("P2", "T3", 500)),
                events.by(COMPTOIR).export("P2")),
            registry);
    graph.apply(batch);

    assertThat(batch.events()).hasSize(5);
    assertThat(batch.lots())
        .extracting(Lot::id, Lot::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("L1", LotState.CONSUMED),
            org.assertj.core.groups.Tuple.tuple("P1", LotState.HELD),
            org.assertj.core.groups.Tuple.tuple("P2", LotState.EXPORTED));
    assertThat(batch.newLotIds()).containsExactlyInAnyOrder("L1", "P1", "P2");
    assertThat(graph.lot("P1").orElseThrow().originSiteId()).isEqualTo(RUBAYA);
    assertThat(graph.lot("P1").orElseThrow().holderId()).isEqualTo(TRADER);
  }

  @Test
  void namesALotWhoseCreationWasRefusedInTheSameBatch() {
    List<CustodyEvent> batch =
        List.of(
            events.tag("L1", "T1", "site-nowhere", Mineral.COLTAN, 1_000),
            events.ship("L1", TRADER));

    assertThat(violations(batch.toArray(CustodyEvent[]::new)))
        .containsExactly(
            Violation.of(0, "site", "unknown site site-nowhere"),
            Violation.of(
                1, "lot", "lot L1 was to be created by an event of this batch that was refused"));
  }

  @Test
  void namesAPartWhoseSplitWasRefusedInTheSameBatch() {
    accept(events.tag("L1", "T1", 1_000));

    assertThat(
            violations(events.split("L1", part("P1", "T2", 2_000)), events.transfer("P1", TRADER)))
        .containsExactly(
            Violation.of(0, "parts", "the parts weigh 2000 g, more than the 1000 g of lot L1"),
            Violation.of(
                1, "lot", "lot P1 was to be created by an event of this batch that was refused"));
  }

  @Test
  void aLotThatNoEventCreatedStaysUnknownAfterARefusedEventNamedIt() {
    assertThat(violations(events.transfer("ghost", TRADER), events.ship("ghost", TRADER)))
        .containsExactly(
            Violation.of(0, "lot", "unknown lot ghost"),
            Violation.of(1, "lot", "unknown lot ghost"));
    assertThat(
            violations(
                events.split("ghost", part("P1", "T2", 10)), events.transfer("ghost", TRADER)))
        .containsExactly(
            Violation.of(0, "lot", "unknown lot ghost"),
            Violation.of(1, "lot", "unknown lot ghost"));
  }

  @Test
  void anEmptyBatchIsAcceptedAndChangesNothing() {
    AcceptedBatch batch = graph.check(List.of(), registry);

    assertThat(batch.events()).isEmpty();
    assertThat(batch.lots()).isEmpty();
    assertThat(batch.edges()).isEmpty();
    graph.apply(batch);
    assertThat(graph.lotCount()).isZero();
    assertThat(graph.trace("L1", Direction.UPSTREAM)).isEmpty();
  }

  private void accept(CustodyEvent... batch) {
    graph.apply(graph.check(Arrays.asList(batch), registry));
  }

  private List<Violation> violations(CustodyEvent... batch) {
    try {
      graph.check(Arrays.asList(batch), registry);
      return List.of();
    } catch (InvalidInputException e) {
      return e.violations();
    }
  }
}
