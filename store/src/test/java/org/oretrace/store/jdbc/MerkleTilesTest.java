package org.oretrace.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oretrace.core.ledger.MerkleHash;
import org.oretrace.core.ledger.MerkleLog;
import org.oretrace.core.ledger.MerkleNodeStore;

class MerkleTilesTest {

  /** A node as the log puts it, in the order it puts them. */
  private record Put(int level, long index) {}

  private static List<Put> putsOf(long leaves) {
    List<Put> puts = new ArrayList<>();
    MerkleNodeStore nodes = MerkleNodeStore.inMemory();
    MerkleLog log =
        MerkleLog.over(
            new MerkleNodeStore() {
              @Override
              public long size() {
                return nodes.size();
              }

              @Override
              public MerkleHash get(int level, long index) {
                return nodes.get(level, index);
              }

              @Override
              public void put(int level, long index, MerkleHash hash) {
                nodes.put(level, index, hash);
                puts.add(new Put(level, index));
              }
            });
    for (long leaf = 0; leaf < leaves; leaf++) {
      log.append(new byte[] {(byte) leaf});
    }
    return puts;
  }

  @Test
  void eachTileIsItsNodesInTheOrderTheLogCompletesThem() {
    // 70,000 leaves: full and partial tiles at tile levels 0 and 1, a partial one at level 2.
    Map<List<Long>, Integer> filled = new HashMap<>();
    for (Put put : putsOf(70_000)) {
      List<Long> tile =
          List.of(
              (long) MerkleTiles.tileLevel(put.level()),
              MerkleTiles.tileIndex(put.level(), put.index()));
      int expected = filled.merge(tile, 1, Integer::sum) - 1;
      assertThat(MerkleTiles.position(put.level(), put.index()))
          .as("position of node (%d, %d)", put.level(), put.index())
          .isEqualTo(expected);
    }
    assertThat(filled.get(List.of(0L, 0L))).isEqualTo(MerkleTiles.FULL_NODES);
    assertThat(filled.get(List.of(1L, 0L))).isEqualTo(MerkleTiles.FULL_NODES);
    // 70,000 >> 8 = 273 level-8 nodes: tile (1, 1) holds the last 17 and their parents.
    assertThat(filled.get(List.of(1L, 1L))).isEqualTo(MerkleTiles.nodesForWidth(17));
    assertThat(filled.get(List.of(2L, 0L))).isEqualTo(MerkleTiles.nodesForWidth(1));
  }

  @Test
  void aFullTileHolds510HashesAndEveryLengthGivesTheWidestTileThatFits() {
    assertThat(MerkleTiles.FULL_NODES).isEqualTo(510);
    assertThat(MerkleTiles.FULL_BYTES).isEqualTo(510 * 32);
    for (int width = 1; width <= MerkleTiles.WIDTH; width++) {
      int bytes = MerkleTiles.nodesForWidth(width) * MerkleTiles.HASH_BYTES;
      assertThat(MerkleTiles.widthOfLength(bytes))
          .as("width of a tile of %d", width)
          .isEqualTo(width);
      assertThat(MerkleTiles.widthOfLength(bytes + 31)).isEqualTo(width);
      assertThat(MerkleTiles.widthOfLength(bytes - 1)).isEqualTo(width - 1);
    }
    assertThat(MerkleTiles.widthOfLength(0)).isZero();
    assertThat(MerkleTiles.widthOfLength(Integer.MAX_VALUE)).isEqualTo(MerkleTiles.WIDTH);
  }
}
