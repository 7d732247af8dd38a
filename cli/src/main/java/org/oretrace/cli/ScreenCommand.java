package org.oretrace.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.oretrace.core.screening.EntityType;
import org.oretrace.core.screening.Match;
import org.oretrace.core.screening.Query;
import org.oretrace.core.screening.Screener;
import org.oretrace.core.screening.WatchList;
import org.oretrace.core.screening.WatchListEntry;
import org.oretrace.store.Store;
import org.oretrace.store.json.Json;
import org.oretrace.store.watchlist.WatchLists;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Screens names against the watch lists imported into the data folder ({@code oretrace watchlist
 * import}), or against list files given on the command line: one name, or a CSV file of names with
 * a progress bar, screened on every processor.
 */
@Command(
    name = "screen",
    mixinStandardHelpOptions = true,
    description = {
      "Screen a name, or a CSV file of names, against sanctions and watch lists.",
      "Each match shows its score, the list, the entry's reference, the listed name and why."
    })
final class ScreenCommand implements Callable<Integer> {

  private static final int CHUNK = 1_000;

  @Mixin DataOptions data;

  @Mixin WatchListFiles files;

  @Parameters(
      paramLabel = "NAME",
      arity = "0..1",
      description = "The name to screen (or give --file).")
  String name;

  @Option(
      names = "--file",
      paramLabel = "NAMES.csv",
      description = "Screen every name of this CSV file: name[,country[,type]] a line.")
  Path file;

  @Option(names = "--country", description = "Country of the party (name or ISO code).")
  String country;

  @Option(
      names = "--type",
      description = "person or organisation (also vessel, aircraft).",
      converter = EntityTypes.class)
  EntityType type;

  @Option(
      names = "--threshold",
      description = "Report matches scoring at least this (default 0.84).")
  Double threshold;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() {
    if ((name == null) == (file == null)) {
      throw new Failures.UserError(Main.EXIT_USAGE, "give either NAME or --file NAMES.csv");
    }
    if (file != null) {
      InputFiles.requireFile(file);
    }
    List<Query> queries =
        file != null
            ? WatchLists.readNamesToScreen(file)
            : List.of(new Query(name, country, type, null));
    Screener screener = screener();
    if (file == null) {
      List<Match> matches = screener.screen(queries.get(0));
      if (json) {
        System.out.println(Json.text(result(queries.get(0), matches)));
      } else if (matches.isEmpty()) {
        System.out.println("no match at or above " + format(screener.threshold()));
      } else {
        matches.forEach(match -> System.out.println(match.explanation()));
      }
      return 0;
    }
    screenFile(screener, queries);
    return 0;
  }

  private void screenFile(Screener screener, List<Query> queries) {
    Progress progress = new Progress(System.err, "screening", queries.size());
    ArrayNode results = Json.array();
    long withMatches = 0;
    for (int start = 0; start < queries.size(); start += CHUNK) {
      List<Query> chunk = queries.subList(start, Math.min(queries.size(), start + CHUNK));
      List<List<Match>> found =
          IntStream.range(0, chunk.size())
              .parallel()
              .mapToObj(index -> screener.screen(chunk.get(index)))
              .toList();
      for (int index = 0; index < chunk.size(); index++) {
        List<Match> matches = found.get(index);
        if (matches.isEmpty()) {
          continue;
        }
        withMatches++;
        if (json) {
          results.add(result(chunk.get(index), matches));
        } else {
          for (Match match : matches) {
            System.out.println(chunk.get(index).name() + "\t" + match.explanation());
          }
        }
      }
      progress.update(start + chunk.size());
    }
    progress.finish(queries.size());
    if (json) {
      System.out.println(Json.text(results));
    }
    System.err.printf(
        Locale.ROOT, "%,d of %,d names matched a listed entry%n", withMatches, queries.size());
  }

  private Screener screener() {
    List<WatchListEntry> entries;
    if (!files.isEmpty()) {
      entries = files.read().stream().flatMap(list -> list.entries().stream()).toList();
    } else {
      if (!data.databaseExists()) {
        throw new Failures.UserError(
            Main.EXIT_NO_INPUT,
            "no data folder at "
                + data.data
                + "; import lists first (oretrace watchlist import) or give --un, --ofac-dir or"
                + " --ftm");
      }
      try (Store store = data.openStore()) {
        entries = store.watchLists().entries();
      }
    }
    if (entries.isEmpty()) {
      throw new Failures.UserError(
          Main.EXIT_NO_INPUT,
          "no watch list imported in "
              + data.data
              + "; run oretrace watchlist import, or give --un, --ofac-dir or --ftm");
    }
    WatchList list = WatchList.of(entries);
    if (threshold == null) {
      return Screener.of(list);
    }
    try {
      return Screener.of(list, threshold);
    } catch (IllegalArgumentException e) {
      throw new Failures.UserError(Main.EXIT_USAGE, e.getMessage());
    }
  }

  private static ObjectNode result(Query query, List<Match> matches) {
    ObjectNode node = Json.object();
    node.put("name", query.name());
    ArrayNode array = node.putArray("matches");
    for (Match match : matches) {
      ObjectNode item = array.addObject();
      item.put("score", round(match.score()));
      item.put("nameScore", round(match.nameScore()));
      item.put("list", match.entry().source());
      item.put("reference", match.entry().reference());
      item.put("matchedName", match.matchedName());
      item.put("type", match.entry().type().name().toLowerCase(Locale.ROOT));
      ArrayNode programmes = item.putArray("programmes");
      match.entry().programmes().forEach(programmes::add);
      item.put("explanation", match.explanation());
    }
    return node;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** "person", "organisation" (or "organization"), "vessel", "aircraft", any case. */
  static final class EntityTypes implements picocli.CommandLine.ITypeConverter<EntityType> {
    @Override
    public EntityType convert(String value) {
      String normalised =
          value.strip().toUpperCase(Locale.ROOT).replace("ORGANIZATION", "ORGANISATION");
      try {
        return EntityType.valueOf(normalised);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "'" + value + "' is not person, organisation, vessel or aircraft");
      }
    }
  }
}
