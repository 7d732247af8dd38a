package org.oretrace.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.custody.AcceptedBatch;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.NewLot;
import org.oretrace.core.custody.CustodyEvent.Ship;
import org.oretrace.core.custody.CustodyEvent.Split;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.custody.CustodyEvent.Transfer;
import org.oretrace.core.custody.Lot;
import org.oretrace.core.custody.LotState;
import org.oretrace.core.lineage.Direction;
import org.oretrace.core.registry.Mineral;
import org.oretrace.store.Recorder.IdempotencyRequest;

@ParameterizedClass
@EnumSource(TestDatabase.Kind.class)
class RecorderTest extends DatabaseTest {

  private Recorder open() {
    return Recorder.open(database.openWithRegistry());
  }

  @Test
  void recordsABatchAndRebuildsTheGraphOnReopen() {
    Recorder recorder = open();
    List<AcceptedBatch> seen = new ArrayList<>();
    recorder.addListener(seen::add);
    Recorder.Recorded recorded = recorder.record(Fixtures.chain());
    assertThat(recorded.eventIds()).containsExactly("ev-1", "ev-2", "ev-3", "ev-4", "ev-5", "ev-6");
    assertThat(recorded.replayed()).isFalse();
    assertThat(seen).hasSize(1);
    recorder.store().close();

    Recorder reopened = Recorder.open(database.open());
    assertThat(reopened.graph().lotCount()).isEqualTo(3);
    var trace = reopened.graph().trace("lot-3", Direction.UPSTREAM).orElseThrow();
    assertThat(trace.endpoints())
        .extracting(node -> node.lot().originSiteId())
        .containsExactlyInAnyOrder("site-rubaya", "site-nyabibwe");
    reopened.store().close();
  }

  @Test
  void aBadBatchIsRefusedWholeWithEveryReason() {
    Recorder recorder = open();
    recorder.record(Fixtures.chain());
    List<CustodyEvent> bad =
        List.of(
            new Transfer(Fixtures.context("ev-1", 40, "trader-1"), "lot-3", "comptoir-1"),
            new Transfer(Fixtures.context("ev-10", 40, "trader-1"), "lot-9", "comptoir-1"),
            new Split(
                Fixtures.context("ev-11", 41, "trader-1"),
                "lot-1",
                List.of(new NewLot("lot-4", "TAG-4", 1))));
    assertThatThrownBy(() -> recorder.record(bad))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.item() + ":" + v.field())
                    .contains("0:id", "0:lot", "1:lot", "2:lot"));
    assertThat(recorder.store().custody().eventCount()).isEqualTo(6);
    assertThat(recorder.graph().lot("lot-4")).isEmpty();
    recorder.store().close();
  }

  @Test
  void aRetriedRequestIsAnsweredAsTheFirstAndWritesNothing() {
    Recorder recorder = open();
    IdempotencyRequest request = new IdempotencyRequest("upload-7", "hash-a");
    Recorder.Recorded first = recorder.record(Fixtures.chain(), request);
    Recorder.Recorded again = recorder.record(Fixtures.chain(), request);
    assertThat(again.replayed()).isTrue();
    assertThat(again.eventIds()).isEqualTo(first.eventIds());
    assertThat(recorder.store().custody().eventCount()).isEqualTo(6);
    assertThatThrownBy(
            () -> recorder.record(Fixtures.chain(), new IdempotencyRequest("upload-7", "hash-b")))
        .isInstanceOfSatisfying(
            IdempotencyConflictException.class, e -> assertThat(e.key()).isEqualTo("upload-7"));
    recorder.store().close();
  }

  @Test
  void aFailingListenerDoesNotUndoOrFailAStoredBatch() {
    Recorder recorder = open();
    recorder.addListener(
        batch -> {
          throw new IllegalStateException("detector crashed");
        });
    Recorder.Recorded recorded = recorder.record(Fixtures.chain());
    assertThat(recorded.eventIds()).hasSize(6);
    assertThat(recorder.store().custody().eventCount()).isEqualTo(6);
    assertThat(recorder.graph().lot("lot-3")).isPresent();
    recorder.store().close();
  }

  @Test
  void anEmptyBatchIsRefused() {
    Recorder recorder = open();
    assertThatThrownBy(() -> recorder.record(List.of())).isInstanceOf(InvalidInputException.class);
    recorder.store().close();
  }

  // ---- the pipeline: a batch checked while the one before it is written

  private static List<CustodyEvent> firstHalf() {
    return Fixtures.chain().subList(0, 3);
  }

  private static List<CustodyEvent> secondHalf() {
    return Fixtures.chain().subList(3, 6);
  }

  @Test
  void aBatchIsCheckedOverTheUnwrittenBatchAheadOfIt() {
    Recorder recorder = open();
    List<AcceptedBatch> seen = new ArrayList<>();
    recorder.addListener(seen::add);
    long ledgerBefore = recorder.store().ledger().size();
    Recorder.Checked first = recorder.check(EncodedBatch.of(firstHalf()), null);
    // The second half receives and merges lot-1, which only the first half (not yet written) tags.
    Recorder.Checked second = recorder.check(EncodedBatch.of(secondHalf()), null);
    assertThat(second.checkedAhead()).isTrue();
    assertThat(recorder.store().custody().eventCount()).isZero();
    assertThat(recorder.graph().lotCount()).isZero();

    assertThat(recorder.write(first).eventIds()).containsExactly("ev-1", "ev-2", "ev-3");
    assertThat(recorder.write(second).eventIds()).containsExactly("ev-4", "ev-5", "ev-6");
    assertThat(seen).extracting(batch -> batch.events().size()).containsExactly(3, 3);
    // lot-1 and lot-2 are inserted by the first batch and updated by the second, as one writer
    // would.
    assertThat(seen.get(1).newLotIds()).containsExactly("lot-3");
    assertThat(recorder.store().custody().lot("lot-1").orElseThrow().state())
        .isEqualTo(recorder.graph().lot("lot-1").orElseThrow().state());
    assertThatThrownBy(() -> recorder.write(second)).isInstanceOf(IllegalStateException.class);
    recorder.store().close();

    Recorder reopened = Recorder.open(database.open());
    assertThat(reopened.graph().lotCount()).isEqualTo(3);
    assertThat(reopened.store().custody().eventCount()).isEqualTo(6);
    assertThat(reopened.store().ledger().size()).isEqualTo(ledgerBefore + 6);
    assertThat(reopened.graph().trace("lot-3", Direction.UPSTREAM).orElseThrow().endpoints())
        .extracting(node -> node.lot().originSiteId())
        .containsExactlyInAnyOrder("site-rubaya", "site-nyabibwe");
    reopened.store().close();
  }

  @Test
  void aBatchCommittedButNotYetPublishedIsInTheOverlayOfTheChecksBehindIt() {
    Recorder recorder = open();
    List<AcceptedBatch> seen = new ArrayList<>();
    recorder.addListener(seen::add);
    Recorder.Committed first = recorder.commit(recorder.check(EncodedBatch.of(firstHalf()), null));
    // Stored, but neither in the graph nor shown to the listeners yet.
    assertThat(recorder.store().custody().eventCount()).isEqualTo(3);
    assertThat(recorder.graph().lotCount()).isZero();
    assertThat(seen).isEmpty();

    // A refusal is immediate when every batch ahead is committed: none of them can fail any more.
    List<CustodyEvent> shipsAnUnknownLot =
        List.of(new Ship(Fixtures.context("ev-30", 9, "coop-1"), "lot-404", "trader-1", null));
    assertThatThrownBy(() -> recorder.check(EncodedBatch.of(shipsAnUnknownLot), null))
        .isInstanceOf(InvalidInputException.class);

    // Checked now, the second half sees the lots the first one tagged, and does not take them for
    // new ones.
    Recorder.Checked second = recorder.check(EncodedBatch.of(secondHalf()), null);
    assertThat(second.checkedAhead()).isTrue();
    // The second batch commits before the first is published, then publishing keeps the order.
    Recorder.Committed secondCommitted = recorder.commit(second);
    ExecutorService publisher = Executors.newSingleThreadExecutor();
    try {
      Future<Recorder.Recorded> secondPublished =
          publisher.submit(() -> recorder.publish(secondCommitted));
      assertThatThrownBy(() -> secondPublished.get(200, TimeUnit.MILLISECONDS))
          .isInstanceOf(java.util.concurrent.TimeoutException.class);
      assertThat(seen).isEmpty();
      assertThat(recorder.publish(first).eventIds()).containsExactly("ev-1", "ev-2", "ev-3");
      assertThat(secondPublished.get(10, TimeUnit.SECONDS).eventIds())
          .containsExactly("ev-4", "ev-5", "ev-6");
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      publisher.shutdownNow();
    }
    assertThat(seen)
        .extracting(batch -> batch.events().getFirst().id())
        .containsExactly("ev-1", "ev-4");
    assertThat(seen.get(1).newLotIds()).containsExactly("lot-3");
    assertThat(recorder.graph().lotCount()).isEqualTo(3);
    assertThatThrownBy(() -> recorder.publish(first)).isInstanceOf(IllegalStateException.class);
    recorder.store().close();
  }

  @Test
  void aBatchCheckedAtItsTurnSeesTheBatchesCommittedButNotYetPublished() {
    Recorder recorder = open();
    Recorder.Checked first = recorder.check(EncodedBatch.of(Fixtures.chain().subList(0, 2)), null);
    List<CustodyEvent> shipsAnUnknownLot =
        List.of(new Ship(Fixtures.context("ev-30", 1, "coop-1"), "lot-404", "trader-1", null));
    Recorder.Checked refused = recorder.check(EncodedBatch.of(shipsAnUnknownLot), null);
    // Behind a deferred batch, this one is deferred too: checked at its turn.
    Recorder.Checked shipsLotOne =
        recorder.check(EncodedBatch.of(Fixtures.chain().subList(2, 3)), null);
    assertThat(shipsLotOne.checkedAhead()).isFalse();

    Recorder.Committed firstCommitted = recorder.commit(first);
    assertThatThrownBy(() -> recorder.commit(refused)).isInstanceOf(InvalidInputException.class);
    // lot-1 is in no graph yet, only in the committed first batch.
    assertThat(recorder.graph().lotCount()).isZero();
    Recorder.Committed shipped = recorder.commit(shipsLotOne);
    assertThat(recorder.publish(firstCommitted).eventIds()).containsExactly("ev-1", "ev-2");
    assertThat(recorder.publish(shipped).eventIds()).containsExactly("ev-3");
    assertThat(recorder.graph().lot("lot-1").orElseThrow().holderId()).isEqualTo("coop-1");
    assertThat(recorder.store().custody().eventCount()).isEqualTo(3);
    recorder.store().close();
  }

  @Test
  void aLotThatChangesHolderIsListedUnderItsNewHolderAndOnlyThere() {
    Recorder recorder = open();
    List<AcceptedBatch> seen = new ArrayList<>();
    recorder.addListener(seen::add);
    recorder.record(firstHalf());
    // lot-1 is received by the trader (a new holder); lot-2 is shipped (the same holder).
    recorder.record(
        List.of(
            Fixtures.chain().get(3),
            new Ship(Fixtures.context("ev-40", 9, "coop-1"), "lot-2", "trader-1", null)));
    assertThat(seen.get(1).movedLotIds()).containsExactly("lot-1");
    assertThat(seen.get(1).newLotIds()).isEmpty();

    CustodyStore custody = recorder.store().custody();
    assertThat(custody.lots(holder("trader-1"), PageRequest.first(10)).items())
        .extracting(Lot::id)
        .containsExactly("lot-1");
    assertThat(custody.lots(holder("coop-1"), PageRequest.first(10)).items())
        .extracting(Lot::id, Lot::state)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("lot-2", LotState.IN_TRANSIT));
    assertThat(custody.lot("lot-1").orElseThrow())
        .isEqualTo(recorder.graph().lot("lot-1").orElseThrow());
    assertThat(custody.lot("lot-2").orElseThrow())
        .isEqualTo(recorder.graph().lot("lot-2").orElseThrow());
    recorder.store().close();
  }

  private static CustodyStore.LotFilter holder(String holderId) {
    return new CustodyStore.LotFilter(null, null, holderId, null, null);
  }

  @Test
  void aRefusedBatchLeavesNothingForTheBatchesBehindIt() {
    Recorder recorder = open();
    List<CustodyEvent> tagsLotNine =
        List.of(
            new Tag(
                Fixtures.context("ev-20", 0, "coop-1"),
                "lot-9",
                "TAG-9",
                "site-rubaya",
                Mineral.COLTAN,
                10_000,
                null),
            new Transfer(Fixtures.context("ev-21", 1, "coop-1"), "lot-404", "trader-1"));
    // Alone, the refusal is immediate.
    assertThatThrownBy(() -> recorder.check(EncodedBatch.of(tagsLotNine), null))
        .isInstanceOf(InvalidInputException.class);

    Recorder.Checked first = recorder.check(EncodedBatch.of(firstHalf()), null);
    Recorder.Checked refused = recorder.check(EncodedBatch.of(tagsLotNine), null);
    List<CustodyEvent> shipsLotNine =
        List.of(new Ship(Fixtures.context("ev-22", 2, "coop-1"), "lot-9", "trader-1", null));
    Recorder.Checked behind = recorder.check(EncodedBatch.of(shipsLotNine), null);
    // Behind a batch not yet written, the refusal waits for its turn, and so do the batches after.
    assertThat(refused.checkedAhead()).isFalse();
    assertThat(behind.checkedAhead()).isFalse();

    recorder.write(first);
    assertThatThrownBy(() -> recorder.write(refused))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.item() + ":" + v.field())
                    .containsExactly("1:lot"));
    assertThatThrownBy(() -> recorder.write(behind))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::message)
                    .containsExactly("unknown lot lot-9"));
    assertThat(recorder.graph().lot("lot-9")).isEmpty();
    assertThat(recorder.store().custody().eventCount()).isEqualTo(3);
    // The pipeline runs on: the next batch is checked over nothing and written.
    assertThat(recorder.record(secondHalf()).eventIds()).hasSize(3);
    recorder.store().close();
  }

  @Test
  void aBatchBehindOneThatFailsToStoreIsCheckedAgainAtItsTurn() {
    Recorder recorder = open();
    long ledgerBefore = recorder.store().ledger().size();
    Recorder.Checked first = recorder.check(EncodedBatch.of(firstHalf()), null);
    Recorder.Checked second = recorder.check(EncodedBatch.of(secondHalf()), null);
    assertThat(second.checkedAhead()).isTrue();
    // A row the check did not see: an event with ev-1's id, stored after the check, makes the first
    // batch's transaction fail (the unique id), and is gone again before the second one's turn.
    database.tamper(
        "INSERT INTO events (sequence, id, type, time_millis, recorded_at_millis, document)"
            + " VALUES (-1, 'ev-1', 'tag', 0, 0, '{}')");

    assertThatThrownBy(() -> recorder.write(first)).isNotInstanceOf(InvalidInputException.class);
    database.tamper("DELETE FROM events WHERE sequence = -1");
    // Checked over a batch that is not stored, the second one is checked again: lot-1 is unknown.
    assertThatThrownBy(() -> recorder.write(second))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::message)
                    .contains("unknown lot lot-1"));
    assertThat(recorder.store().custody().eventCount()).isZero();
    assertThat(recorder.store().ledger().size()).isEqualTo(ledgerBefore);
    assertThat(recorder.graph().lotCount()).isZero();
    recorder.store().close();
  }

  @Test
  void aFailedWriteDropsItsOverlayAtOnceAndLaterBatchesSeeOnlyWhatIsCommitted() {
    Recorder recorder = open();
    Recorder.Checked first = recorder.check(EncodedBatch.of(firstHalf()), null);
    Recorder.Checked second = recorder.check(EncodedBatch.of(secondHalf()), null);
    assertThat(recorder.graph().overlayCount()).isEqualTo(2);
    // As above: a row the check did not see makes the first batch's transaction fail.
    database.tamper(
        "INSERT INTO events (sequence, id, type, time_millis, recorded_at_millis, document)"
            + " VALUES (-1, 'ev-1', 'tag', 0, 0, '{}')");

    assertThatThrownBy(() -> recorder.write(first)).isNotInstanceOf(InvalidInputException.class);
    // Neither the failed batch's overlay nor that of the batch checked over it stays cached.
    assertThat(recorder.graph().overlayCount()).isZero();
    database.tamper("DELETE FROM events WHERE sequence = -1");
    assertThatThrownBy(() -> recorder.write(second)).isInstanceOf(InvalidInputException.class);
    assertThat(recorder.graph().overlayCount()).isZero();

    // A later batch is checked against the committed state only: the failed batch's lots and ids
    // are new again, and what it would have tagged cannot be shipped.
    Recorder.Checked again = recorder.check(EncodedBatch.of(firstHalf()), null);
    assertThat(again.checkedAhead()).isTrue();
    assertThat(recorder.write(again).eventIds()).containsExactly("ev-1", "ev-2", "ev-3");
    assertThat(recorder.graph().overlayCount()).isZero();
    assertThat(recorder.store().custody().eventCount()).isEqualTo(3);
    assertThatThrownBy(() -> recorder.record(firstHalf()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::message)
                    .contains("event ev-1 is already recorded", "lot lot-1 already exists"));
    assertThat(recorder.graph().overlayCount()).isZero();
    recorder.store().close();
  }

  @Test
  void aRetryQueuedBehindItsFirstRequestIsAnsweredAsTheFirst() {
    Recorder recorder = open();
    IdempotencyRequest request = new IdempotencyRequest("upload-8", "hash-a");
    Recorder.Checked first = recorder.check(EncodedBatch.of(Fixtures.chain()), request);
    Recorder.Checked retry = recorder.check(EncodedBatch.of(Fixtures.chain()), request);
    assertThat(retry.checkedAhead()).isFalse();
    Recorder.Recorded written = recorder.write(first);
    Recorder.Recorded answered = recorder.write(retry);
    assertThat(written.replayed()).isFalse();
    assertThat(answered.replayed()).isTrue();
    assertThat(answered.eventIds()).isEqualTo(written.eventIds());
    assertThat(recorder.store().custody().eventCount()).isEqualTo(6);
    recorder.store().close();
  }

  @Test
  void concurrentClientsAreWrittenOneAtATimeInOneSequence() throws Exception {
    Recorder recorder = open();
    int clients = 4;
    int batches = 15;
    int tags = 5;
    List<AcceptedBatch> seen = Collections.synchronizedList(new ArrayList<>());
    recorder.addListener(seen::add);
    long ledgerBefore = recorder.store().ledger().size();
    ExecutorService executor = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int client = 0; client < clients; client++) {
        int owner = client;
        done.add(
            executor.submit(
                () -> {
                  for (int batch = 0; batch < batches; batch++) {
                    List<CustodyEvent> events = new ArrayList<>();
                    for (int tag = 0; tag < tags; tag++) {
                      String name = owner + "-" + batch + "-" + tag;
                      events.add(
                          new Tag(
                              Fixtures.context("ev-" + name, batch, "coop-1"),
                              "lot-" + name,
                              "TAG-" + name,
                              "site-rubaya",
                              Mineral.COLTAN,
                              1_000,
                              null));
                    }
                    recorder.record(events);
                  }
                  return null;
                }));
      }
      for (Future<?> client : done) {
        client.get(60, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
    }
    int events = clients * batches * tags;
    assertThat(recorder.store().custody().eventCount()).isEqualTo(events);
    assertThat(recorder.store().ledger().size()).isEqualTo(ledgerBefore + events);
    assertThat(recorder.graph().lotCount()).isEqualTo(events);
    assertThat(seen).hasSize(clients * batches);
    // The listeners saw the batches in the order of the store's sequence.
    List<String> stored =
        recorder.store().custody().events(0, events).stream()
            .map(event -> event.event().id())
            .toList();
    assertThat(seen.stream().flatMap(batch -> batch.events().stream()).map(CustodyEvent::id))
        .containsExactlyElementsOf(stored);
    recorder.store().close();
  }
}
