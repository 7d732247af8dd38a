package org.oretrace.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.oretrace.core.ledger.WitnessKey;
import org.oretrace.store.Recorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the server over the data folder. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the Oretrace server (API and web application) over the data folder.",
      "An admin token may be given in the environment variable ORETRACE_ADMIN_TOKEN."
    })
final class ServeCommand implements Callable<Integer> {

  @Mixin DataOptions data;
  @Mixin ServeOptions serve;
  @Mixin KafkaOptions kafka;

  @Option(
      names = "--witness-key",
      paramLabel = "FILE",
      description =
          "Accept cosignatures from this witness (its verifier key, as witness keygen printed;"
              + " repeatable). Kept in the data folder, like witness add.")
  List<Path> witnessKeyFiles = new ArrayList<>();

  @Override
  public Integer call() {
    var config = serve.config();
    List<WitnessKey> witnesses =
        witnessKeyFiles.stream().map(WitnessCommand::readWitnessKey).toList();
    System.err.println("oretrace: opening " + data.describe() + " ...");
    Recorder recorder = data.openRecorder();
    AutoCloseable publisher;
    try {
      for (WitnessKey witness : witnesses) {
        if (recorder.store().ledger().addWitness(witness)) {
          System.err.println("oretrace: accepting cosignatures from " + witness);
        }
      }
      publisher = kafka.attach(recorder);
    } catch (RuntimeException e) {
      recorder.store().close();
      throw e;
    }
    System.err.printf(
        "oretrace: %,d lots and %,d events loaded%n",
        recorder.graph().lotCount(), recorder.store().custody().eventCount());
    ServeOptions.runUntilStopped(
        config,
        recorder,
        url -> System.out.println("Oretrace is running at " + url + " (Ctrl-C stops it)"),
        publisher);
    return 0;
  }
}
