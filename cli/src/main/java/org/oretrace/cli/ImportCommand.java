package org.oretrace.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.store.Detection;
import org.oretrace.store.EncodedBatch;
import org.oretrace.store.NationalTrade;
import org.oretrace.store.Recorder;
import org.oretrace.store.Store;
import org.oretrace.store.json.WorldFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Imports sites, actors and custody events from files into the data folder. The whole input is
 * decoded and checked against the structural rules before anything is written, so a bad file writes
 * nothing; then events are recorded in batches through the same path as the API (the recorder's
 * pipeline: the next batch is checked while this one is written), with a progress bar. Stop the
 * server first: it keeps the custody graph in memory.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import sites, actors and custody events into the data folder.",
      "PATH is a world folder (sites.json, actors.json, events.ndjson, as `oretrace simulate` writes),"
          + " a JSON file (an array of events, or {\"sites\":[],\"actors\":[],\"events\":[]}),"
          + " or an NDJSON file with one event a line.",
      "Stop the server first: it keeps the custody graph in memory."
    })
final class ImportCommand implements Callable<Integer> {

  @Mixin DataOptions data;

  @Parameters(paramLabel = "PATH", description = "World folder, .json or .ndjson file.")
  Path path;

  @Option(
      names = "--batch-size",
      defaultValue = "5000",
      description = "Events per transaction (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--resume",
      description = "Skip events already recorded (after an interrupted import).")
  boolean resume;

  @Override
  public Integer call() {
    if (!Files.exists(path)) {
      throw new Failures.UserError(Main.EXIT_NO_INPUT, "no such file or folder: " + path);
    }
    if (batchSize < 1) {
      throw new Failures.UserError(Main.EXIT_USAGE, "--batch-size must be at least 1");
    }
    WorldFiles.Contents contents;
    try {
      contents = WorldFiles.read(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Store store = data.openStore()) {
      Recorder recorder = Recorder.open(store);
      Detection.attach(recorder);
      // D10's custody totals are counted as the events are recorded, so import-trade and serve
      // read them instead of replaying the record.
      NationalTrade trade = NationalTrade.attach(recorder);
      List<CustodyEvent> events = contents.events();
      Set<String> stored =
          store.custody().existingEventIds(events.stream().map(CustodyEvent::id).toList());
      if (resume) {
        events = events.stream().filter(event -> !stored.contains(event.id())).toList();
      } else if (!stored.isEmpty()) {
        List<Violation> duplicates = new ArrayList<>();
        for (int item = 0; item < events.size(); item++) {
          if (stored.contains(events.get(item).id())) {
            duplicates.add(
                Violation.of(
                    item,
                    "id",
                    "event "
                        + events.get(item).id()
                        + " is already recorded (use --resume to skip recorded events)"));
          }
        }
        throw new InvalidInputException(duplicates);
      }
      System.err.printf(
          "oretrace: %,d sites, %,d actors, %,d events read from %s; checking...%n",
          contents.sites().size(), contents.actors().size(), events.size(), path);
      // The whole input is checked against the stored record before the first write: check()
      // changes nothing, so a bad event anywhere leaves the database as it was.
      if (!events.isEmpty()) {
        // Checked, never applied as one: the graph need not keep its overlay for later checks.
        recorder
            .graph()
            .discard(recorder.graph().check(events, contents.registryOver(store.registry())));
      }
      store.registry().putSites(contents.sites());
      store.registry().putActors(contents.actors());
      Progress progress = new Progress(System.err, "recording events", events.size());
      record(recorder, events, progress);
      progress.finish(events.size());
      trade.catchUp();
      System.out.printf(
          "imported %,d events into %s (%,d lots, %,d events in all)%n",
          events.size(),
          data.describe(),
          recorder.graph().lotCount(),
          store.custody().eventCount());
    }
    return 0;
  }

  /**
   * Records the events in batches through the recorder's pipeline: this thread encodes and checks
   * batch N+1 while a writer thread stores batch N, so the import uses two cores.
   */
  private void record(Recorder recorder, List<CustodyEvent> events, Progress progress) {
    try (ExecutorService writer =
        Executors.newSingleThreadExecutor(Thread.ofPlatform().name("import-writer").factory())) {
      Future<?> writing = null;
      int written = 0;
      for (int start = 0; start < events.size(); start += batchSize) {
        List<CustodyEvent> batch =
            events.subList(start, Math.min(events.size(), start + batchSize));
        Recorder.Checked checked = recorder.check(EncodedBatch.of(batch), null);
        if (writing != null) {
          awaitWrite(writing);
          progress.update(written);
        }
        writing = writer.submit(() -> recorder.write(checked));
        written = start + batch.size();
      }
      if (writing != null) {
        awaitWrite(writing);
        progress.update(written);
      }
    }
  }

  private static void awaitWrite(Future<?> writing) {
    try {
      writing.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the import was writing", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
