package org.oretrace.core.screening;

import static java.util.Objects.requireNonNull;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The watch-list entries to screen against, with every name and alias normalised and filed in a
 * candidate index. Immutable once built and safe to share between threads; building costs about a
 * second per hundred thousand entries.
 */
public final class WatchList {

  private final List<WatchListEntry> entries;
  private final NameNormaliser normaliser;
  private final PreparedName[] names;
  private final List<Set<String>> countryCodes;
  private final CandidateIndex index;
  private final Map<WatchListEntry, Integer> positions = new IdentityHashMap<>();
  private final Object2IntOpenHashMap<String> tokenFrequency = new Object2IntOpenHashMap<>();

  private WatchList(Collection<WatchListEntry> entries, Transliterator transliterator) {
    this.entries = List.copyOf(entries);
    this.normaliser = new NameNormaliser(transliterator);
    List<List<String>> tokenLists = new ArrayList<>(this.entries.size() * 2);
    List<Integer> owners = new ArrayList<>(this.entries.size() * 2);
    List<String> originals = new ArrayList<>(this.entries.size() * 2);
    List<Set<String>> codes = new ArrayList<>(this.entries.size());
    for (int entryIndex = 0; entryIndex < this.entries.size(); entryIndex++) {
      WatchListEntry entry = this.entries.get(entryIndex);
      positions.put(entry, entryIndex);
      Set<String> seen = new LinkedHashSet<>();
      for (String name : entry.names()) {
        List<String> tokens = normaliser.tokens(name);
        if (!tokens.isEmpty() && seen.add(String.join(" ", tokens))) {
          tokenLists.add(tokens);
          owners.add(entryIndex);
          originals.add(name);
          for (String token : Set.copyOf(tokens)) {
            tokenFrequency.addTo(token, 1);
          }
        }
      }
      codes.add(countryCodes(entry));
    }
    List<PreparedName> prepared = new ArrayList<>(tokenLists.size());
    Object2IntOpenHashMap<String> tokenNumbers = new Object2IntOpenHashMap<>();
    tokenNumbers.defaultReturnValue(-1);
    PreparedName.TokenNumbering numbering =
        (token, skeleton, alternative, unvocalised) -> {
          String key =
              token
                  + '\u0000'
                  + skeleton
                  + '\u0000'
                  + (alternative == null ? "" : alternative)
                  + (unvocalised ? "\u0000u" : "");
          int number = tokenNumbers.getInt(key);
          if (number < 0) {
            number = tokenNumbers.size();
            tokenNumbers.put(key, number);
          }
          return number;
        };
    for (int i = 0; i < tokenLists.size(); i++) {
      int owner = owners.get(i);
      prepared.add(
          PreparedName.of(
              owner,
              originals.get(i),
              tokenLists.get(i),
              this.entries.get(owner).type() == EntityType.PERSON,
              tokenFrequency::getInt,
              numbering));
    }
    this.names = prepared.toArray(new PreparedName[0]);
    this.countryCodes = List.copyOf(codes);
    this.index = CandidateIndex.build(names);
  }

  /** A list over the entries, with the standard transliteration (ICU4J for Han and the rest). */
  public static WatchList of(Collection<WatchListEntry> entries) {
    return of(entries, Transliterator.standard());
  }

  public static WatchList of(Collection<WatchListEntry> entries, Transliterator transliterator) {
    requireNonNull(entries, "entries is null");
    requireNonNull(transliterator, "transliterator is null");
    return new WatchList(entries, transliterator);
  }

  public List<WatchListEntry> entries() {
    return entries;
  }

  public int size() {
    return entries.size();
  }

  /** How many distinct normalised names and aliases the index holds. */
  public int nameCount() {
    return names.length;
  }

  NameNormaliser normaliser() {
    return normaliser;
  }

  /** A screened name, prepared against this list's token frequencies. */
  PreparedName prepare(String original, List<String> tokens, EntityType type) {
    return PreparedName.of(-1, original, tokens, type == EntityType.PERSON, tokenFrequency::getInt);
  }

  PreparedName name(int number) {
    return names[number];
  }

  CandidateIndex index() {
    return index;
  }

  /** The position of an entry of this list, or -1. */
  int indexOf(WatchListEntry entry) {
    return positions.getOrDefault(entry, -1);
  }

  Set<String> countryCodes(int entryIndex) {
    return countryCodes.get(entryIndex);
  }

  private static Set<String> countryCodes(WatchListEntry entry) {
    Set<String> codes = new LinkedHashSet<>();
    for (String nationality : entry.nationalities()) {
      String code = CountryNames.code(nationality);
      if (code != null) {
        codes.add(code);
      }
    }
    for (String address : entry.addresses()) {
      String code = CountryNames.code(address);
      if (code != null) {
        codes.add(code);
      }
    }
    return Set.copyOf(codes);
  }
}
