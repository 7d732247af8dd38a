package org.oretrace.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.custody.AcceptedBatch;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.NewLot;
import org.oretrace.core.custody.CustodyEvent.Split;
import org.oretrace.core.custody.CustodyEvent.Transfer;
import org.oretrace.core.lineage.Direction;
import org.oretrace.store.Recorder.IdempotencyRequest;

@ParameterizedClass
@EnumSource(TestDatabase.Kind.class)
class RecorderTest {

  @Parameter TestDatabase.Kind kind;
  @TempDir Path folder;
  private TestDatabase database;

  @BeforeEach
  void createDatabase() {
    database = kind.create(folder);
  }

  @AfterEach
  void dropDatabase() {
    if (database != null) {
      database.close();
    }
  }

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
}
