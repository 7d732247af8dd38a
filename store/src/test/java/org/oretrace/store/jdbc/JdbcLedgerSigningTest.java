package org.oretrace.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.oretrace.core.ledger.Checkpoint;
import org.oretrace.core.ledger.SignedNote;
import org.oretrace.core.registry.Site;
import org.oretrace.store.DatabaseTest;
import org.oretrace.store.Fixtures;
import org.oretrace.store.LedgerFixtures;
import org.oretrace.store.Recorder;
import org.oretrace.store.Store;
import org.oretrace.store.TestDatabase;
import org.oretrace.store.ledger.LedgerVerifier;
import org.oretrace.store.ledger.VerificationReport;
import org.oretrace.store.ledger.VerificationReport.Finding;
import org.oretrace.store.ledger.VerificationReport.Kind;

/**
 * Group commit of the ledger's signatures: registry writes and capture batches within the signing
 * interval share one signature, yet every checkpoint served covers every write committed before it
 * was asked for, the stored one catches up at the end of the interval, closing signs what was left,
 * and a writer starting after a crash signs what the killed process left unsigned.
 */
@ParameterizedClass
@EnumSource(TestDatabase.Kind.class)
class JdbcLedgerSigningTest extends DatabaseTest {

  private static final int WRITES = 100;
  private static final long AN_HOUR = TimeUnit.HOURS.toMillis(1);

  private static Site site(int number) {
    Site model = Fixtures.sites().getFirst();
    return new Site(
        "site-extra-" + number,
        "Extra site " + number,
        model.country(),
        model.location(),
        model.minerals(),
        model.capacityKilogramsPerMonth(),
        model.icglrStatus(),
        model.armedGroupPresence(),
        model.cahra());
  }

  /** Writes {@link #WRITES} sites one transaction each, as an API client adding them would. */
  private static void writeSitesOneByOne(Store store) {
    for (int number = 0; number < WRITES; number++) {
      store.registry().putSites(List.of(site(number)));
    }
  }

  private static long size(SignedNote checkpoint) {
    return Checkpoint.fromNoteBody(checkpoint.body()).size();
  }

  @Test
  void withoutAnIntervalEveryRegistryWriteSignsACheckpoint() {
    try (Store store = database.openWithRegistry()) {
      JdbcLedger ledger = (JdbcLedger) store.ledger();
      ledger.signingInterval(0);
      long before = ledger.signatures();
      writeSitesOneByOne(store);
      assertThat(ledger.signatures() - before).isEqualTo(WRITES);
      assertThat(size(ledger.storedCheckpoint())).isEqualTo(ledger.size());
    }
  }

  @Test
  void writesWithinTheIntervalShareOneSignatureMadeWhenACheckpointIsAsked() {
    try (Store store = database.openWithRegistry()) {
      JdbcLedger ledger = (JdbcLedger) store.ledger();
      ledger.signingInterval(AN_HOUR);
      // The registry fixture's checkpoint, signed now if its catch-up has not run yet.
      ledger.latestCheckpoint();
      long before = ledger.signatures();
      writeSitesOneByOne(store);
      // Within the hour, nothing more is signed.
      assertThat(ledger.signatures() - before).isZero();
      assertThat(size(ledger.storedCheckpoint())).isLessThan(ledger.size());

      SignedNote served = ledger.latestCheckpoint();
      assertThat(size(served)).isEqualTo(ledger.size());
      assertThat(ledger.signatures() - before).isEqualTo(1);
      assertThat(ledger.storedCheckpoint().serialize()).isEqualTo(served.serialize());
      assertThat(ledger.latestCheckpoint().serialize()).isEqualTo(served.serialize());
      assertThat(ledger.signatures() - before).isEqualTo(1);

      store.registry().putSites(List.of(site(WRITES)));
      assertThat(size(ledger.latestCheckpoint()))
          .isEqualTo(ledger.size())
          .isEqualTo(size(served) + 1);
      assertThat(ledger.signatures() - before).isEqualTo(2);
    }
  }

  @Test
  void theStoredCheckpointCatchesUpAtTheEndOfTheIntervalWithoutBeingAsked() throws Exception {
    try (Store store = database.openWithRegistry()) {
      JdbcLedger ledger = (JdbcLedger) store.ledger();
      ledger.signingInterval(200);
      long before = ledger.signatures();
      writeSitesOneByOne(store);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (size(ledger.storedCheckpoint()) < ledger.size() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(size(ledger.storedCheckpoint())).isEqualTo(ledger.size());
      assertThat(ledger.signatures() - before).isBetween(1L, (long) WRITES - 1);
    }
  }

  @Test
  void closingSignsWhatWasLeftUnsignedAndTheLogVerifies() {
    try (Store store = database.openWithRegistry()) {
      JdbcLedger ledger = (JdbcLedger) store.ledger();
      ledger.signingInterval(AN_HOUR);
      writeSitesOneByOne(store);
      assertThat(size(ledger.storedCheckpoint())).isLessThan(ledger.size());
    }
    try (Store store = database.open()) {
      assertThat(size(store.ledger().storedCheckpoint())).isEqualTo(store.ledger().size());
      VerificationReport report =
          new LedgerVerifier(store.ledger(), store.ledger().verifierKey()).verify(position -> {});
      assertThat(report.findings()).isEmpty();
      assertThat(report.records()).isEqualTo(store.ledger().size());
    }
  }

  private static VerificationReport verify(Store store) {
    return new LedgerVerifier(store.ledger(), store.ledger().verifierKey()).verify(position -> {});
  }

  @Test
  void captureBatchesWithinTheIntervalShareOneSignatureMadeWhenACheckpointIsAsked() {
    try (Store store = database.openWithRegistry()) {
      JdbcLedger ledger = (JdbcLedger) store.ledger();
      ledger.signingInterval(AN_HOUR);
      Recorder recorder = Recorder.open(store);
      long before = ledger.signatures();
      long sizeBefore = ledger.size();
      for (int batch = 0; batch < 10; batch++) {
        recorder.record(LedgerFixtures.tags(batch * 5, 5));
      }
      assertThat(ledger.size()).isEqualTo(sizeBefore + 50);
      assertThat(ledger.signatures() - before).isZero();
      assertThat(size(ledger.storedCheckpoint())).isEqualTo(sizeBefore);

      assertThat(size(ledger.latestCheckpoint())).isEqualTo(ledger.size());
      assertThat(ledger.signatures() - before).isEqualTo(1);
      assertThat(verify(store).findings()).isEmpty();
    }
  }

  @Test
  void aWriterStartingAfterACrashSignsWhatTheKilledProcessLeftUnsigned() throws SQLException {
    SignedNote leftBehind;
    long logSize;
    try (Store store = database.openWithRegistry()) {
      JdbcLedger ledger = (JdbcLedger) store.ledger();
      ledger.signingInterval(AN_HOUR);
      Recorder recorder = Recorder.open(store);
      leftBehind = ledger.storedCheckpoint();
      recorder.record(LedgerFixtures.tags(0, 5));
      recorder.record(LedgerFixtures.tags(5, 5));
      assertThat(ledger.storedCheckpoint()).isEqualTo(leftBehind);
      logSize = ledger.size();
    }
    // Closing signed the last batches; a process killed before it would have left the checkpoint
    // it had stored, which is put back.
    try (Connection connection = database.connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "UPDATE log_checkpoint SET tree_size = ?, signed_note = ? WHERE id = 1")) {
      statement.setLong(1, size(leftBehind));
      statement.setString(2, leftBehind.serialize());
      assertThat(statement.executeUpdate()).isEqualTo(1);
    }

    // Verification reads only: it reports the unsigned entries and signs nothing.
    try (Store store = database.open()) {
      assertThat(verify(store).findings())
          .extracting(Finding::kind)
          .containsExactly(Kind.CHECKPOINT);
    }
    try (Store store = database.open()) {
      assertThat(store.ledger().storedCheckpoint()).isEqualTo(leftBehind);
    }

    try (Store store = database.open()) {
      Recorder.open(store);
      assertThat(size(store.ledger().storedCheckpoint())).isEqualTo(logSize);
      assertThat(verify(store).findings()).isEmpty();
    }
  }
}
