package org.oretrace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.oretrace.core.screening.WatchListEntry;
import org.oretrace.store.watchlist.WatchLists;
import picocli.CommandLine.Option;

/** The watch-list files a command reads: any of the UN list, the OFAC SDN folder, an FtM export. */
final class WatchListFiles {

  @Option(names = "--un", paramLabel = "FILE", description = "UN consolidated list (XML).")
  Path un;

  @Option(
      names = "--ofac-dir",
      paramLabel = "DIR",
      description = "Folder with OFAC's sdn.csv, alt.csv and add.csv.")
  Path ofacDirectory;

  @Option(
      names = "--ftm",
      paramLabel = "FILE",
      description = "OpenSanctions export in FollowTheMoney JSON lines.")
  Path followTheMoney;

  /** One list read from one file or folder. */
  record ListFile(String source, Path path, List<WatchListEntry> entries) {}

  boolean isEmpty() {
    return un == null && ofacDirectory == null && followTheMoney == null;
  }

  /** Every list given, read and checked (bad input fails with the file and line). */
  List<ListFile> read() {
    List<ListFile> lists = new ArrayList<>();
    if (un != null) {
      lists.add(new ListFile("UN", exists(un), WatchLists.readUnConsolidated(un)));
    }
    if (ofacDirectory != null) {
      lists.add(
          new ListFile("OFAC-SDN", exists(ofacDirectory), WatchLists.readOfacSdn(ofacDirectory)));
    }
    if (followTheMoney != null) {
      lists.add(
          new ListFile(
              "OpenSanctions",
              exists(followTheMoney),
              WatchLists.readFollowTheMoney(followTheMoney)));
    }
    return lists;
  }

  private static Path exists(Path path) {
    if (!Files.exists(path)) {
      throw new Failures.UserError(Main.EXIT_NO_INPUT, "no such file or folder: " + path);
    }
    return path;
  }
}
