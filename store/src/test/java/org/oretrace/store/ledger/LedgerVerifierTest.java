package org.oretrace.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.oretrace.core.ledger.LogKey;
import org.oretrace.core.ledger.SignedNote;
import org.oretrace.store.DatabaseTest;
import org.oretrace.store.Fixtures;
import org.oretrace.store.Ledger;
import org.oretrace.store.LedgerFixtures;
import org.oretrace.store.Recorder;
import org.oretrace.store.Store;
import org.oretrace.store.TestDatabase;
import org.oretrace.store.ledger.VerificationReport.Finding;
import org.oretrace.store.ledger.VerificationReport.Kind;

/**
 * Tampering with the database behind the store's back, the way someone holding the file or the
 * server could, and checking that verification names what changed and where. The log holds 20
 * events after the registry's records ({@link #R} of them): the chain of custody (positions R to R
 * + 5) and 14 tagged bags.
 */
@ParameterizedClass
@EnumSource(TestDatabase.Kind.class)
class LedgerVerifierTest extends DatabaseTest {

  /** The first event's position: the fixture registry's records come first. */
  private static final long R = LedgerFixtures.REGISTRY_ENTRIES;

  private SignedNote checkpointAtSix;

  @BeforeEach
  void recordTwentyEvents() {
    Recorder recorder = LedgerFixtures.recorder(database);
    recorder.record(Fixtures.chain());
    checkpointAtSix = recorder.store().ledger().latestCheckpoint();
    recorder.record(LedgerFixtures.tags(0, 7));
    recorder.record(LedgerFixtures.tags(7, 7));
    recorder.store().close();
  }

  private VerificationReport verify(SignedNote... held) {
    try (Store store = database.open()) {
      List<Long> progress = new ArrayList<>();
      VerificationReport report =
          new LedgerVerifier(store.ledger(), store.ledger().verifierKey())
              .verify(List.of(held), progress::add);
      assertThat(progress).isNotEmpty();
      return report;
    }
  }

  /**
   * The findings about positions, after checking that the checkpoint's root does not match: any
   * changed leaf changes the root.
   */
  private static List<Finding> positional(VerificationReport report) {
    assertThat(report.findings())
        .filteredOn(finding -> finding.position() < 0)
        .extracting(Finding::kind, Finding::message)
        .singleElement()
        .satisfies(
            kindAndMessage ->
                assertThat(kindAndMessage.toList().get(1).toString())
                    .contains("latest checkpoint (size " + (R + 20) + ") has root"));
    return report.findings().stream().filter(finding -> finding.position() >= 0).toList();
  }

  @Test
  void anUntouchedLedgerVerifies() {
    VerificationReport report = verify(checkpointAtSix);
    assertThat(report.findings()).isEmpty();
    assertThat(report.ok()).isTrue();
    assertThat(report.events()).isEqualTo(20);
    assertThat(report.records()).isEqualTo(R);
    assertThat(report.logSize()).isEqualTo(R + 20);
    assertThat(report.checkpointSize()).isEqualTo(R + 20);
  }

  @Test
  void aChangedEventIsNamedWithItsPosition() {
    database.tamper(
        "UPDATE events SET document = replace(document, '\"massGrams\":39900',"
            + " '\"massGrams\":38900') WHERE sequence = "
            + (R + 3));
    assertThat(positional(verify()))
        .extracting(Finding::position, Finding::kind)
        .containsExactly(tuple(R + 3, Kind.CHANGED));
  }

  @Test
  void anEventThatNoLongerDecodesIsChanged() {
    database.tamper("UPDATE events SET document = '{\"id\":\"ev-2\"}' WHERE sequence = " + (R + 1));
    assertThat(positional(verify()))
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.position()).isEqualTo(R + 1);
              assertThat(finding.kind()).isEqualTo(Kind.CHANGED);
              assertThat(finding.message()).contains("ev-2", "damaged");
            });
  }

  @Test
  void aDeletedEventIsNamedWithItsPosition() {
    database.tamper("DELETE FROM events WHERE sequence = " + (R + 4));
    assertThat(positional(verify()))
        .extracting(Finding::position, Finding::kind)
        .containsExactly(tuple(R + 4, Kind.REMOVED));
  }

  @Test
  void deletingTheLastEventsIsCaughtByTheCheckpoint() {
    database.tamper("DELETE FROM events WHERE sequence >= " + (R + 18));
    assertThat(verify().findings())
        .extracting(Finding::position, Finding::kind)
        .contains(
            tuple(-1L, Kind.CHECKPOINT), tuple(R + 18, Kind.REMOVED), tuple(R + 19, Kind.REMOVED));
  }

  @Test
  void swappedEventsAreNamedWithBothPositions() {
    database.tamper(
        "UPDATE events SET sequence = -1 WHERE sequence = " + (R + 2),
        "UPDATE events SET sequence = " + (R + 2) + " WHERE sequence = " + (R + 9),
        "UPDATE events SET sequence = " + (R + 9) + " WHERE sequence = -1");
    List<Finding> findings = positional(verify());
    assertThat(findings)
        .extracting(Finding::position, Finding::kind)
        .containsExactly(tuple(R + 2, Kind.MOVED), tuple(R + 9, Kind.MOVED));
    assertThat(findings.getFirst().message()).contains("logged at position " + (R + 9));
  }

  @Test
  void anEventInsertedInTheMiddleIsNamedAndTheShiftedOnesFollow() {
    database.tamper(
        "UPDATE events SET sequence = -sequence - 100 WHERE sequence >= " + (R + 5),
        "UPDATE events SET sequence = -sequence - 99 WHERE sequence < -99",
        "INSERT INTO events (sequence, id, type, time_millis, recorded_at_millis, document)"
            + " SELECT "
            + (R + 5)
            + ", 'forged', type, time_millis, recorded_at_millis,"
            + " replace(document, '\"tag-0\"', '\"forged\"') FROM events WHERE id = 'tag-0'");
    List<Finding> findings = verify().findings();
    assertThat(findings.stream().filter(finding -> finding.position() >= 0).findFirst())
        .hasValueSatisfying(
            first -> {
              assertThat(first.position()).isEqualTo(R + 5);
              assertThat(first.kind()).isEqualTo(Kind.INSERTED);
              assertThat(first.message()).contains("forged");
            });
    assertThat(findings)
        .filteredOn(finding -> finding.position() > R + 5)
        .extracting(Finding::kind)
        .containsOnly(Kind.MOVED);
  }

  @Test
  void anEventAppendedBehindTheLogsBackIsInserted() {
    database.tamper(
        "INSERT INTO events (sequence, id, type, time_millis, recorded_at_millis, document)"
            + " SELECT "
            + (R + 20)
            + ", 'forged', type, time_millis, recorded_at_millis,"
            + " replace(document, '\"tag-0\"', '\"forged\"') FROM events WHERE id = 'tag-0'");
    assertThat(verify().findings())
        .extracting(Finding::position, Finding::kind)
        .containsExactly(tuple(R + 20, Kind.INSERTED));
  }

  @Test
  void aChangedInteriorNodeIsNamed() {
    // Node (2, 1) is the fourteenth of tile (0, 0) in post order: leaves 0-1 and their parent,
    // leaves 2-3, their parent and node (2, 0), leaves 4-5 and their parent, leaves 6-7, their
    // parent, then it.
    LedgerFixtures.changeTile(database, 0, 0, 13 * 32, new byte[32]);
    assertThat(verify().findings())
        .extracting(Finding::position, Finding::kind)
        .containsExactly(tuple(4L, Kind.NODE));
  }

  @Test
  void eventsAndNodesRewrittenTogetherAreCaughtByTheSignedCheckpoint() {
    database.tamper(
        "UPDATE events SET document = replace(document, '\"massGrams\":39900',"
            + " '\"massGrams\":38900') WHERE sequence = "
            + (R + 3));
    List<byte[]> entries;
    try (Store store = database.open()) {
      entries = store.ledger().entries(0, 100).stream().map(Ledger.Entry::bytes).toList();
    }
    LedgerFixtures.forgeNodes(database, entries);

    VerificationReport report = verify(checkpointAtSix);
    assertThat(report.findings())
        .extracting(Finding::position, Finding::kind)
        .containsExactly(tuple(-1L, Kind.CHECKPOINT), tuple(-1L, Kind.CHECKPOINT));
    assertThat(report.findings())
        .extracting(Finding::message)
        .allSatisfy(message -> assertThat(message).contains("but the stored events give"));
  }

  @Test
  void aCheckpointSignedByAnotherKeyIsRefused() {
    SignedNote forged =
        SignedNote.sign(checkpointAtSix.body(), LogKey.generate(LogKeyFile.DEFAULT_ORIGIN));
    assertThat(verify(forged).findings())
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.kind()).isEqualTo(Kind.CHECKPOINT);
              assertThat(finding.message()).contains("does not verify");
            });
  }
}
