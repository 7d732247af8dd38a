package org.oretrace.core.screening;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One designation on a sanctions or watch list, as published: the list it comes from ("UN",
 * "OFAC-SDN", "OpenSanctions"), its reference there (UN "CDi.008", an OFAC entity number), its
 * names (the primary name first, then aliases, possibly in other scripts), and the facts that
 * confirm or refute a name match.
 *
 * @param datesOfBirth as published ("1971", "1966-06-10", "circa 1960"); see {@link #birthYears()}
 * @param nationalities country names or codes as published (nationality or country of registration)
 * @param addresses one line per address, its country included where known
 * @param programmes sanctions programmes or regimes ("DRC", "SDGT")
 */
public record WatchListEntry(
    String source,
    String reference,
    EntityType type,
    List<String> names,
    List<String> datesOfBirth,
    List<String> nationalities,
    List<String> addresses,
    List<String> programmes) {

  private static final Pattern YEAR =
      Pattern.compile("(?<![0-9])(1[89][0-9]{2}|20[0-9]{2})(?![0-9])");

  public WatchListEntry {
    requireNonNull(source, "source is null");
    requireNonNull(reference, "reference is null");
    requireNonNull(type, "type is null");
    names = List.copyOf(names);
    datesOfBirth = List.copyOf(datesOfBirth);
    nationalities = List.copyOf(nationalities);
    addresses = List.copyOf(addresses);
    programmes = List.copyOf(programmes);
    if (source.isBlank()) {
      throw new IllegalArgumentException("source is blank");
    }
    if (reference.isBlank()) {
      throw new IllegalArgumentException("reference is blank");
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("entry " + reference + " has no name");
    }
    for (String name : names) {
      if (name.isBlank()) {
        throw new IllegalArgumentException("entry " + reference + " has a blank name");
      }
    }
  }

  /** An entry with only names, for tests and synthetic lists. */
  public static WatchListEntry named(
      String source, String reference, EntityType type, String... names) {
    return new WatchListEntry(
        source, reference, type, List.of(names), List.of(), List.of(), List.of(), List.of());
  }

  public String primaryName() {
    return names.get(0);
  }

  /** The four-digit years found in the dates of birth (a range "1960 to 1962" gives both ends). */
  public List<Integer> birthYears() {
    return datesOfBirth.stream()
        .flatMap(date -> YEAR.matcher(date).results())
        .map(result -> Integer.parseInt(result.group(1)))
        .distinct()
        .toList();
  }
}
