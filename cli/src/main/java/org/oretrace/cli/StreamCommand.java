package org.oretrace.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.oretrace.store.Store;
import org.oretrace.stream.EventPublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Kafka streaming chores: publishing the stored record again. */
@Command(
    name = "stream",
    mixinStandardHelpOptions = true,
    description = "Kafka streaming: publish the stored record to Oretrace's topics again.",
    subcommands = {StreamCommand.Publish.class})
final class StreamCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Publishes the registry and the stored events from a ledger sequence on. */
  @Command(
      name = "publish",
      mixinStandardHelpOptions = true,
      description = {
        "Publish the registry and the stored events from ledger sequence --from on to Kafka:"
            + " the replay after a publication failed (the server logs the lowest sequence not"
            + " published), or the first publication of a record kept before Kafka.",
        "Consumers see repeats with the same sequence header; detect-stream drops them."
      })
  static final class Publish implements Callable<Integer> {

    @Mixin DataOptions data;
    @Mixin KafkaOptions kafka;

    @Option(
        names = "--from",
        paramLabel = "N",
        defaultValue = "0",
        description = "First ledger sequence to publish (default: ${DEFAULT-VALUE}).")
    long from;

    @Override
    public Integer call() {
      if (from < 0) {
        throw new Failures.UserError(Main.EXIT_USAGE, "--from must be at least 0");
      }
      var settings = kafka.settings();
      if (!data.databaseExists()) {
        throw new Failures.UserError(
            Main.EXIT_NO_INPUT, "no database at " + data.describe() + " (--data, --db)");
      }
      try (Store store = data.openStore();
          EventPublisher publisher = EventPublisher.connect(settings)) {
        publisher.publishRegistry(store.registry());
        long total = Math.max(0, store.custody().nextSequence() - from);
        Progress progress = new Progress(System.err, "publishing events", total);
        long sent = publisher.publishFrom(store.custody(), from, progress::update);
        progress.finish(sent);
        System.out.printf(
            Locale.ROOT,
            "published %,d events (sequences %d to %d) to %s%n",
            sent,
            from,
            from + sent - 1,
            settings.bootstrapServers());
      }
      return 0;
    }
  }
}
