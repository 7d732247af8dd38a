package org.oretrace.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oretrace.core.ledger.InclusionProof;
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

  @Test
  void tilesAcrossTileLevelsReopenedMidTileGiveTheSameNodesRootsAndProofs() {
    // 65,536 leaves fill tile (1, 0); the log is reopened with partial tiles at three tile levels.
    Path file = folder.resolve("tiles.db");
    LogKey key = LogKey.generate("test/log");
    try (BenchmarkLedger benchmark = SqliteStore.openBenchmarkLedger(file, key)) {
      benchmark.append(65_000);
      benchmark.append(700);
    }
    MerkleLog expected = MerkleLog.inMemory();
    try (BenchmarkLedger benchmark = SqliteStore.openBenchmarkLedger(file, key)) {
      benchmark.append(3);
      benchmark.append(1_000);
      Ledger ledger = benchmark.ledger();
      long size = ledger.size();
      assertThat(size).isEqualTo(66_703);
      for (long index = 0; index < size; index++) {
        expected.append(BenchmarkLedger.entry(index));
      }
      for (long treeSize : new long[] {1, 255, 256, 257, 65_535, 65_536, 65_700, 65_703, size}) {
        assertThat(ledger.root(treeSize))
            .as("root of %d", treeSize)
            .isEqualTo(expected.root(treeSize));
        assertThat(ledger.consistencyProof(treeSize, size))
            .isEqualTo(expected.consistencyProof(treeSize, size));
      }
      for (long leaf = 0; leaf < size; leaf += 997) {
        assertThat(ledger.inclusionProof(leaf, size))
            .isEqualTo(expected.inclusionProof(leaf, size));
        if (leaf < 65_701) {
          assertThat(ledger.inclusionProof(leaf, 65_701))
              .isEqualTo(expected.inclusionProof(leaf, 65_701));
        }
      }
      // Every stored node, level by level, read back as the verifier pages through them.
      for (int level = 0; size >>> level > 0; level++) {
        long index = 0;
        while (index < size >>> level) {
          List<Ledger.Node> page = ledger.nodes(level, index, 4096);
          assertThat(page).isNotEmpty();
          for (Ledger.Node node : page) {
            assertThat(node.index()).isEqualTo(index);
            assertThat(node.hash())
                .as("node (%d, %d)", level, index)
                .isEqualTo(nodeOf(expected, level, index));
            index++;
          }
        }
        assertThat(ledger.nodes(level, index, 4096)).isEmpty();
      }
    }
  }

  @Test
  void proofsAnsweredFromCachedTilesStayTheTreesAsThoseTilesGrow() {
    // Proofs at 65,000 leaves cache partial tiles at tile levels 0 and 1 (the right edge) and the
    // upper tiles; the log then grows past the end of tile (1, 0), and every answer, at the new
    // size
    // and at the old ones, must still be the tree's.
    MerkleLog expected = MerkleLog.inMemory();
    SplittableRandom random = new SplittableRandom(4);
    try (BenchmarkLedger benchmark =
        SqliteStore.openBenchmarkLedger(folder.resolve("grow.db"), LogKey.generate("test/log"))) {
      Ledger ledger = benchmark.ledger();
      for (int count : new int[] {65_000, 1, 535, 1_000, 300}) {
        benchmark.append(count);
        long size = ledger.size();
        while (expected.size() < size) {
          expected.append(BenchmarkLedger.entry(expected.size()));
        }
        for (int proof = 0; proof < 300; proof++) {
          long treeSize = proof % 3 == 0 ? 1 + random.nextLong(size) : size;
          long leaf = proof % 10 == 0 ? treeSize - 1 : random.nextLong(treeSize);
          assertThat(ledger.inclusionProof(leaf, treeSize))
              .as("inclusion of %d at %d", leaf, treeSize)
              .isEqualTo(expected.inclusionProof(leaf, treeSize));
          long from = 1 + random.nextLong(treeSize);
          assertThat(ledger.consistencyProof(from, treeSize))
              .as("consistency from %d to %d", from, treeSize)
              .isEqualTo(expected.consistencyProof(from, treeSize));
          assertThat(ledger.root(treeSize)).isEqualTo(expected.root(treeSize));
        }
      }
      assertThat(ledger.size()).isEqualTo(66_836);
    }
  }

  @Test
  void readersRacingTheWriterGetTheTreesProofsAtEverySizeTheySee() throws Exception {
    // Four readers ask proofs at whatever size is committed while the writer appends across the end
    // of tile (1, 0); each answer is kept and checked afterwards against the tree of that size.
    record Asked(long leaf, long treeSize, InclusionProof proof) {}
    List<Asked> asked = Collections.synchronizedList(new ArrayList<>());
    try (BenchmarkLedger benchmark =
        SqliteStore.openBenchmarkLedger(folder.resolve("race.db"), LogKey.generate("test/log"))) {
      Ledger ledger = benchmark.ledger();
      benchmark.append(65_000);
      AtomicBoolean writing = new AtomicBoolean(true);
      ExecutorService readers = Executors.newFixedThreadPool(4);
      List<Future<?>> done = new ArrayList<>();
      for (int reader = 0; reader < 4; reader++) {
        SplittableRandom random = new SplittableRandom(reader);
        done.add(
            readers.submit(
                () -> {
                  while (writing.get()) {
                    long treeSize = ledger.size();
                    long leaf = random.nextLong(treeSize);
                    asked.add(new Asked(leaf, treeSize, ledger.inclusionProof(leaf, treeSize)));
                  }
                }));
      }
      for (int batch = 0; batch < 40; batch++) {
        benchmark.append(37);
      }
      writing.set(false);
      for (Future<?> reader : done) {
        reader.get();
      }
      readers.shutdown();
    }
    MerkleLog expected = MerkleLog.inMemory();
    for (long index = 0; index < 65_000 + 40 * 37; index++) {
      expected.append(BenchmarkLedger.entry(index));
    }
    assertThat(asked).hasSizeGreaterThan(40);
    assertThat(asked.stream().mapToLong(Asked::treeSize).distinct().count()).isGreaterThan(1);
    for (Asked question : asked) {
      assertThat(question.proof())
          .as("inclusion of %d at %d", question.leaf(), question.treeSize())
          .isEqualTo(expected.inclusionProof(question.leaf(), question.treeSize()));
    }
  }

  /** The node (level, index) of a log: the root of its perfect subtree, leaves taken from it. */
  private static MerkleHash nodeOf(MerkleLog log, int level, long index) {
    long first = index << level;
    long count = 1L << level;
    if (first == 0) {
      return log.root(count);
    }
    // The subtree's hash from its leaves, folded pairwise.
    MerkleHash[] row = new MerkleHash[(int) count];
    for (int leaf = 0; leaf < count; leaf++) {
      row[leaf] = log.leafHash(first + leaf);
    }
    for (int width = (int) count; width > 1; width /= 2) {
      for (int pair = 0; pair < width / 2; pair++) {
        row[pair] = MerkleHash.ofChildren(row[2 * pair], row[2 * pair + 1]);
      }
    }
    return row[0];
  }
}
