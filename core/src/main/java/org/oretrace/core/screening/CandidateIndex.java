package org.oretrace.core.screening;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.Arrays;

/**
 * Finds, among hundreds of thousands of listed names, the few dozen worth scoring against a
 * screened name, without comparing it to all of them.
 *
 * <p>Every listed name is filed under blocking keys derived from its consonant skeletons (see
 * {@link PreparedName}): for each token that is not a particle, the token itself and the first
 * three and the last three letters of its skeleton, and for the whole name the first four letters
 * of the skeleton of its joined tokens. A spelling or transliteration variant keeps most keys:
 * vowels, doubled letters and the usual consonant swaps do not change a skeleton, and a single typo
 * changes the prefix or the suffix key of one token, not both, except in very short skeletons. Word
 * order changes nothing; split or joined tokens keep the joined key.
 *
 * <p>Retrieval accumulates, for each listed name sharing a key with the screened name, the inverse
 * document frequency of the shared keys (so sharing "mhmt", the skeleton of Mohamed, counts far
 * less than sharing a rare surname) and returns the best {@code limit} names. Keys held by more
 * than {@value #MAX_POSTINGS} names are skipped unless the screened name has no other key: they
 * only add cost.
 *
 * <p>Layout: keys are 64-bit hashes of their text, mapped by a fastutil open hash map to a slot in
 * compressed sparse rows (one offset array, one array of name numbers), built once; a wrong key
 * from a hash collision only adds a candidate, which scoring then rejects. Scratch space for the
 * accumulation (a float per name, and the list of names touched) belongs to the caller, one per
 * thread, so that the index itself is immutable and shared.
 */
final class CandidateIndex {

  static final int MAX_POSTINGS = 5_000;
  private static final float LENGTH_TIE_BREAK = 0.01f;

  private final Long2IntOpenHashMap slots;
  private final int[] offsets;
  private final int[] names;
  private final float[] inverseFrequencies;
  private final int nameCount;
  private final byte[] tokenCounts;

  private CandidateIndex(
      Long2IntOpenHashMap slots,
      int[] offsets,
      int[] names,
      float[] inverseFrequencies,
      int count,
      byte[] tokenCounts) {
    this.slots = slots;
    this.offsets = offsets;
    this.names = names;
    this.inverseFrequencies = inverseFrequencies;
    this.nameCount = count;
    this.tokenCounts = tokenCounts;
  }

  static CandidateIndex build(PreparedName[] preparedNames) {
    Long2ObjectOpenHashMap<IntArrayList> postings = new Long2ObjectOpenHashMap<>();
    LongArrayList keys = new LongArrayList();
    for (int name = 0; name < preparedNames.length; name++) {
      keys.clear();
      keys(preparedNames[name], keys);
      for (int k = 0; k < keys.size(); k++) {
        IntArrayList list = postings.computeIfAbsent(keys.getLong(k), key -> new IntArrayList(2));
        if (list.isEmpty() || list.getInt(list.size() - 1) != name) {
          list.add(name);
        }
      }
    }
    Long2IntOpenHashMap slots = new Long2IntOpenHashMap(postings.size());
    slots.defaultReturnValue(-1);
    int[] offsets = new int[postings.size() + 1];
    int total = 0;
    for (IntArrayList list : postings.values()) {
      total += list.size();
    }
    int[] names = new int[total];
    float[] inverseFrequencies = new float[postings.size()];
    int slot = 0;
    int position = 0;
    for (var posting : postings.long2ObjectEntrySet()) {
      IntArrayList list = posting.getValue();
      slots.put(posting.getLongKey(), slot);
      offsets[slot] = position;
      list.getElements(0, names, position, list.size());
      position += list.size();
      inverseFrequencies[slot] =
          (float) Math.log(1.0 + (double) preparedNames.length / list.size());
      slot++;
    }
    offsets[slot] = position;
    byte[] tokenCounts = new byte[preparedNames.length];
    for (int name = 0; name < preparedNames.length; name++) {
      tokenCounts[name] = (byte) Math.min(preparedNames[name].size(), Byte.MAX_VALUE);
    }
    return new CandidateIndex(
        slots, offsets, names, inverseFrequencies, preparedNames.length, tokenCounts);
  }

  int nameCount() {
    return nameCount;
  }

  /** Per-thread accumulation space. */
  static final class Scratch {
    final float[] scores;
    final IntArrayList touched = new IntArrayList();
    final LongArrayList keys = new LongArrayList();
    final int[] heap;

    Scratch(int nameCount, int limit) {
      scores = new float[nameCount];
      heap = new int[limit];
    }
  }

  /** The numbers of the up to {@code limit} listed names that share the most key weight. */
  int[] candidates(PreparedName screened, int limit, Scratch scratch) {
    LongArrayList keys = scratch.keys;
    keys.clear();
    keys(screened, keys);
    distinct(keys);
    float[] scores = scratch.scores;
    IntArrayList touched = scratch.touched;
    touched.clear();
    int usable = 0;
    for (int k = 0; k < keys.size(); k++) {
      int slot = slots.get(keys.getLong(k));
      if (slot >= 0 && offsets[slot + 1] - offsets[slot] <= MAX_POSTINGS) {
        usable++;
      }
    }
    for (int k = 0; k < keys.size(); k++) {
      int slot = slots.get(keys.getLong(k));
      if (slot < 0 || (usable > 0 && offsets[slot + 1] - offsets[slot] > MAX_POSTINGS)) {
        continue;
      }
      float weight = inverseFrequencies[slot];
      for (int p = offsets[slot]; p < offsets[slot + 1]; p++) {
        int name = names[p];
        if (scores[name] == 0) {
          touched.add(name);
        }
        scores[name] += weight;
      }
    }
    // Among names sharing the same keys (every "Muhammad al-..."), prefer those of the same length.
    for (int t = 0; t < touched.size(); t++) {
      int name = touched.getInt(t);
      scores[name] -= LENGTH_TIE_BREAK * Math.abs(tokenCounts[name] - screened.size());
    }
    int[] best = topByScore(touched, scores, limit, scratch.heap);
    for (int t = 0; t < touched.size(); t++) {
      scores[touched.getInt(t)] = 0;
    }
    return best;
  }

  /** A bounded min-heap over the touched names, by accumulated score. */
  private static int[] topByScore(IntArrayList touched, float[] scores, int limit, int[] heap) {
    int size = 0;
    for (int t = 0; t < touched.size(); t++) {
      int name = touched.getInt(t);
      if (size < limit) {
        heap[size] = name;
        siftUp(heap, size, scores);
        size++;
      } else if (scores[name] > scores[heap[0]]) {
        heap[0] = name;
        siftDown(heap, size, scores);
      }
    }
    return Arrays.copyOf(heap, size);
  }

  private static void siftUp(int[] heap, int index, float[] scores) {
    while (index > 0) {
      int parent = (index - 1) / 2;
      if (scores[heap[parent]] <= scores[heap[index]]) {
        return;
      }
      swap(heap, parent, index);
      index = parent;
    }
  }

  private static void siftDown(int[] heap, int size, float[] scores) {
    int index = 0;
    while (true) {
      int left = 2 * index + 1;
      if (left >= size) {
        return;
      }
      int smallest = left;
      if (left + 1 < size && scores[heap[left + 1]] < scores[heap[left]]) {
        smallest = left + 1;
      }
      if (scores[heap[index]] <= scores[heap[smallest]]) {
        return;
      }
      swap(heap, index, smallest);
      index = smallest;
    }
  }

  private static void swap(int[] heap, int first, int second) {
    int held = heap[first];
    heap[first] = heap[second];
    heap[second] = held;
  }

  private static void distinct(LongArrayList keys) {
    long[] elements = keys.elements();
    Arrays.sort(elements, 0, keys.size());
    int kept = 0;
    for (int k = 0; k < keys.size(); k++) {
      if (kept == 0 || elements[kept - 1] != elements[k]) {
        elements[kept++] = elements[k];
      }
    }
    keys.size(kept);
  }

  static void keys(PreparedName name, LongArrayList keys) {
    for (int t = 0; t < name.size(); t++) {
      if (name.isParticle(t)) {
        continue;
      }
      String token = name.tokens()[t];
      keys.add(hash('T', token, 0, token.length()));
      if (token.length() > 3) {
        keys.add(hash('F', token, 0, 3));
      }
      String skeleton = name.skeletons()[t];
      if (skeleton.isEmpty()) {
        continue;
      }
      int length = skeleton.length();
      keys.add(hash('P', skeleton, 0, Math.min(3, length)));
      if (length > 3) {
        keys.add(hash('S', skeleton, length - 3, length));
      }
    }
    String joined = name.joinedSkeleton();
    if (joined.length() >= 3) {
      keys.add(hash('J', joined, 0, Math.min(4, joined.length())));
    }
  }

  /** FNV-1a over a tag and a slice of text, finished with a 64-bit mix. */
  private static long hash(char tag, String text, int from, int to) {
    long hash = 0xcbf29ce484222325L;
    hash = (hash ^ tag) * 0x100000001b3L;
    for (int i = from; i < to; i++) {
      hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
    }
    hash ^= hash >>> 33;
    hash *= 0xff51afd7ed558ccdL;
    hash ^= hash >>> 33;
    return hash;
  }
}
