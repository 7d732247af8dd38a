package org.oretrace.cli;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.store.AlertStore;
import org.oretrace.store.PageRequest;
import org.oretrace.store.Store;
import org.oretrace.store.WatchListStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Watch lists in the data folder: {@code oretrace watchlist import}. */
@Command(
    name = "watchlist",
    mixinStandardHelpOptions = true,
    description = "Manage the sanctions and watch lists actors are screened against.",
    subcommands = {WatchListCommand.Import.class})
final class WatchListCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Import sanctions lists into the data folder, each replacing its previous import, and"
            + " screen every registered actor against them (D9 actor-risk alerts).",
        "Prints, per list, the entries added, removed and changed since its last import."
      })
  static final class Import implements Callable<Integer> {

    @Mixin DataOptions data;

    @Mixin WatchListFiles files;

    @Override
    public Integer call() {
      if (files.isEmpty()) {
        throw new Failures.UserError(
            Main.EXIT_USAGE, "give at least one list: --un FILE, --ofac-dir DIR or --ftm FILE");
      }
      var lists = files.read(); // all read and checked before the first write
      try (Store store = data.openStore()) {
        long alertsBefore = d9Count(store);
        for (WatchListFiles.ListFile list : lists) {
          WatchListStore.ImportSummary summary =
              store
                  .watchLists()
                  .replace(list.source(), list.path().toString(), list.entries(), Instant.now());
          System.out.println(summary.line());
        }
        System.out.printf(
            "%,d actors screened; %,d new actor-risk (D9) alerts%n",
            store.registry().actorCount(), d9Count(store) - alertsBefore);
      }
      return 0;
    }

    private static long d9Count(Store store) {
      return store
          .alerts()
          .alerts(
              new AlertStore.AlertFilter(DetectorId.D9, null, null, null, null, null, null),
              PageRequest.first(1))
          .total();
    }
  }
}
