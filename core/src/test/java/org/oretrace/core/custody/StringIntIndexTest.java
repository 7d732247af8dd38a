package org.oretrace.core.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StringIntIndexTest {

  /**
   * Keys of three kinds: lot-like ids, and strings built from "Aa" and "BB" (which share a hash
   * code), so that runs hold keys of equal hash and removals shift entries across them.
   */
  private static List<String> keys(SplittableRandom random, int count) {
    List<String> keys = new ArrayList<>();
    for (int index = 0; index < count; index++) {
      if (random.nextInt(4) == 0) {
        StringBuilder colliding = new StringBuilder();
        for (int pair = 0; pair < 5; pair++) {
          colliding.append(random.nextBoolean() ? "Aa" : "BB");
        }
        keys.add(colliding.toString());
      } else {
        keys.add("lot-" + random.nextInt(count * 2));
      }
    }
    return keys;
  }

  @Test
  void randomPutsGetsAndRemovesAgreeWithAHashMap() {
    SplittableRandom random = new SplittableRandom(5);
    List<String> keys = keys(random, 6_000);
    StringIntIndex index = new StringIntIndex();
    Map<String, Integer> expected = new HashMap<>();
    for (int step = 0; step < 300_000; step++) {
      // Copies, so that the index compares contents, not references.
      String key = new String(keys.get(random.nextInt(keys.size())));
      switch (random.nextInt(3)) {
        case 0 -> {
          int value = random.nextInt(1_000_000);
          index.put(key, value);
          expected.put(key, value);
        }
        case 1 -> {
          Integer removed = expected.remove(key);
          assertThat(index.remove(key)).isEqualTo(removed == null ? -1 : removed);
        }
        default -> {
          // A lookup only, checked below.
        }
      }
      assertThat(index.get(key)).isEqualTo(expected.getOrDefault(key, -1));
      assertThat(index.size()).isEqualTo(expected.size());
    }
    for (String key : keys) {
      assertThat(index.get(key)).as(key).isEqualTo(expected.getOrDefault(key, -1));
    }
  }

  @Test
  void growsPastAMillionKeysAndFindsEachOfThem() {
    StringIntIndex index = new StringIntIndex();
    for (int row = 0; row < 1_000_000; row++) {
      index.put("lot-" + row, row);
    }
    for (int row = 0; row < 1_000_000; row += 7) {
      assertThat(index.get("lot-" + row)).isEqualTo(row);
    }
    assertThat(index.get("lot-1000000")).isEqualTo(-1);
    assertThat(index.size()).isEqualTo(1_000_000);
  }

  @Test
  void negativeValuesAreRefused() {
    assertThatThrownBy(() -> new StringIntIndex().put("lot-1", -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
