package org.oretrace.store.watchlist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  private static BufferedReader reader(Path file) throws IOException {
    // OFAC files are Windows-1252 in places; ISO-8859-1 would mangle nothing worse than UTF-8
    // errors,
    // but UTF-8 is what the current downloads use.
    return Files.newBufferedReader(file, StandardCharsets.UTF_8);
  }
}
