package org.oretrace.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InMemoryMerkleNodeStoreTest {

  @Test
  void storesNodesPerLevelAndGrows() {
    MerkleNodeStore store = MerkleNodeStore.inMemory();
    for (int index = 0; index < 1000; index++) {
      store.put(0, index, leaf(index));
    }
    store.put(1, 0, leaf(-1));
    assertThat(store.size()).isEqualTo(1000);
    assertThat(store.get(0, 0)).isEqualTo(leaf(0));
    assertThat(store.get(0, 999)).isEqualTo(leaf(999));
    assertThat(store.get(1, 0)).isEqualTo(leaf(-1));
  }

  @Test
  void acceptsNodesOnlyInOrder() {
    MerkleNodeStore store = MerkleNodeStore.inMemory();
    store.put(0, 0, leaf(0));
    assertThatThrownBy(() -> store.put(0, 0, leaf(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expects index 1");
    assertThatThrownBy(() -> store.put(0, 2, leaf(2))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.put(63, 0, leaf(0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesToReadNodesItDoesNotHave() {
    MerkleNodeStore store = MerkleNodeStore.inMemory();
    store.put(0, 0, leaf(0));
    assertThatThrownBy(() -> store.get(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.get(1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.get(-1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  private static MerkleHash leaf(int value) {
    return MerkleHash.ofLeaf(
        Integer.toString(value).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
