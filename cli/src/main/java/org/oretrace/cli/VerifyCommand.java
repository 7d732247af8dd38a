package org.oretrace.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.ledger.Checkpoint;
import org.oretrace.core.ledger.SignedNote;
import org.oretrace.core.ledger.VerifierKey;
import org.oretrace.core.ledger.WitnessKey;
import org.oretrace.store.Ledger;
import org.oretrace.store.Store;
import org.oretrace.store.certificate.CertificateReport;
import org.oretrace.store.certificate.CertificateVerifier;
import org.oretrace.store.json.Json;
import org.oretrace.store.ledger.LedgerVerifier;
import org.oretrace.store.ledger.LogKeyFile;
import org.oretrace.store.ledger.VerificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Recomputes the ledger from the stored events and checks it against the stored tree and the signed
 * checkpoint (docs/ledger.md); names every changed, removed, reordered or inserted event by its
 * position. Exit code 0 when all agree, 65 otherwise.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Check that the stored events are exactly those the signed ledger commits to, or, given a"
          + " CERTIFICATE file, check a provenance certificate offline.",
      "Exit code 0 when all is well, 65 when anything was changed, removed, reordered or"
          + " inserted. By default the key in the data folder is trusted; give --key (the text"
          + " of GET /api/v1/log/key, kept elsewhere) and --checkpoint (a checkpoint saved"
          + " earlier) to also catch someone who holds the data folder and its key."
    })
final class VerifyCommand implements Callable<Integer> {

  private static final int MAX_FINDINGS_SHOWN = 50;

  @Mixin DataOptions data;

  @Option(
      names = "--key",
      paramLabel = "FILE",
      description = "File with the verifier key to trust (default: the data folder's log key).")
  Path keyFile;

  @Option(
      names = "--checkpoint",
      paramLabel = "FILE",
      description = "A signed checkpoint kept elsewhere, to check as well (repeatable).")
  List<Path> checkpointFiles = new ArrayList<>();

  @Option(
      names = "--witness-key",
      paramLabel = "FILE",
      description =
          "A witness's verifier key to count (repeatable): its cosignature kept by the log must"
              + " verify over a checkpoint that the stored log agrees with.")
  List<Path> witnessKeyFiles = new ArrayList<>();

  @Option(
      names = "--witnesses",
      paramLabel = "N",
      description = "How many of the --witness-key witnesses must have cosigned (default: all).")
  Integer requiredWitnesses;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "CERTIFICATE",
      description = "A provenance certificate to check offline instead of the data folder.")
  Path certificateFile;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (certificateFile != null) {
      return verifyCertificate();
    }
    if (!data.databaseExists()) {
      throw new Failures.UserError(Main.EXIT_NO_INPUT, "no database at " + data.describe());
    }
    VerifierKey key = trustedKey();
    List<SignedNote> held = new ArrayList<>();
    for (Path file : checkpointFiles) {
      try {
        held.add(SignedNote.parse(InputFiles.text(file)));
      } catch (IllegalArgumentException e) {
        throw new Failures.UserError(
            Main.EXIT_DATA, file + " is not a signed note: " + e.getMessage());
      }
    }
    List<WitnessKey> witnesses = witnessKeys();
    int required = requiredWitnesses == null ? witnesses.size() : requiredWitnesses;
    if (required < 0 || required > witnesses.size()) {
      throw new Failures.UserError(
          Main.EXIT_USAGE,
          "--witnesses must be from 0 to the number of --witness-key given ("
              + witnesses.size()
              + ")");
    }
    PrintWriter out = spec.commandLine().getOut();
    VerificationReport report;
    List<String> cosigned = new ArrayList<>();
    try (Store store = data.openStore()) {
      // A witness counts when its cosignature verifies over a checkpoint signed by the log; the
      // checkpoint is then held like --checkpoint, so the stored log must agree with it too.
      for (Ledger.WitnessCosignature kept : store.ledger().cosignatures()) {
        for (WitnessKey witness : witnesses) {
          if (kept.witness().equals(witness)
              && kept.cosignature().verifies(kept.checkpoint().body(), witness)) {
            held.add(kept.checkpoint());
            cosigned.add(
                witness.name()
                    + " at size "
                    + Checkpoint.fromNoteBody(kept.checkpoint().body()).size());
          }
        }
      }
      long positions = store.ledger().size();
      Progress progress = new Progress(System.err, "verifying", positions);
      report = new LedgerVerifier(store.ledger(), key).verify(held, progress::update);
      progress.finish(report.events() + report.records());
    }
    if (!witnesses.isEmpty()) {
      out.printf(
          "witnesses: %d of %d known witnesses cosigned%s (%d required)%n",
          cosigned.size(),
          witnesses.size(),
          cosigned.isEmpty() ? "" : ": " + String.join(", ", cosigned),
          required);
    }
    if (report.ok() && cosigned.size() < required) {
      out.printf(
          "ledger does NOT verify: %d known witnesses cosigned it, %d required%n",
          cosigned.size(), required);
      out.flush();
      return Main.EXIT_DATA;
    }
    if (report.ok()) {
      out.printf(
          "ledger verified: %,d events, %,d records, %,d log entries, checkpoint of size %,d"
              + " signed by %s%n",
          report.events(), report.records(), report.logSize(), report.checkpointSize(), key.name());
      out.flush();
      return 0;
    }
    out.printf(
        "ledger does NOT verify: %,d problems (%,d events, %,d records, %,d log entries,"
            + " checkpoint size %s)%n",
        report.findings().size(),
        report.events(),
        report.records(),
        report.logSize(),
        report.checkpointSize() < 0 ? "unknown" : String.format("%,d", report.checkpointSize()));
    report.findings().stream()
        .limit(MAX_FINDINGS_SHOWN)
        .forEach(finding -> out.println("  " + finding));
    if (report.findings().size() > MAX_FINDINGS_SHOWN) {
      out.printf("  ... and %,d more%n", report.findings().size() - MAX_FINDINGS_SHOWN);
    }
    out.flush();
    return Main.EXIT_DATA;
  }

  /** Checks a provenance certificate and says plainly what it proves and what it cannot. */
  private int verifyCertificate() {
    VerifierKey key = null;
    if (keyFile != null) {
      try {
        key = VerifierKey.parse(InputFiles.text(keyFile).strip());
      } catch (IllegalArgumentException e) {
        throw new Failures.UserError(
            Main.EXIT_DATA, keyFile + " is not a verifier key: " + e.getMessage());
      }
    }
    JsonNode certificate;
    try {
      certificate = Json.parse(InputFiles.text(certificateFile).getBytes(StandardCharsets.UTF_8));
    } catch (InvalidInputException e) {
      throw new Failures.UserError(
          Main.EXIT_DATA, certificateFile + " is not JSON: " + e.getMessage());
    }
    CertificateReport report = CertificateVerifier.verify(certificate, key);
    PrintWriter out = spec.commandLine().getOut();
    if (!report.ok()) {
      out.printf(
          "certificate of lot %s does NOT verify: %d problems%n",
          report.lotId(), report.failures().size());
      report.failures().forEach(line -> out.println("  " + line));
      out.flush();
      return Main.EXIT_DATA;
    }
    out.printf(
        "certificate of lot %s verified: %d events, each proven against the checkpoint of size"
            + " %,d signed by %s%n",
        report.lotId(), report.events(), report.checkpointSize(), report.keyName());
    if (!report.keyGiven()) {
      out.println(
          "  (checked with the key inside the certificate: give --key with the log's published"
              + " verifier key to know it comes from that log)");
    }
    out.println("origins:");
    report.origins().forEach(line -> out.println("  " + line));
    out.println("custody chain:");
    report.custody().forEach(line -> out.println("  " + line));
    out.println("this proves:");
    CertificateReport.PROVES.forEach(line -> out.println("  - " + line));
    out.println("it cannot prove:");
    CertificateReport.CANNOT_PROVE.forEach(line -> out.println("  - " + line));
    out.flush();
    return 0;
  }

  private List<WitnessKey> witnessKeys() {
    List<WitnessKey> keys = new ArrayList<>();
    for (Path file : witnessKeyFiles) {
      try {
        keys.add(WitnessKey.parse(InputFiles.text(file).strip()));
      } catch (IllegalArgumentException e) {
        throw new Failures.UserError(
            Main.EXIT_DATA, file + " is not a witness verifier key: " + e.getMessage());
      }
    }
    return keys;
  }

  private VerifierKey trustedKey() {
    if (keyFile != null) {
      try {
        return VerifierKey.parse(InputFiles.text(keyFile).strip());
      } catch (IllegalArgumentException e) {
        throw new Failures.UserError(
            Main.EXIT_DATA, keyFile + " is not a verifier key: " + e.getMessage());
      }
    }
    Path logKey = data.data.resolve(LogKeyFile.FILE_NAME);
    if (!Files.exists(logKey)) {
      throw new Failures.UserError(
          Main.EXIT_NO_INPUT, "no log key at " + logKey + "; give the verifier key with --key");
    }
    return LogKeyFile.load(logKey).verifierKey();
  }
}
