package org.oretrace.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.oretrace.store.Recorder;
import org.oretrace.store.certificate.ProvenanceCertificate;
import org.oretrace.store.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Issues a lot's provenance certificate from the data folder. */
@Command(
    name = "certificate",
    mixinStandardHelpOptions = true,
    description = {
      "Issue the provenance certificate of LOT: its lineage to the mine sites, every event with an"
          + " inclusion proof against one signed checkpoint, and the log's key.",
      "Check it anywhere with: oretrace verify CERTIFICATE.json --key KEYFILE"
    })
final class CertificateCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "LOT", description = "Lot id.")
  String lotId;

  @Mixin DataOptions data;

  @Option(names = "--out", paramLabel = "FILE", description = "Output (default: standard out).")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (!data.databaseExists()) {
      throw new Failures.UserError(Main.EXIT_NO_INPUT, "no database at " + data.describe());
    }
    ObjectNode certificate;
    try (var store = data.openStore()) {
      Recorder recorder = Recorder.open(store);
      certificate =
          ProvenanceCertificate.issue(recorder, lotId, Instant.now())
              .orElseThrow(() -> new Failures.UserError(Main.EXIT_DATA, "no lot " + lotId));
    }
    String text = Json.text(certificate) + "\n";
    if (out == null) {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    } else {
      Files.writeString(out, text, StandardCharsets.UTF_8);
      System.err.printf(
          "oretrace: certificate of lot %s (%d events) written to %s%n",
          lotId, certificate.get("events").size(), out);
    }
    return 0;
  }
}
