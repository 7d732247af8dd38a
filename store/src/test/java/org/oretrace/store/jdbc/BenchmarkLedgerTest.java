package org.oretrace.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oretrace.core.ledger.LogKey;
import org.oretrace.core.ledger.MerkleHash;
import org.oretrace.core.ledger.MerkleLog;
import org.oretrace.core.ledger.MerkleProofs;
import org.oretrace.store.Ledger;
import org.oretrace.store.sqlite.SqliteStore;

class BenchmarkLedgerTest {

  @TempDir Path folder;

  @Test
  void leavesAppendedInBatchesGiveTheTreeOfTheSameEntriesAndProofsThatVerify() {
    MerkleLog expected = MerkleLog.inMemory();
    try (BenchmarkLedger benchmark =
        SqliteStore.openBenchmarkLedger(folder.resolve("ledger.db"), LogKey.generate("test/log"))) {
      for (int count : new int[] {1, 2, 5, 1000, 333, 64}) {
        benchmark.append(count);
      }
      Ledger ledger = benchmark.ledger();
      assertThat(ledger.size()).isEqualTo(1405);
      for (long index = 0; index < ledger.size(); index++) {
        expected.append(BenchmarkLedger.entry(index));
      }
      for (long size : new long[] {1, 2, 3, 8, 1000, 1024, 1341, 1405}) {
        assertThat(ledger.root(size)).as("root of %d", size).isEqualTo(expected.root(size));
      }
      MerkleHash root = ledger.root(1405);
      for (long leaf = 0; leaf < 1405; leaf += 7) {
        MerkleProofs.verifyInclusion(
            MerkleHash.ofLeaf(BenchmarkLedger.entry(leaf)),
            ledger.inclusionProof(leaf, 1405),
            root);
      }
      assertThat(ledger.latestCheckpoint().serialize()).contains("\n1405\n");
      assertThatThrownBy(() -> benchmark.append(0)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
