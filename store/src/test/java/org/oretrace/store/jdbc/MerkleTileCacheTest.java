package org.oretrace.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MerkleTileCacheTest {

  private final MerkleTileCache cache = new MerkleTileCache();

  @Test
  void aTileAnswersOnlyForTheBytesItHolds() {
    byte[] partial = bytes(96, 1);
    cache.offer(1, 3, partial);

    assertThat(cache.get(1, 3, 96)).isSameAs(partial);
    assertThat(cache.get(1, 3, 32)).isSameAs(partial);
    assertThat(cache.get(1, 3, 128)).as("a node past the cached prefix").isNull();
    assertThat(cache.get(1, 4, 32)).as("another tile").isNull();
    assertThat(cache.get(2, 3, 32)).as("another tile level").isNull();
  }

  @Test
  void theLongerOfTwoReadsOfATileIsKept() {
    byte[] shorter = bytes(96, 1);
    byte[] longer = bytes(MerkleTiles.FULL_BYTES, 2);
    cache.offer(2, 0, shorter);
    cache.offer(2, 0, longer);
    cache.offer(2, 0, shorter);

    assertThat(cache.get(2, 0, MerkleTiles.FULL_BYTES)).isSameAs(longer);
  }

  @Test
  void atTileLevelZeroOnlyTheRightmostTileIsKept() {
    byte[] edge = bytes(64, 1);
    byte[] grown = bytes(160, 2);
    cache.offer(0, 7, edge);
    cache.offer(0, 2, bytes(MerkleTiles.FULL_BYTES, 3));

    assertThat(cache.get(0, 2, 32)).as("a leaf's tile left of the edge").isNull();
    assertThat(cache.get(0, 7, 64)).isSameAs(edge);

    cache.offer(0, 7, grown);
    assertThat(cache.get(0, 7, 160)).isSameAs(grown);
    cache.offer(0, 8, bytes(32, 4));
    assertThat(cache.get(0, 7, 32)).as("the edge moved right").isNull();
    assertThat(cache.get(0, 8, 32)).isNotNull();
  }

  @Test
  void tilesPastTheCapacityAreNotKeptButKeptOnesStillGrow() {
    for (int index = 0; index < MerkleTileCache.CAPACITY; index++) {
      cache.offer(1, index, bytes(32, 1));
    }
    cache.offer(1, MerkleTileCache.CAPACITY, bytes(32, 1));
    assertThat(cache.upperTileCount()).isEqualTo(MerkleTileCache.CAPACITY);
    assertThat(cache.get(1, MerkleTileCache.CAPACITY, 32)).isNull();

    byte[] grown = bytes(64, 2);
    cache.offer(1, 0, grown);
    assertThat(cache.get(1, 0, 64)).isSameAs(grown);
  }

  @Test
  void aMissingRowIsNotCached() {
    cache.offer(1, 0, null);
    cache.offer(0, 0, null);
    assertThat(cache.upperTileCount()).isZero();
    assertThat(cache.get(0, 0, 0)).isNull();
  }

  private static byte[] bytes(int length, int fill) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) fill);
    return bytes;
  }
}
