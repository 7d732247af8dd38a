package org.oretrace.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.oretrace.core.custody.AcceptedBatch;
import org.oretrace.core.ledger.Checkpoint;
import org.oretrace.core.ledger.MerkleHash;
import org.oretrace.core.ledger.MerkleLog;
import org.oretrace.core.ledger.MerkleProofs;
import org.oretrace.core.ledger.SignedNote;
import org.oretrace.store.CustodyStore.IdempotencyRecord;
import org.oretrace.store.DatabaseTest;
import org.oretrace.store.Fixtures;
import org.oretrace.store.Ledger;
import org.oretrace.store.LedgerFixtures;
import org.oretrace.store.Recorder;
import org.oretrace.store.Store;
import org.oretrace.store.StoreException;
import org.oretrace.store.TestDatabase;
import org.oretrace.store.ledger.LedgerVerifier;
import org.oretrace.store.ledger.LogKeyFile;

@ParameterizedClass
@EnumSource(TestDatabase.Kind.class)
class JdbcLedgerTest extends DatabaseTest {

  /** The fixture registry's records, logged before the first event. */
  private static final long R = LedgerFixtures.REGISTRY_ENTRIES;

  @Test
  void aNewLogHasASignedCheckpointOfTheEmptyTreeAndAPrivateKeyFile() throws Exception {
    try (Store store = database.open()) {
      Checkpoint checkpoint = verifiedCheckpoint(store.ledger());
      assertThat(checkpoint.size()).isZero();
      assertThat(checkpoint.rootHash()).isEqualTo(MerkleHash.emptyTree());
      assertThat(checkpoint.origin()).isEqualTo(LogKeyFile.DEFAULT_ORIGIN);
    }
    Path key = folder.resolve(LogKeyFile.FILE_NAME);
    assertThat(Files.readString(key)).startsWith("PRIVATE+KEY+" + LogKeyFile.DEFAULT_ORIGIN);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
  }

  @Test
  void everyEventIsALeafAndItsProofsVerifyAfterReopening() {
    Recorder recorder = LedgerFixtures.recorder(database);
    recorder.record(Fixtures.chain());
    Checkpoint small = verifiedCheckpoint(recorder.store().ledger());
    for (int batch = 0; batch < 5; batch++) {
      recorder.record(LedgerFixtures.tags(batch * 7, 7));
    }
    recorder.store().close();

    try (Store store = database.open()) {
      Ledger ledger = store.ledger();
      Checkpoint checkpoint = verifiedCheckpoint(ledger);
      assertThat(checkpoint.size()).isEqualTo(R + 41);
      assertThat(store.custody().eventCount()).isEqualTo(41);
      assertThat(ledger.size()).isEqualTo(R + 41);

      List<Ledger.Entry> entries = ledger.entries(0, 100);
      MerkleLog expected = MerkleLog.inMemory();
      entries.forEach(entry -> expected.append(entry.bytes()));
      assertThat(expected.root()).isEqualTo(checkpoint.rootHash());
      assertThat(ledger.root(small.size())).isEqualTo(small.rootHash());

      for (long treeSize = 1; treeSize <= R + 41; treeSize += 5) {
        MerkleHash root = ledger.root(treeSize);
        for (Ledger.Entry entry : entries.subList(0, (int) treeSize)) {
          MerkleProofs.verifyInclusion(
              MerkleHash.ofLeaf(entry.bytes()),
              ledger.inclusionProof(entry.position(), treeSize),
              root);
        }
      }
      MerkleProofs.verifyConsistency(
          ledger.consistencyProof(small.size(), checkpoint.size()),
          small.rootHash(),
          checkpoint.rootHash());
      assertThatThrownBy(() -> ledger.inclusionProof(0, R + 42))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aFailedAppendLeavesTheLogAsItWas() {
    Recorder recorder = LedgerFixtures.recorder(database);
    Store store = recorder.store();
    recorder.record(LedgerFixtures.tags(0, 3), new Recorder.IdempotencyRequest("key-1", "hash-1"));
    SignedNote before = store.ledger().latestCheckpoint();

    // The events and their ledger nodes are written, then the reused key fails the transaction.
    AcceptedBatch batch = recorder.graph().check(LedgerFixtures.tags(3, 5), store.registry());
    assertThatThrownBy(
            () ->
                store
                    .custody()
                    .append(batch, new IdempotencyRecord("key-1", "hash-2", List.of("tag-3"))))
        .isInstanceOf(StoreException.class);
    assertThat(store.ledger().size()).isEqualTo(R + 3);
    assertThat(store.ledger().latestCheckpoint()).isEqualTo(before);

    recorder.record(LedgerFixtures.tags(3, 5));
    assertThat(store.ledger().size()).isEqualTo(R + 8);
    assertThat(store.custody().eventCount()).isEqualTo(8);
    // Writes sign at most once per signing interval; a reader of the checkpoint gets one that
    // covers
    // them (signed now), which verification then checks.
    store.ledger().latestCheckpoint();
    assertThat(new LedgerVerifier(store.ledger(), store.ledger().verifierKey()).verify(done -> {}))
        .satisfies(report -> assertThat(report.findings()).isEmpty());
    store.close();

    try (Store reopened = database.open()) {
      assertThat(reopened.ledger().size()).isEqualTo(R + 8);
      assertThat(verifiedCheckpoint(reopened.ledger()).size()).isEqualTo(R + 8);
    }
  }

  @Test
  void aDatabaseFromBeforeTheLedgerIsBroughtUpToDateOnOpen() {
    Recorder recorder = LedgerFixtures.recorder(database);
    recorder.record(Fixtures.chain());
    recorder.store().close();
    database.tamper("DELETE FROM merkle_tiles", "DELETE FROM log_checkpoint");

    try (Store store = database.open()) {
      assertThat(verifiedCheckpoint(store.ledger()).size()).isEqualTo(R + 6);
      assertThat(new LedgerVerifier(store.ledger(), store.ledger().verifierKey()).verify(d -> {}))
          .satisfies(report -> assertThat(report.ok()).isTrue());
    }
  }

  @Test
  void appendsAreRefusedWhenTheLogAndTheEventsDisagree() {
    Recorder recorder = LedgerFixtures.recorder(database);
    recorder.record(LedgerFixtures.tags(0, 4));
    recorder.store().close();
    database.tamper("DELETE FROM events WHERE sequence = " + (R + 3));

    Recorder reopened = Recorder.open(database.open());
    assertThatThrownBy(() -> reopened.record(LedgerFixtures.tags(10, 1)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("oretrace verify");
    reopened.store().close();
  }

  @Test
  void aLogStoredNodeByNodeBeforeVersion14IsConvertedToTilesThatVerifyAndGrow() {
    Recorder recorder = LedgerFixtures.recorder(database);
    // 600 events after the fixture registry's records: two full tiles at tile level 0, a partial
    // third, and a partial tile at level 1.
    for (int batch = 0; batch < 6; batch++) {
      recorder.record(LedgerFixtures.tags(batch * 100, 100));
    }
    Checkpoint before = verifiedCheckpoint(recorder.store().ledger());
    assertThat(before.size()).isGreaterThanOrEqualTo(600);
    List<byte[]> entries =
        recorder.store().ledger().entries(0, 1000).stream().map(Ledger.Entry::bytes).toList();
    recorder.store().close();
    LedgerFixtures.storeAsVersion13(database, entries);

    assertKeepsItsTreeAndGrows(Recorder.open(database.open()), before, entries);
  }

  @Test
  void aSqliteLogWithTilesWithoutRowidFromBeforeVersion27KeepsItsTreeAsARowidTable()
      throws Exception {
    assumeTrue(kind == TestDatabase.Kind.SQLITE, "version 27 changes the SQLite table only");
    Recorder recorder = LedgerFixtures.recorder(database);
    for (int batch = 0; batch < 6; batch++) {
      recorder.record(LedgerFixtures.tags(batch * 100, 100));
    }
    Checkpoint before = verifiedCheckpoint(recorder.store().ledger());
    List<byte[]> entries =
        recorder.store().ledger().entries(0, 1000).stream().map(Ledger.Entry::bytes).toList();
    recorder.store().close();
    // The table as version 14 made it, with the same rows.
    database.tamper(
        "CREATE TABLE tiles_before (tile_level INTEGER NOT NULL, tile_index BIGINT NOT NULL,"
            + " hashes BLOB NOT NULL, PRIMARY KEY (tile_level, tile_index)) WITHOUT ROWID",
        "INSERT INTO tiles_before SELECT tile_level, tile_index, hashes FROM merkle_tiles",
        "DROP TABLE merkle_tiles",
        "ALTER TABLE tiles_before RENAME TO merkle_tiles",
        "DELETE FROM flyway_schema_history WHERE version = '27'");
    assertThat(merkleTilesTable()).contains("WITHOUT ROWID");

    Recorder reopened = Recorder.open(database.open());
    assertThat(merkleTilesTable()).doesNotContain("WITHOUT ROWID");
    assertKeepsItsTreeAndGrows(reopened, before, entries);
  }

  /**
   * The reopened log has the tree of {@code before} (size, root, the proofs of an in-memory log of
   * the same entries), grows by 50 tag events consistently with it, and verifies; closes it.
   */
  private void assertKeepsItsTreeAndGrows(
      Recorder reopened, Checkpoint before, List<byte[]> entries) {
    long size = before.size();
    Ledger ledger = reopened.store().ledger();
    assertThat(ledger.size()).isEqualTo(size);
    assertThat(ledger.root(size)).isEqualTo(before.rootHash());
    MerkleLog expected = MerkleLog.inMemory();
    entries.forEach(expected::append);
    for (long leaf = 0; leaf < size; leaf += 37) {
      assertThat(ledger.inclusionProof(leaf, size)).isEqualTo(expected.inclusionProof(leaf, size));
    }
    reopened.record(LedgerFixtures.tags(600, 50));
    assertThat(verifiedCheckpoint(ledger).size()).isEqualTo(size + 50);
    MerkleProofs.verifyConsistency(
        ledger.consistencyProof(size, size + 50),
        before.rootHash(),
        verifiedCheckpoint(ledger).rootHash());
    assertThat(new LedgerVerifier(ledger, ledger.verifierKey()).verify(done -> {}).ok()).isTrue();
    reopened.store().close();
  }

  private String merkleTilesTable() throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'merkle_tiles'")) {
      assertThat(rows.next()).isTrue();
      return rows.getString(1);
    }
  }

  @Test
  void aReaderAnswersForEntriesAnotherProcessAppendedAfterItCachedTheRightEdge() {
    // Two stores over one database, as two servers on one PostgreSQL: the reader caches the tiles
    // of the tree's right edge, the other appends, and the reader's proofs must cover the new
    // entries. SQLite has one writing process, whose store is also the reader.
    assumeTrue(kind == TestDatabase.Kind.POSTGRESQL, "several writing processes: PostgreSQL only");
    Recorder writer = LedgerFixtures.recorder(database);
    writer.record(LedgerFixtures.tags(0, 5));
    try (Store reader = database.open()) {
      Ledger ledger = reader.ledger();
      long before = ledger.size();
      for (long leaf = 0; leaf < before; leaf++) {
        ledger.inclusionProof(leaf, before);
      }
      writer.record(LedgerFixtures.tags(5, 40));
      long after = ledger.size();
      assertThat(after).isEqualTo(before + 40);

      MerkleLog expected = MerkleLog.inMemory();
      ledger.entries(0, 1000).forEach(entry -> expected.append(entry.bytes()));
      for (long treeSize : new long[] {before, before + 1, after}) {
        assertThat(ledger.root(treeSize)).isEqualTo(expected.root(treeSize));
        for (long leaf = 0; leaf < treeSize; leaf++) {
          assertThat(ledger.inclusionProof(leaf, treeSize))
              .isEqualTo(expected.inclusionProof(leaf, treeSize));
        }
        assertThat(ledger.consistencyProof(before, treeSize))
            .isEqualTo(expected.consistencyProof(before, treeSize));
      }
    }
  }

  private static Checkpoint verifiedCheckpoint(Ledger ledger) {
    SignedNote note = ledger.latestCheckpoint();
    note.verify(List.of(ledger.verifierKey()));
    return Checkpoint.fromNoteBody(note.body());
  }
}
