package org.oretrace.core.custody;

import java.util.Arrays;

/**
 * A map from strings to non-negative ints (lot ids and tag numbers to rows) by open addressing with
 * linear probing, that keeps each key's hash beside it and compares hashes before keys.
 *
 * <p>Why not fastutil's {@code Object2IntOpenHashMap}: it stores only the keys, so every slot a
 * probe passes costs a {@link String#equals}, which loads that key's object and its byte array: two
 * cache misses each in a table of a million lots. The capture check looks up mostly ids that are
 * not there yet (every new lot, every new tag), and an unsuccessful search passes several occupied
 * slots. Here a probe reads two int arrays side by side (hashes and values) and touches a key only
 * when its full 32-bit hash matches, so a miss costs about one cache line; the table is kept at
 * most half full, so probe runs stay short. Removal shifts the run back (no tombstones), as Knuth's
 * algorithm R does for linear probing.
 *
 * <p>Memory: 12 bytes a slot (key reference, hash, value), at two to four slots a key.
 */
final class StringIntIndex {

  private static final int NO_VALUE = -1;

  private String[] keys;
  private int[] hashes;
  private int[] values;
  private int mask;
  private int size;

  StringIntIndex() {
    allocate(1024);
  }

  int size() {
    return size;
  }

  /** The value of {@code key}, or -1. */
  int get(String key) {
    int slot = find(key);
    return slot < 0 ? NO_VALUE : values[slot];
  }

  /** The slot holding {@code key}, or -1. */
  private int find(String key) {
    int hash = key.hashCode();
    for (int slot = slot(hash); ; slot = (slot + 1) & mask) {
      if (values[slot] == NO_VALUE) {
        return -1;
      }
      if (hashes[slot] == hash && key.equals(keys[slot])) {
        return slot;
      }
    }
  }

  /** Maps {@code key} to {@code value} (at least 0), replacing any value it had. */
  void put(String key, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("values are not negative, got " + value);
    }
    int hash = key.hashCode();
    int slot = slot(hash);
    while (values[slot] != NO_VALUE) {
      if (hashes[slot] == hash && key.equals(keys[slot])) {
        values[slot] = value;
        return;
      }
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    hashes[slot] = hash;
    values[slot] = value;
    if (++size * 2 > keys.length) {
      grow();
    }
  }

  /** Removes {@code key}; returns its value, or -1 when it had none. */
  int remove(String key) {
    int slot = find(key);
    if (slot < 0) {
      return NO_VALUE;
    }
    int value = values[slot];
    shiftBack(slot);
    size--;
    return value;
  }

  /**
   * Empties {@code hole} and moves back every later entry of its run that may sit there, so that
   * every key stays reachable from its home slot without crossing an empty one.
   */
  private void shiftBack(int hole) {
    int empty = hole;
    for (int slot = (hole + 1) & mask; values[slot] != NO_VALUE; slot = (slot + 1) & mask) {
      int home = slot(hashes[slot]);
      // The entry may move to the empty slot when its home is not cyclically within (empty, slot].
      boolean movable = empty <= slot ? home <= empty || home > slot : home <= empty && home > slot;
      if (movable) {
        keys[empty] = keys[slot];
        hashes[empty] = hashes[slot];
        values[empty] = values[slot];
        empty = slot;
      }
    }
    keys[empty] = null;
    values[empty] = NO_VALUE;
  }

  private int slot(int hash) {
    // Spread the high bits into the low ones: String hashes of ids that differ in their last
    // characters differ mostly in the low bits already, but a mask keeps only those.
    int mixed = hash * 0x9E3779B9;
    return (mixed ^ (mixed >>> 16)) & mask;
  }

  private void grow() {
    String[] oldKeys = keys;
    int[] oldHashes = hashes;
    int[] oldValues = values;
    allocate(oldKeys.length * 2);
    for (int slot = 0; slot < oldKeys.length; slot++) {
      if (oldValues[slot] != NO_VALUE) {
        int target = slot(oldHashes[slot]);
        while (values[target] != NO_VALUE) {
          target = (target + 1) & mask;
        }
        keys[target] = oldKeys[slot];
        hashes[target] = oldHashes[slot];
        values[target] = oldValues[slot];
      }
    }
  }

  private void allocate(int capacity) {
    keys = new String[capacity];
    hashes = new int[capacity];
    values = new int[capacity];
    Arrays.fill(values, NO_VALUE);
    mask = capacity - 1;
  }
}
