package org.oretrace.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.oretrace.store.Store;
import org.oretrace.stream.StreamDetection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs detection as a Kafka Streams application over Oretrace's topics, writing alerts to the
 * alerts topic and to the database, until stopped.
 */
@Command(
    name = "detect-stream",
    mixinStandardHelpOptions = true,
    description = {
      "Run detection as a Kafka Streams application: consume the events and registry topics,"
          + " write alerts to the alerts topic and to the database.",
      "--data/--db must name the database the publishing server records into. Several instances"
          + " with the same --application-id fail over to each other."
    })
final class DetectStreamCommand implements Callable<Integer> {

  private static final long REPORT_MILLIS = 10_000;

  @Mixin DataOptions data;
  @Mixin KafkaOptions kafka;

  @Option(
      names = "--application-id",
      paramLabel = "ID",
      defaultValue = StreamDetection.DEFAULT_APPLICATION_ID,
      description =
          "Kafka Streams application id: the consumer group and the prefix of internal topics"
              + " (default: ${DEFAULT-VALUE}).")
  String applicationId;

  @Override
  public Integer call() throws InterruptedException {
    var settings = kafka.settings();
    if (!data.databaseExists()) {
      throw new Failures.UserError(
          Main.EXIT_NO_INPUT, "no database at " + data.describe() + " (--data, --db)");
    }
    Store store = data.openStore();
    StreamDetection detection;
    try {
      detection =
          StreamDetection.start(settings, applicationId, store, data.data.resolve("kafka-streams"));
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  detection.close();
                  store.close();
                },
                "oretrace-shutdown"));
    System.out.printf(
        "Detection is running on Kafka at %s as %s, alerts into %s (Ctrl-C stops it)%n",
        settings.bootstrapServers(), applicationId, data.describe());
    long reported = -1;
    while (!detection.stoppedWithin(REPORT_MILLIS)) {
      if (detection.judged() != reported) {
        reported = detection.judged();
        System.err.printf(
            Locale.ROOT,
            "oretrace: %,d events judged, %,d alerts raised%n",
            reported,
            detection.alertsRaised());
      }
    }
    if (detection.failed()) {
      throw new Failures.UserError(
          Main.EXIT_SOFTWARE, "detection stopped on an error; see the log");
    }
    return 0;
  }
}
