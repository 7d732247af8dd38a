package org.oretrace.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.oretrace.core.screening.WatchListEntry;

/**
 * Imported sanctions and watch lists (UN, OFAC SDN, OpenSanctions), one entry per list and
 * reference, as last imported. An import replaces a list whole, since the publishers do too, and
 * says what changed since the previous import of that list.
 */
public interface WatchListStore {

  /**
   * Replaces every stored entry of the list {@code source} by {@code entries}, all or nothing.
   *
   * @param file where the entries were read from, for the import history
   * @throws IllegalArgumentException when an entry belongs to another list
   */
  ImportSummary replace(String source, String file, List<WatchListEntry> entries, Instant at);

  /** Every stored entry of every list, by list and reference. */
  List<WatchListEntry> entries();

  long count();

  /**
   * What an import changed, by entry reference, each list in reference order.
   *
   * @param changed entries whose names, dates, nationalities, addresses or programmes differ
   */
  record ImportSummary(
      String source, int entries, List<String> added, List<String> removed, List<String> changed) {
    public ImportSummary {
      requireNonNull(source, "source is null");
      added = List.copyOf(added);
      removed = List.copyOf(removed);
      changed = List.copyOf(changed);
    }

    /** "UN: 1,003 entries; 2 added, 1 removed, 5 changed since the last import". */
    public String line() {
      return String.format(
          Locale.ROOT,
          "%s: %,d entries; %,d added, %,d removed, %,d changed since the last import",
          source,
          entries,
          added.size(),
          removed.size(),
          changed.size());
    }
  }
}
