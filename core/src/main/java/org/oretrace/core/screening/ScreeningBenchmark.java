package org.oretrace.core.screening;

import static java.util.Objects.requireNonNull;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Measures the screener on names made from real lists: quality (recall and precision at the default
 * threshold, next to plain Jaro-Winkler on whole names at 0.80) and speed (names screened per
 * second against a list grown to a given size).
 *
 * <p>Quality set: variants of listed names (see VariantGenerator) are the positives; each must
 * return the entry it was made from. Names in a non-Latin script on the list (UN "name in original
 * script", OpenSanctions aliases) are taken off the list and screened as cross-script positives.
 * Decoys are the negatives. A true positive is a positive whose entry is among the matches; a false
 * positive is a decoy with any match, or a positive whose matches are all other entries. Precision
 * is TP / (TP + FP), recall TP / positives. The baseline compares lower-cased whole names with
 * every listed name (brute force), so it runs on a sample of the quality set.
 *
 * <p>Speed: the list is grown to the requested size by recombining the words of its names (given
 * names of one person with the surname of another; words of one company with another's), so the
 * word frequencies stay realistic; the screened names are half variants, half decoys, generated
 * before the clock starts; all available processors screen in parallel. The CPU time of the run is
 * reported beside the wall time: on a shared machine the wall time says as much about the
 * neighbours as about the screener.
 */
public final class ScreeningBenchmark {

  /** The plain Jaro-Winkler threshold the baseline alerts at. */
  public static final double BASELINE_THRESHOLD = 0.80;

  /**
   * What to run.
   *
   * @param qualityNames positives and negatives in the quality set (half each)
   * @param baselineNames how many of them the brute-force baseline screens
   * @param speedListSize entries in the grown list for the speed run (0 skips the speed run)
   * @param speedNames names screened in the speed run
   */
  public record Settings(
      int qualityNames, int baselineNames, int speedListSize, int speedNames, long seed) {
    public Settings {
      if (qualityNames < 2 || baselineNames < 0 || speedListSize < 0 || speedNames < 0) {
        throw new IllegalArgumentException("benchmark sizes must be positive");
      }
    }

    /** The goal of DESIGN.md: 1,000,000 names against 100,000 entries. */
    public static Settings standard() {
      return new Settings(20_000, 2_000, 100_000, 1_000_000, 42);
    }
  }

  /** The figures of one run. */
  public record Figures(
      int listEntries,
      int positives,
      int negatives,
      double threshold,
      double recall,
      double precision,
      int baselineNames,
      double baselineRecall,
      double baselinePrecision,
      int speedListEntries,
      int speedNames,
      Duration speedTime,
      Duration speedCpuTime,
      double namesPerSecond,
      List<KindCount> variantKinds,
      List<KindCount> decoyKinds,
      List<KindCount> falsePositiveCauses,
      List<String> misses,
      List<String> passedDecoys) {

    public Figures {
      requireNonNull(speedTime, "speedTime is null");
      requireNonNull(speedCpuTime, "speedCpuTime is null");
      variantKinds = List.copyOf(variantKinds);
      decoyKinds = List.copyOf(decoyKinds);
      falsePositiveCauses = List.copyOf(falsePositiveCauses);
      misses = List.copyOf(misses);
      passedDecoys = List.copyOf(passedDecoys);
    }

    /**
     * The quality set broken down: recall per kind of change (a variant with two changes counts
     * under both), the decoys that passed per kind, then up to {@code examples} of the positives
     * missed and of the decoys that passed, each with what it matched.
     */
    public String breakdown(int examples) {
      StringBuilder text = new StringBuilder();
      text.append(
          String.format(
              Locale.ROOT, "%-28s %8s %8s %8s%n", "variant kind", "names", "found", "recall"));
      for (KindCount kind : variantKinds) {
        text.append(
            String.format(
                Locale.ROOT,
                "%-28s %8d %8d %8.3f%n",
                kind.kind(),
                kind.cases(),
                kind.hits(),
                ratio(kind.hits(), kind.cases())));
      }
      text.append(
          String.format(
              Locale.ROOT, "%-28s %8s %8s %8s%n", "decoy kind", "names", "passed", "rate"));
      for (KindCount kind : decoyKinds) {
        text.append(
            String.format(
                Locale.ROOT,
                "%-28s %8d %8d %8.3f%n",
                kind.kind(),
                kind.cases(),
                kind.hits(),
                ratio(kind.hits(), kind.cases())));
      }
      text.append(String.format(Locale.ROOT, "%-44s %8s%n", "decoys passed, by cause", "names"));
      for (KindCount cause : falsePositiveCauses) {
        text.append(String.format(Locale.ROOT, "%-44s %8d%n", cause.kind(), cause.hits()));
      }
      appendExamples(text, "missed", misses, examples);
      appendExamples(text, "decoys that passed", passedDecoys, examples);
      return text.toString();
    }

    private static void appendExamples(
        StringBuilder text, String title, List<String> lines, int examples) {
      text.append(title)
          .append(" (")
          .append(lines.size())
          .append(')')
          .append(System.lineSeparator());
      for (int i = 0; i < lines.size() && i < examples; i++) {
        text.append("  ").append(lines.get(i)).append(System.lineSeparator());
      }
    }

    /** One line for a terminal or a log. */
    public String summary() {
      String quality =
          String.format(
              Locale.ROOT,
              "screening: recall %.3f precision %.3f at %.2f (Jaro-Winkler %.2f baseline: recall"
                  + " %.3f precision %.3f) on %d+%d names against %d entries",
              recall,
              precision,
              threshold,
              BASELINE_THRESHOLD,
              baselineRecall,
              baselinePrecision,
              positives,
              negatives,
              listEntries);
      if (speedNames == 0) {
        return quality;
      }
      return quality
          + String.format(
              Locale.ROOT,
              "; %,d names against %,d entries in %.1f s (%,.0f names/s; %.1f s of CPU on %d"
                  + " processors)",
              speedNames,
              speedListEntries,
              speedTime.toMillis() / 1000.0,
              namesPerSecond,
              speedCpuTime.toMillis() / 1000.0,
              Runtime.getRuntime().availableProcessors());
    }
  }

  /**
   * How many names of one kind the quality set held, and how many of them were found (variants) or
   * passed (decoys).
   */
  public record KindCount(String kind, int cases, int hits) {
    public KindCount {
      requireNonNull(kind, "kind is null");
    }
  }

  /** A name of the quality set and what it is made of: the variant's changes, or the decoy kind. */
  private record Case(String name, int expectedEntry, EntityType type, List<String> kinds) {
    boolean positive() {
      return expectedEntry >= 0;
    }
  }

  /** The counts of one screener on the quality set, per kind, with the failures described. */
  private static final class Tally {
    long truePositives;
    long falsePositives;
    long positives;
    long negatives;
    final Map<String, int[]> variantKinds = new java.util.LinkedHashMap<>();
    final Map<String, int[]> decoyKinds = new java.util.LinkedHashMap<>();
    final Map<String, int[]> causes = new java.util.LinkedHashMap<>();
    final List<String> misses = new ArrayList<>();
    final List<String> passedDecoys = new ArrayList<>();

    Tally() {
      for (String kind : VariantGenerator.CHANGE_NAMES) {
        variantKinds.put(kind, new int[2]);
      }
      for (String kind : VariantGenerator.DECOY_KINDS) {
        decoyKinds.put(kind, new int[2]);
      }
      for (String cause : FALSE_POSITIVE_CAUSES) {
        causes.put(cause, new int[2]);
      }
    }

    static List<KindCount> rows(Map<String, int[]> kinds) {
      List<KindCount> rows = new ArrayList<>();
      kinds.forEach((kind, counts) -> rows.add(new KindCount(kind, counts[0], counts[1])));
      return rows;
    }
  }

  private ScreeningBenchmark() {}

  public static Figures run(List<WatchListEntry> entries, Settings settings) {
    requireNonNull(entries, "entries is null");
    requireNonNull(settings, "settings is null");
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("the benchmark needs a non-empty list");
    }
    List<String> crossScript = new ArrayList<>();
    List<Integer> crossScriptEntries = new ArrayList<>();
    List<WatchListEntry> latin = new ArrayList<>(entries.size());
    for (int index = 0; index < entries.size(); index++) {
      WatchListEntry entry = entries.get(index);
      List<String> latinNames = entry.names().stream().filter(ScreeningBenchmark::isLatin).toList();
      if (latinNames.isEmpty() || latinNames.size() == entry.names().size()) {
        latin.add(entry); // nothing to take off, or nothing Latin to keep
        continue;
      }
      latin.add(withNames(entry, latinNames));
      for (String name : entry.names()) {
        if (!isLatin(name)) {
          crossScript.add(name);
          crossScriptEntries.add(index);
        }
      }
    }
    WatchList list = WatchList.of(latin);
    Screener screener = Screener.of(list);
    VariantGenerator generator = new VariantGenerator(settings.seed());
    List<Case> cases = qualityCases(list, crossScript, crossScriptEntries, settings, generator);

    Tally tally = tally(cases, screener, list);
    Baseline baseline = new Baseline(list);
    List<Case> baselineCases = sample(cases, settings.baselineNames(), settings.seed());
    long[] baselineCounts = quality(baselineCases, baseline::matches);

    int speedEntries = 0;
    Duration speedTime = Duration.ZERO;
    Duration speedCpuTime = Duration.ZERO;
    double namesPerSecond = 0;
    if (settings.speedListSize() > 0 && settings.speedNames() > 0) {
      List<WatchListEntry> grown = grow(latin, settings.speedListSize(), settings.seed());
      WatchList big = WatchList.of(grown);
      Screener bigScreener = Screener.of(big);
      String[] names = speedNames(grown, settings.speedNames(), generator);
      AtomicLong matches = new AtomicLong();
      long cpuStart = processCpuNanos();
      long start = System.nanoTime();
      IntStream.range(0, names.length)
          .parallel()
          .forEach(i -> matches.addAndGet(bigScreener.screen(Query.of(names[i])).size()));
      long elapsed = System.nanoTime() - start;
      speedCpuTime = Duration.ofNanos(Math.max(0, processCpuNanos() - cpuStart));
      speedEntries = grown.size();
      speedTime = Duration.ofNanos(elapsed);
      namesPerSecond = names.length / (elapsed / 1e9);
    }
    return new Figures(
        latin.size(),
        (int) tally.positives,
        (int) tally.negatives,
        screener.threshold(),
        ratio(tally.truePositives, tally.positives),
        ratio(tally.truePositives, tally.truePositives + tally.falsePositives),
        baselineCases.size(),
        ratio(baselineCounts[0], baselineCounts[3]),
        ratio(baselineCounts[0], baselineCounts[0] + baselineCounts[1]),
        speedEntries,
        settings.speedListSize() > 0 ? settings.speedNames() : 0,
        speedTime,
        speedCpuTime,
        namesPerSecond,
        Tally.rows(tally.variantKinds),
        Tally.rows(tally.decoyKinds),
        Tally.rows(tally.causes),
        tally.misses,
        tally.passedDecoys);
  }

  /** The screener on the quality set, counted per kind of variant and decoy. */
  private static Tally tally(List<Case> cases, Screener screener, WatchList list) {
    Tally tally = new Tally();
    for (Case each : cases) {
      List<Match> matches = screener.screen(Query.of(each.name()));
      Set<Integer> found = entriesOf(matches, list);
      String best =
          matches.isEmpty()
              ? "nothing"
              : String.format(
                  Locale.ROOT, "%s (%.2f)", matches.get(0).matchedName(), matches.get(0).score());
      Map<String, int[]> kinds = each.positive() ? tally.variantKinds : tally.decoyKinds;
      boolean hit;
      if (each.positive()) {
        tally.positives++;
        hit = found.contains(each.expectedEntry());
        if (hit) {
          tally.truePositives++;
        } else {
          if (!found.isEmpty()) {
            tally.falsePositives++;
          }
          tally.misses.add(
              String.format(
                  Locale.ROOT,
                  "%s <- %s [%s]: matched %s",
                  each.name(),
                  list.entries().get(each.expectedEntry()).names(),
                  String.join(", ", each.kinds()),
                  best));
        }
      } else {
        tally.negatives++;
        hit = !found.isEmpty();
        if (hit) {
          tally.falsePositives++;
          tally.causes.get(cause(each, matches.get(0)))[1]++;
          tally.passedDecoys.add(
              String.format(
                  Locale.ROOT, "%s [%s]: matched %s", each.name(), each.kinds().get(0), best));
        }
      }
      for (String kind : each.kinds()) {
        int[] counts = kinds.computeIfAbsent(kind, key -> new int[2]);
        counts[0]++;
        if (hit) {
          counts[1]++;
        }
      }
    }
    return tally;
  }

  /** Why decoys pass, in the order {@link #cause} tells them apart. */
  static final List<String> FALSE_POSITIVE_CAUSES =
      List.of(
          "another type of party (screened without type)",
          "a word equal, the others alike",
          "every word only alike",
          "words of the listed name missing");

  /**
   * Why a decoy matched: a party of another type (a company for a person: the benchmark screens
   * without --type, which would have ruled it out); one word equal to a listed one and the rest
   * similar (a shared given name or surname); no word equal, all similar; or the listed name's
   * other words missing from the decoy (all its words paired, the listed name has more).
   */
  private static String cause(Case decoy, Match match) {
    if (decoy.type() != null && decoy.type() != match.entry().type()) {
      return FALSE_POSITIVE_CAUSES.get(0);
    }
    boolean equal = false;
    boolean alike = false;
    for (Match.TokenAgreement agreement : match.agreements()) {
      if (agreement.similarity() >= 1) {
        equal = true;
      } else {
        alike = true;
      }
    }
    if (equal && alike) {
      return FALSE_POSITIVE_CAUSES.get(1);
    }
    return alike ? FALSE_POSITIVE_CAUSES.get(2) : FALSE_POSITIVE_CAUSES.get(3);
  }

  private static String scriptOf(String name) {
    for (int i = 0; i < name.length(); i++) {
      char character = name.charAt(i);
      if (Character.isLetter(character)
          && Character.UnicodeScript.of(character) != Character.UnicodeScript.LATIN) {
        String script = Character.UnicodeScript.of(character).name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(script.charAt(0)) + script.substring(1);
      }
    }
    return "Latin";
  }

  /** CPU time of this process (every thread, the JIT and the collector included), or 0. */
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean bean) {
      return Math.max(0, bean.getProcessCpuTime());
    }
    return 0;
  }

  /** True positives, false positives, false negatives, positives, negatives. */
  private static long[] quality(
      List<Case> cases, java.util.function.Function<Query, Set<Integer>> screen) {
    long[] counts = new long[5];
    for (Case each : cases) {
      Set<Integer> found = screen.apply(Query.of(each.name()));
      if (each.positive()) {
        counts[3]++;
        if (found.contains(each.expectedEntry())) {
          counts[0]++;
        } else {
          counts[2]++;
          if (!found.isEmpty()) {
            counts[1]++;
          }
        }
      } else {
        counts[4]++;
        if (!found.isEmpty()) {
          counts[1]++;
        }
      }
    }
    return counts;
  }

  private static List<Case> qualityCases(
      WatchList list,
      List<String> crossScript,
      List<Integer> crossScriptEntries,
      Settings settings,
      VariantGenerator generator) {
    int half = settings.qualityNames() / 2;
    List<Case> cases = new ArrayList<>(settings.qualityNames());
    for (int i = 0; i < crossScript.size() && i < half / 10; i++) {
      cases.add(
          new Case(
              crossScript.get(i),
              crossScriptEntries.get(i),
              null,
              List.of("listed in " + scriptOf(crossScript.get(i)) + " script")));
    }
    List<WatchListEntry> entries = list.entries();
    while (cases.size() < half) {
      int index = generator.nextInt(entries.size());
      WatchListEntry entry = entries.get(index);
      String name = entry.names().get(generator.nextInt(entry.names().size()));
      VariantGenerator.Variant variant = generator.describedVariant(name, entry.type());
      cases.add(
          new Case(
              variant.name(),
              index,
              entry.type(),
              variant.changes().isEmpty() ? List.of("unchanged") : variant.changes()));
    }
    Map<String, List<Integer>> namesByToken = new HashMap<>();
    for (int name = 0; name < list.nameCount(); name++) {
      for (String token : list.name(name).tokens()) {
        namesByToken.computeIfAbsent(token, key -> new ArrayList<>()).add(name);
      }
    }
    NameNormaliser normaliser = list.normaliser();
    while (cases.size() < 2 * half) {
      WatchListEntry near = entries.get(generator.nextInt(entries.size()));
      EntityType type = generator.nextInt(4) == 0 ? EntityType.ORGANISATION : EntityType.PERSON;
      VariantGenerator.Decoy decoy =
          generator.describedDecoy(
              type, near.type() == EntityType.PERSON ? near.primaryName() : null);
      if (!isAmbiguous(normaliser.tokens(decoy.name()), list, namesByToken)) {
        cases.add(new Case(decoy.name(), -1, type, List.of(decoy.kind())));
      }
    }
    return cases;
  }

  /** A decoy all of whose words one listed name has is the listed party, not a decoy. */
  private static boolean isAmbiguous(
      List<String> tokens, WatchList list, Map<String, List<Integer>> namesByToken) {
    if (tokens.isEmpty()) {
      return true;
    }
    for (int name : namesByToken.getOrDefault(tokens.get(0), List.of())) {
      List<String> listed = List.of(list.name(name).tokens());
      if (listed.containsAll(tokens)) {
        return true;
      }
    }
    return false;
  }

  private static Set<Integer> entriesOf(List<Match> matches, WatchList list) {
    Set<Integer> found = new HashSet<>();
    for (Match match : matches) {
      found.add(list.indexOf(match.entry()));
    }
    return found;
  }

  private static List<Case> sample(List<Case> cases, int size, long seed) {
    List<Case> shuffled = new ArrayList<>(cases);
    java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
    return shuffled.subList(0, Math.min(size, shuffled.size()));
  }

  private static String[] speedNames(
      List<WatchListEntry> entries, int count, VariantGenerator generator) {
    String[] names = new String[count];
    for (int i = 0; i < count; i++) {
      WatchListEntry entry = entries.get(generator.nextInt(entries.size()));
      names[i] =
          i % 2 == 0
              ? generator.variant(
                  entry.names().get(generator.nextInt(entry.names().size())), entry.type())
              : generator.decoy(
                  generator.nextInt(4) == 0 ? EntityType.ORGANISATION : EntityType.PERSON,
                  entry.primaryName());
    }
    return names;
  }

  /** The list grown to {@code size} entries by recombining the words of its names. */
  static List<WatchListEntry> grow(List<WatchListEntry> entries, int size, long seed) {
    List<WatchListEntry> grown = new ArrayList<>(Math.max(size, entries.size()));
    grown.addAll(entries);
    SplittableRandom random = new SplittableRandom(seed);
    int synthetic = 0;
    while (grown.size() < size) {
      WatchListEntry first = entries.get(random.nextInt(entries.size()));
      WatchListEntry second = entries.get(random.nextInt(entries.size()));
      List<String> names = new ArrayList<>();
      for (int i = 0; i < first.names().size() && names.size() < 4; i++) {
        String[] head = first.names().get(i).strip().split("\\s+");
        String[] tail =
            second.names().get(random.nextInt(second.names().size())).strip().split("\\s+");
        int keep = Math.max(1, head.length - 1);
        StringBuilder name = new StringBuilder();
        for (int word = 0; word < keep; word++) {
          name.append(head[word]).append(' ');
        }
        name.append(tail[tail.length - 1]);
        names.add(name.toString());
      }
      grown.add(
          new WatchListEntry(
              "synthetic",
              "S" + synthetic++,
              first.type(),
              names,
              first.datesOfBirth(),
              second.nationalities(),
              List.of(),
              first.programmes()));
    }
    return grown;
  }

  private static WatchListEntry withNames(WatchListEntry entry, List<String> names) {
    return new WatchListEntry(
        entry.source(),
        entry.reference(),
        entry.type(),
        names,
        entry.datesOfBirth(),
        entry.nationalities(),
        entry.addresses(),
        entry.programmes());
  }

  private static boolean isLatin(String name) {
    for (int i = 0; i < name.length(); i++) {
      char character = name.charAt(i);
      if (Character.isLetter(character)
          && Character.UnicodeScript.of(character) != Character.UnicodeScript.LATIN) {
        return false;
      }
    }
    return true;
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  /** Plain Jaro-Winkler on lower-cased whole names, against every listed name. */
  private static final class Baseline {
    private final String[] names;
    private final int[] entryOf;

    Baseline(WatchList list) {
      names = new String[list.nameCount()];
      entryOf = new int[list.nameCount()];
      for (int i = 0; i < names.length; i++) {
        names[i] = plain(list.name(i).original());
        entryOf[i] = list.name(i).entryIndex();
      }
    }

    Set<Integer> matches(Query query) {
      String screened = plain(query.name());
      Set<Integer> found = new HashSet<>();
      for (int i = 0; i < names.length; i++) {
        if (JaroWinkler.similarity(screened, names[i]) >= BASELINE_THRESHOLD) {
          found.add(entryOf[i]);
        }
      }
      return found;
    }

    private static String plain(String name) {
      return name.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }
  }
}
