package org.oretrace.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.detection.Alert;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.core.registry.Mineral;

@ParameterizedClass
@EnumSource(TestDatabase.Kind.class)
class DetectionTest extends DatabaseTest {

  private Recorder open() {
    return Recorder.open(database.openWithRegistry());
  }

  @Test
  void alertsAreStoredBeforeTheBatchIsAcknowledged() {
    Recorder recorder = open();
    Detection detection = Detection.attach(recorder);
    List<Alert> observed = new ArrayList<>();
    detection.onAlerts(observed::addAll);

    recorder.record(Fixtures.chain());

    // Rubaya is red; and the trader merged a bag it never received (lot-2): its books gain 35 kg.
    assertThat(observed).extracting(Alert::id).containsExactly("D8-ev-1", "D1-ev-5");
    assertThat(recorder.store().alerts().alert("D8-ev-1"))
        .hasValueSatisfying(
            stored -> assertThat(stored.alert().detector()).isEqualTo(DetectorId.D8));
    recorder.store().close();
  }

  @Test
  void afterARestartStoredEventsAreReplayedWithoutRaisingTheirAlertsAgain() {
    Recorder first = open();
    Detection.attach(first);
    first.record(Fixtures.chain());
    first.store().close();

    Recorder second = open();
    Detection detection = Detection.attach(second);
    List<Alert> observed = new ArrayList<>();
    detection.onAlerts(observed::addAll);
    // TAG-1 was lot-1's, consumed by the merge: putting it on a new bag is tag reuse.
    List<CustodyEvent> reuse =
        List.of(
            new Tag(
                Fixtures.context("ev-7", 40, "coop-1"),
                "lot-9",
                "TAG-1",
                "site-nyabibwe",
                Mineral.COLTAN,
                30_000,
                null));
    second.record(reuse);

    assertThat(observed).extracting(Alert::detector).containsExactly(DetectorId.D4);
    assertThat(second.store().alerts().count()).isEqualTo(3);
    second.store().close();
  }

  @Test
  void aRestartWarmsTheEngineUpOnEveryStoredEventOnceThoughRecordsShareTheLedgersPositions() {
    // The fixture registry's sites and actors take the ledger's first positions: the events'
    // sequences start after them.
    Recorder first = open();
    Detection.attach(first);
    first.record(Fixtures.chain());
    assertThat(first.store().custody().nextSequence()).isGreaterThan(Fixtures.chain().size());
    first.store().close();

    Recorder second = open();
    Detection detection = Detection.attach(second);

    assertThat(detection.replayedEvents()).isEqualTo(Fixtures.chain().size());
    second.store().close();
  }
}
