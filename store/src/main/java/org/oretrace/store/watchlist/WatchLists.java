package org.oretrace.store.watchlist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.screening.EntityType;
import org.oretrace.core.screening.Query;
import org.oretrace.core.screening.WatchListEntry;

/**
 * Reads the published sanctions lists into {@link WatchListEntry} values: the UN Security Council
 * consolidated list (XML), OFAC's SDN list (the three legacy CSV files) and OpenSanctions exports
 * (FollowTheMoney JSON lines). Each reader makes one streaming pass; malformed input raises {@link
 * org.oretrace.core.InvalidInputException} naming the file and line, and nothing is returned.
 */
public final class WatchLists {

  private WatchLists() {}

  /** The UN consolidated list, e.g. {@code consolidated.xml}. */
  public static List<WatchListEntry> readUnConsolidated(Path file) {
    try (InputStream input = Files.newInputStream(file)) {
      return UnConsolidatedListReader.read(input, file.getFileName().toString());
    } catch (IOException error) {
      throw new UncheckedIOException("cannot read " + file, error);
    }
  }

  public static List<WatchListEntry> readUnConsolidated(InputStream input, String fileName) {
    return UnConsolidatedListReader.read(input, fileName);
  }

  /** OFAC SDN from a directory holding {@code sdn.csv}, {@code alt.csv} and {@code add.csv}. */
  public static List<WatchListEntry> readOfacSdn(Path directory) {
    try (Reader sdn = reader(directory.resolve("sdn.csv"));
        Reader alternateNames = reader(directory.resolve("alt.csv"));
        Reader addresses = reader(directory.resolve("add.csv"))) {
      return OfacSdnReader.read(sdn, alternateNames, addresses);
    } catch (IOException error) {
      throw new UncheckedIOException("cannot read the SDN files in " + directory, error);
    }
  }

  public static List<WatchListEntry> readOfacSdn(
      Reader sdn, Reader alternateNames, Reader addresses) {
    try {
      return OfacSdnReader.read(sdn, alternateNames, addresses);
    } catch (IOException error) {
      throw new UncheckedIOException("cannot read the SDN files", error);
    }
  }

  /** An OpenSanctions FollowTheMoney export, one entity per line. */
  public static List<WatchListEntry> readFollowTheMoney(Path file) {
    try (BufferedReader lines = reader(file)) {
      return FollowTheMoneyReader.read(lines, file.getFileName().toString());
    } catch (IOException error) {
      throw new UncheckedIOException("cannot read " + file, error);
    }
  }

  public static List<WatchListEntry> readFollowTheMoney(Reader input, String fileName) {
    try {
      BufferedReader lines =
          input instanceof BufferedReader buffered ? buffered : new BufferedReader(input);
      return FollowTheMoneyReader.read(lines, fileName);
    } catch (IOException error) {
      throw new UncheckedIOException("cannot read " + fileName, error);
    }
  }

  /**
   * Names to screen from a CSV file: the name in the first column, then optionally a country and a
   * type (person, organisation, vessel, aircraft); a first row whose first field is "name" is a
   * header. A bad type fails with the file and line.
   */
  public static List<Query> readNamesToScreen(Path file) {
    String fileName = file.getFileName().toString();
    try (BufferedReader lines = reader(file)) {
      CsvReader csv = new CsvReader(lines, fileName);
      List<Query> queries = new ArrayList<>();
      List<String> fields;
      while ((fields = csv.next()) != null) {
        String name = fields.get(0).strip();
        if (name.isEmpty() || (queries.isEmpty() && name.equalsIgnoreCase("name"))) {
          continue;
        }
        String country = fields.size() > 1 ? fields.get(1).strip() : null;
        EntityType type = null;
        if (fields.size() > 2 && !fields.get(2).isBlank()) {
          try {
            type = EntityType.valueOf(fields.get(2).strip().toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                Violation.of(
                    csv.recordLine(),
                    "type",
                    fileName
                        + " line "
                        + csv.recordLine()
                        + ": type '"
                        + fields.get(2)
                        + "' is not person, organisation, vessel or aircraft"));
          }
        }
        queries.add(new Query(name, country, type, null));
      }
      return queries;
    } catch (IOException error) {
      throw new UncheckedIOException("cannot read " + file, error);
    }
  }

  private static BufferedReader reader(Path file) throws IOException {
    // OFAC files are Windows-1252 in places; ISO-8859-1 would mangle nothing worse than UTF-8
    // errors,
    // but UTF-8 is what the current downloads use.
    return Files.newBufferedReader(file, StandardCharsets.UTF_8);
  }
}
