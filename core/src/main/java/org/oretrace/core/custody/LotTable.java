package org.oretrace.core.custody;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import java.time.Instant;
import java.util.Arrays;
import org.oretrace.core.Grade;
import org.oretrace.core.registry.Mineral;

/**
 * The current state of every lot, one row a lot, held column-wise in primitive arrays: a lot's row
 * number is its node number in the lineage index. Site and actor ids are dictionary-encoded, times
 * are kept to the nanosecond as the events state them (epoch seconds and nanos, so that no time an
 * {@link java.time.OffsetDateTime} can hold overflows), and live tag numbers map to their lot so
 * that tag uniqueness is checked in O(1).
 *
 * <p>A million lots cost about 60 MB here, dominated by the id and tag strings; the rows never
 * move, so a row number handed out stays valid. Not thread-safe: CustodyGraph guards it.
 */
final class LotTable {

  private static final Mineral[] MINERALS = Mineral.values();
  private static final LotState[] STATES = LotState.values();
  private static final int NO_SITE = -1;
  private static final long NO_GRADE = -1;

  // Hash-first indexes: the check looks up many ids and tags that are not there (StringIntIndex).
  private final StringIntIndex rowById = new StringIntIndex();
  private final StringIntIndex liveRowByTag = new StringIntIndex();
  // Tags on more than one live lot: only an import can cause it (a tag reused while its first lot
  // was abroad), which detection flags; the rows beyond the first live here, rarely used.
  private final Object2ObjectOpenHashMap<String, IntArrayList> otherLiveRowsByTag =
      new Object2ObjectOpenHashMap<>();
  private final Dictionary sites = new Dictionary();
  private final Dictionary actors = new Dictionary();

  private final ObjectArrayList<String> ids = new ObjectArrayList<>();
  private final ObjectArrayList<String> tags = new ObjectArrayList<>();
  private byte[] minerals = new byte[1024];
  private byte[] states = new byte[1024];
  private long[] massGrams = new long[1024];
  private long[] gradePartsPerMillion = new long[1024];
  private int[] originSites = new int[1024];
  private int[] holders = new int[1024];
  private long[] createdSeconds = new long[1024];
  private int[] createdNanos = new int[1024];
  private long[] updatedSeconds = new long[1024];
  private int[] updatedNanos = new int[1024];

  int size() {
    return ids.size();
  }

  /** The row of a lot, or -1. */
  int row(String lotId) {
    return rowById.get(lotId);
  }

  /** The row of the live lot carrying this tag number, or -1. */
  int liveRowByTag(String tagNumber) {
    return liveRowByTag.get(tagNumber);
  }

  /** Every live lot carrying this tag number: usually none or one. */
  IntList liveRowsByTag(String tagNumber) {
    int first = liveRowByTag.get(tagNumber);
    if (first < 0) {
      return IntList.of();
    }
    IntArrayList others = otherLiveRowsByTag.get(tagNumber);
    if (others == null) {
      return IntList.of(first);
    }
    IntArrayList all = new IntArrayList(others.size() + 1);
    all.add(first);
    all.addAll(others);
    return all;
  }

  String id(int row) {
    return ids.get(row);
  }

  /** The holder of the lot in this row, without building the lot. */
  String holderId(int row) {
    return actors.value(holders[row]);
  }

  Lot lot(int row) {
    long grade = gradePartsPerMillion[row];
    int site = originSites[row];
    return new Lot(
        ids.get(row),
        tags.get(row),
        MINERALS[minerals[row]],
        massGrams[row],
        grade == NO_GRADE ? null : new Grade(grade),
        site == NO_SITE ? null : sites.value(site),
        actors.value(holders[row]),
        STATES[states[row]],
        Instant.ofEpochSecond(createdSeconds[row], createdNanos[row]),
        Instant.ofEpochSecond(updatedSeconds[row], updatedNanos[row]));
  }

  /** Inserts or overwrites a lot; returns its row. */
  int put(Lot lot) {
    int row = rowById.get(lot.id());
    // Whether the lot's tag entry stands as it is: a live lot that stays live under the same tag
    // (a shipment, a receipt, a transfer: most updates) would release its tag only to claim it
    // again, two probes and a removal for nothing. Only when no tag is on two live lots, as the
    // order of those rows is what releasing and claiming would change.
    boolean tagKept = false;
    if (row < 0) {
      row = ids.size();
      ensureCapacity(row + 1);
      ids.add(lot.id());
      tags.add(lot.tagNumber());
      rowById.put(lot.id(), row);
    } else if (STATES[states[row]].live()
        && lot.state().live()
        && otherLiveRowsByTag.isEmpty()
        && tags.get(row).equals(lot.tagNumber())) {
      tagKept = true;
    } else {
      if (STATES[states[row]].live()) {
        releaseTag(tags.get(row), row);
      }
      tags.set(row, lot.tagNumber());
    }
    minerals[row] = (byte) lot.mineral().ordinal();
    states[row] = (byte) lot.state().ordinal();
    massGrams[row] = lot.massGrams();
    gradePartsPerMillion[row] = lot.grade() == null ? NO_GRADE : lot.grade().partsPerMillion();
    originSites[row] = lot.originSiteId() == null ? NO_SITE : sites.code(lot.originSiteId());
    holders[row] = actors.code(lot.holderId());
    createdSeconds[row] = lot.createdAt().getEpochSecond();
    createdNanos[row] = lot.createdAt().getNano();
    updatedSeconds[row] = lot.updatedAt().getEpochSecond();
    updatedNanos[row] = lot.updatedAt().getNano();
    if (lot.state().live() && !tagKept) {
      claimTag(lot.tagNumber(), row);
    }
    return row;
  }

  private void claimTag(String tag, int row) {
    int first = liveRowByTag.get(tag);
    if (first < 0) {
      liveRowByTag.put(tag, row);
    } else if (first != row) {
      IntArrayList others = otherLiveRowsByTag.computeIfAbsent(tag, key -> new IntArrayList(1));
      if (!others.contains(row)) {
        others.add(row);
      }
    }
  }

  private void releaseTag(String tag, int row) {
    IntArrayList others = otherLiveRowsByTag.get(tag);
    if (liveRowByTag.get(tag) == row) {
      if (others == null) {
        liveRowByTag.remove(tag);
      } else {
        liveRowByTag.put(tag, others.removeInt(0));
      }
    } else if (others != null) {
      others.rem(row);
    }
    if (others != null && others.isEmpty()) {
      otherLiveRowsByTag.remove(tag);
    }
  }

  private void ensureCapacity(int rows) {
    if (rows > minerals.length) {
      int capacity = Math.max(rows, minerals.length * 2);
      minerals = Arrays.copyOf(minerals, capacity);
      states = Arrays.copyOf(states, capacity);
      massGrams = Arrays.copyOf(massGrams, capacity);
      gradePartsPerMillion = Arrays.copyOf(gradePartsPerMillion, capacity);
      originSites = Arrays.copyOf(originSites, capacity);
      holders = Arrays.copyOf(holders, capacity);
      createdSeconds = Arrays.copyOf(createdSeconds, capacity);
      createdNanos = Arrays.copyOf(createdNanos, capacity);
      updatedSeconds = Arrays.copyOf(updatedSeconds, capacity);
      updatedNanos = Arrays.copyOf(updatedNanos, capacity);
    }
  }

  /** Interns strings that repeat across many lots (site and actor ids) as small ints. */
  private static final class Dictionary {
    private final Object2IntOpenHashMap<String> codes = new Object2IntOpenHashMap<>();
    private final ObjectArrayList<String> values = new ObjectArrayList<>();

    Dictionary() {
      codes.defaultReturnValue(-1);
    }

    int code(String value) {
      int code = codes.getInt(value);
      if (code < 0) {
        code = values.size();
        values.add(value);
        codes.put(value, code);
      }
      return code;
    }

    String value(int code) {
      return values.get(code);
    }
  }
}
