package org.oretrace.core.screening;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.Arrays;

/**
 * Finds, among hundreds of thousands of listed names, the few dozen worth scoring against a
 * screened name, without comparing it to all of them.
 *
 * <p>Every listed name is filed under blocking keys derived from its tokens and their consonant
 * skeletons (see {@link PreparedName}): for each token that is not a particle, the token itself,
 * its first three letters, the first three and the last three letters of its skeleton (and of its
 * second skeleton, see PreparedName), the first three without h (see withoutH), and, for tokens of
 * {@value #MIN_DELETION_LENGTH} letters or more, the token with each one of its letters deleted;
 * for the whole name, the first four letters of the skeleton of its joined tokens. A spelling or
 * transliteration variant keeps most keys: vowels, doubled letters and the usual consonant swaps do
 * not change a skeleton, and one typo (a letter replaced, dropped, added, or two swapped) leaves
 * the two tokens with a deletion in common (the symmetric-deletion idea of SymSpell, Garbe 2012),
 * so even a one-word name with a typo is found. Word order changes nothing; split or joined tokens
 * keep the joined key.
 *
 * <p>Retrieval accumulates, for each listed name sharing a key with the screened name, the inverse
 * document frequency of the shared keys (so sharing "mhmt", the skeleton of Mohamed, counts far
 * less than sharing a rare surname) and returns the best {@code limit} names. Keys are taken rarest
 * first; they open new candidates until {@value #POSTING_BUDGET} postings have been walked, and the
 * commoner keys after that only raise the candidates already open (a merge of two sorted lists, no
 * random access): a name that shares nothing but "mohamed" and "trading" with the screened one
 * would not have won anyway. Keys held by more than {@value #MAX_POSTINGS} names only add cost and
 * are skipped unless the screened name has no other key.
 *
 * <p>Layout: keys are 64-bit hashes of their text, mapped by a fastutil open hash map to a slot in
 * compressed sparse rows (one offset array, one array of name numbers), built once; a wrong key
 * from a hash collision only adds a candidate, which scoring then rejects. Scratch space for the
 * accumulation (a float per name, and the list of names touched) belongs to the caller, one per
 * thread, so that the index itself is immutable and shared.
 *
 * <p>The candidates are also marked in a bit set (12.5 kB per 100,000 names, so it stays in the
 * first-level cache): raising by a common key tests each of its names there instead of reading that
 * name's score from a float per name (400 kB, mostly cache misses), and the candidates come out in
 * ascending order by one scan of the set's words instead of a sort. Both give the same numbers in
 * the same order as the score test and the sort they replace.
 */
final class CandidateIndex {

  static final int MAX_POSTINGS = 5_000;
  static final int POSTING_BUDGET = 400;
  static final int MIN_DELETION_LENGTH = 4;
  private static final float LENGTH_TIE_BREAK = 0.01f;
  private static final float UNSHARED_KEY_WEIGHT = 0.03f;

  private final Long2IntOpenHashMap slots;
  private final int[] offsets;
  private final int[] names;
  private final float[] inverseFrequencies;
  private final int nameCount;
  private final byte[] tokenCounts;

  /** The summed weight of each listed name's distinct keys: what a perfect match would share. */
  private final float[] keyWeights;

  private CandidateIndex(
      Long2IntOpenHashMap slots,
      int[] offsets,
      int[] names,
      float[] inverseFrequencies,
      int count,
      byte[] tokenCounts,
      float[] keyWeights) {
    this.slots = slots;
    this.offsets = offsets;
    this.names = names;
    this.inverseFrequencies = inverseFrequencies;
    this.nameCount = count;
    this.tokenCounts = tokenCounts;
    this.keyWeights = keyWeights;
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
    float[] keyWeights = new float[preparedNames.length];
    for (int name = 0; name < preparedNames.length; name++) {
      tokenCounts[name] = (byte) Math.min(preparedNames[name].size(), Byte.MAX_VALUE);
      keys.clear();
      keys(preparedNames[name], keys);
      long[] distinct = keys.toLongArray();
      Arrays.sort(distinct);
      for (int k = 0; k < distinct.length; k++) {
        if (k == 0 || distinct[k] != distinct[k - 1]) {
          int keySlot = slots.get(distinct[k]);
          if (postingsOf(offsets, keySlot) <= MAX_POSTINGS) {
            keyWeights[name] += inverseFrequencies[keySlot];
          }
        }
      }
    }
    return new CandidateIndex(
        slots, offsets, names, inverseFrequencies, preparedNames.length, tokenCounts, keyWeights);
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

    /** The names touched, one bit each, cleared again after every retrieval. */
    final long[] touchedBits;

    /** The scores of the names in the heap, beside them, so sifting reads no name's score. */
    final float[] heapScores;

    private int[] slots = new int[64];

    Scratch(int nameCount, int limit) {
      scores = new float[nameCount];
      touchedBits = new long[(nameCount + Long.SIZE - 1) / Long.SIZE];
      heap = new int[limit];
      heapScores = new float[limit];
    }

    int[] slots(int count) {
      if (slots.length < count) {
        slots = new int[Math.max(count, 2 * slots.length)];
      }
      return slots;
    }
  }

  /** The numbers of the up to {@code limit} listed names that share the most key weight. */
  int[] candidates(PreparedName screened, int limit, Scratch scratch) {
    return candidates(screened, limit, POSTING_BUDGET, scratch);
  }

  /**
   * As {@link #candidates(PreparedName, int, Scratch)} with another posting budget: a name read
   * from Arabic script keeps few of its romanisation's keys (its vowels are missing), so the
   * screener gives it a wider search.
   */
  int[] candidates(PreparedName screened, int limit, int postingBudget, Scratch scratch) {
    LongArrayList keys = scratch.keys;
    keys.clear();
    keys(screened, keys);
    // The screened name's distinct keys that the list holds, rarest first.
    int[] order = scratch.slots(keys.size());
    int found = 0;
    for (int k = 0; k < keys.size(); k++) {
      int slot = slots.get(keys.getLong(k));
      if (slot >= 0 && !contains(order, found, slot)) {
        int position = found++;
        while (position > 0 && postings(order[position - 1]) > postings(slot)) {
          order[position] = order[position - 1];
          position--;
        }
        order[position] = slot;
      }
    }
    float[] scores = scratch.scores;
    long[] touchedBits = scratch.touchedBits;
    IntArrayList touched = scratch.touched;
    touched.clear();
    int traversed = 0;
    int k = 0;
    // Keys are rarest first, so the keys that open candidates come before those that only raise.
    while (k < found
        && (touched.isEmpty()
            || (postings(order[k]) <= MAX_POSTINGS
                && traversed + postings(order[k]) <= postingBudget))) {
      traversed += postings(order[k]);
      add(order[k], scores, touched, touchedBits);
      k++;
    }
    if (k < found) {
      sortAscending(touched, touchedBits);
    }
    for (; k < found && postings(order[k]) <= MAX_POSTINGS; k++) {
      raise(order[k], scores, touched, touchedBits);
    }
    // Among names sharing the same keys (every "Muhammad al-..."), prefer those with fewer keys
    // the screened name lacks (the listed name "Muhammad Ali" over "Muhammad Ali Hassan Omar",
    // when "Muhammad Ali" is screened), then those of the same length.
    for (int t = 0; t < touched.size(); t++) {
      int name = touched.getInt(t);
      float unshared = Math.max(0, keyWeights[name] - scores[name]);
      scores[name] -=
          UNSHARED_KEY_WEIGHT * unshared
              + LENGTH_TIE_BREAK * Math.abs(tokenCounts[name] - screened.size());
    }
    int[] best = topByScore(touched, scores, limit, scratch.heap, scratch.heapScores);
    for (int t = 0; t < touched.size(); t++) {
      int name = touched.getInt(t);
      scores[name] = 0;
      touchedBits[name >>> 6] = 0;
    }
    return best;
  }

  private int postings(int slot) {
    return postingsOf(offsets, slot);
  }

  private static int postingsOf(int[] offsets, int slot) {
    return offsets[slot + 1] - offsets[slot];
  }

  /** Every name under the key gains its weight, and becomes a candidate. */
  private void add(int slot, float[] scores, IntArrayList touched, long[] touchedBits) {
    float weight = inverseFrequencies[slot];
    for (int p = offsets[slot]; p < offsets[slot + 1]; p++) {
      int name = names[p];
      if (scores[name] == 0) {
        touched.add(name);
        touchedBits[name >>> 6] |= 1L << name;
      }
      scores[name] += weight;
    }
  }

  /**
   * The names already candidates gain the key's weight, others stay out: a common key ("mhmt",
   * "trading") ranks the candidates found by rarer keys without walking thousands of names. Both
   * the candidates and the postings of a key are in ascending name order: by binary search from the
   * last hit when there are few candidates, otherwise by one pass over the key's names.
   */
  private void raise(int slot, float[] scores, IntArrayList touched, long[] touchedBits) {
    float weight = inverseFrequencies[slot];
    int from = offsets[slot];
    int to = offsets[slot + 1];
    int[] candidates = touched.elements();
    int count = touched.size();
    if ((long) count * (32 - Integer.numberOfLeadingZeros(to - from)) < to - from) {
      for (int t = 0; t < count && from < to; t++) {
        int found = Arrays.binarySearch(names, from, to, candidates[t]);
        if (found >= 0) {
          scores[candidates[t]] += weight;
          from = found + 1;
        } else {
          from = -found - 1;
        }
      }
      return;
    }
    // The bit set says which names of the key are candidates: one predictable pass over the key's
    // names, reading no score but the candidates'.
    for (int p = from; p < to; p++) {
      int name = names[p];
      if ((touchedBits[name >>> 6] & (1L << name)) != 0) {
        scores[name] += weight;
      }
    }
  }

  /**
   * The touched names in ascending order, as a sort would leave them: from the bit set, scanning
   * the words between the smallest and the largest name, when that span is short next to the number
   * of names (always for lists of a few hundred thousand names), else by sorting.
   */
  private static void sortAscending(IntArrayList touched, long[] touchedBits) {
    int[] elements = touched.elements();
    int count = touched.size();
    int smallest = Integer.MAX_VALUE;
    int largest = 0;
    for (int t = 0; t < count; t++) {
      smallest = Math.min(smallest, elements[t]);
      largest = Math.max(largest, elements[t]);
    }
    int fromWord = smallest >>> 6;
    int toWord = largest >>> 6;
    if (toWord - fromWord > 16L * count) {
      IntArrays.quickSort(elements, 0, count);
      return;
    }
    int position = 0;
    for (int word = fromWord; word <= toWord; word++) {
      long bits = touchedBits[word];
      while (bits != 0) {
        elements[position++] = (word << 6) + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
      }
    }
  }

  private static boolean contains(int[] values, int count, int value) {
    for (int i = 0; i < count; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }

  /**
   * A bounded min-heap over the touched names, by accumulated score. Each name's score is kept in
   * {@code heapScores} beside it; the sifts are otherwise those of a plain binary heap, so the
   * names come out in the same order as ever (the screener's order among equal scores rests on it).
   */
  private static int[] topByScore(
      IntArrayList touched, float[] scores, int limit, int[] heap, float[] heapScores) {
    int size = 0;
    int[] touchedNames = touched.elements();
    int count = touched.size();
    for (int t = 0; t < count; t++) {
      int name = touchedNames[t];
      float score = scores[name];
      if (size < limit) {
        heap[size] = name;
        heapScores[size] = score;
        siftUp(heap, heapScores, size);
        size++;
      } else if (score > heapScores[0]) {
        heap[0] = name;
        heapScores[0] = score;
        siftDown(heap, heapScores, size);
      }
    }
    return Arrays.copyOf(heap, size);
  }

  private static void siftUp(int[] heap, float[] heapScores, int index) {
    while (index > 0) {
      int parent = (index - 1) / 2;
      if (heapScores[parent] <= heapScores[index]) {
        return;
      }
      swap(heap, heapScores, parent, index);
      index = parent;
    }
  }

  private static void siftDown(int[] heap, float[] heapScores, int size) {
    int index = 0;
    while (true) {
      int left = 2 * index + 1;
      if (left >= size) {
        return;
      }
      int smallest = left;
      if (left + 1 < size && heapScores[left + 1] < heapScores[left]) {
        smallest = left + 1;
      }
      if (heapScores[index] <= heapScores[smallest]) {
        return;
      }
      swap(heap, heapScores, index, smallest);
      index = smallest;
    }
  }

  private static void swap(int[] heap, float[] heapScores, int first, int second) {
    int held = heap[first];
    heap[first] = heap[second];
    heap[second] = held;
    float heldScore = heapScores[first];
    heapScores[first] = heapScores[second];
    heapScores[second] = heldScore;
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
      if (token.length() >= MIN_DELETION_LENGTH) {
        keys.add(hash('D', token, -1));
        for (int skipped = 0; skipped < token.length(); skipped++) {
          keys.add(hash('D', token, skipped));
        }
      }
      skeletonKeys(name, name.skeletons()[t], keys);
      if (name.alternativeSkeletons()[t] != null) {
        skeletonKeys(name, name.alternativeSkeletons()[t], keys);
      }
    }
    String joined = name.joinedSkeleton();
    if (joined.length() >= 3) {
      keys.add(hash('J', joined, 0, Math.min(4, joined.length())));
    }
  }

  private static void skeletonKeys(PreparedName name, String skeleton, LongArrayList keys) {
    if (skeleton.isEmpty()) {
      return;
    }
    int length = skeleton.length();
    keys.add(hash('P', skeleton, 0, Math.min(3, length)));
    if (name.entryIndex() < 0 || skeleton.indexOf('h') >= 0) {
      keys.add(withoutH(skeleton)); // listed under it only when there is an h to leave out
    }
    if (length > 3) {
      keys.add(hash('S', skeleton, length - 3, length));
    }
  }

  /**
   * The first three consonants of a skeleton with its h's left out and the letters that leaves
   * doubled made one: Greek, Spanish and French drop the h ("μουαμμαδ" read "muammad", skeleton
   * "mt", against "mhmt" for Muhammad), so the two share this key.
   */
  private static long withoutH(String skeleton) {
    long hash = 0xcbf29ce484222325L;
    hash = (hash ^ 'H') * 0x100000001b3L;
    char previous = 0;
    int kept = 0;
    for (int i = 0; i < skeleton.length() && kept < 3; i++) {
      char character = skeleton.charAt(i);
      if (character != 'h' && character != previous) {
        hash = (hash ^ character) * 0x100000001b3L;
        previous = character;
        kept++;
      }
    }
    return mix(hash);
  }

  /** FNV-1a over a tag and the text without the character at {@code skipped} (-1: whole text). */
  private static long hash(char tag, String text, int skipped) {
    long hash = 0xcbf29ce484222325L;
    hash = (hash ^ tag) * 0x100000001b3L;
    for (int i = 0; i < text.length(); i++) {
      if (i != skipped) {
        hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
      }
    }
    return mix(hash);
  }

  private static long mix(long hash) {
    hash ^= hash >>> 33;
    hash *= 0xff51afd7ed558ccdL;
    hash ^= hash >>> 33;
    return hash;
  }

  /** FNV-1a over a tag and a slice of text, finished with a 64-bit mix. */
  private static long hash(char tag, String text, int from, int to) {
    long hash = 0xcbf29ce484222325L;
    hash = (hash ^ tag) * 0x100000001b3L;
    for (int i = from; i < to; i++) {
      hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
    }
    return mix(hash);
  }
}
