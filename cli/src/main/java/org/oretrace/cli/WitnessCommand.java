package org.oretrace.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.oretrace.core.ledger.Checkpoint;
import org.oretrace.core.ledger.ConsistencyProof;
import org.oretrace.core.ledger.Cosignature;
import org.oretrace.core.ledger.MerkleHash;
import org.oretrace.core.ledger.MerkleProofs;
import org.oretrace.core.ledger.SignedNote;
import org.oretrace.core.ledger.VerificationException;
import org.oretrace.core.ledger.VerifierKey;
import org.oretrace.core.ledger.WitnessKey;
import org.oretrace.store.Ledger;
import org.oretrace.store.Store;
import org.oretrace.store.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The CLI as a witness of a log (C2SP tlog-witness, pulling): a key of its own, and a cosign step
 * that fetches the log's checkpoint, checks it is signed by the log's key and extends the last one
 * this witness cosigned (by a consistency proof), cosigns it and submits the cosignature. The
 * witness's memory is a state file beside its key ({@code KEYFILE.state}): the log's key, pinned at
 * the first cosigning unless given, and the size and root last cosigned. A log that forked or
 * shrank is refused and the state is left as it was, so the witness never cosigns two histories.
 *
 * <p>On the log's side, {@code add}, {@code remove} and {@code list} keep the witnesses whose
 * cosignatures the server accepts ({@code POST /api/v1/log/cosignatures} refuses any other key).
 */
@Command(
    name = "witness",
    mixinStandardHelpOptions = true,
    description = "Witness a ledger: keep a key, check that the log only grows, cosign it.",
    subcommands = {
      WitnessCommand.Keygen.class,
      WitnessCommand.Cosign.class,
      WitnessCommand.Add.class,
      WitnessCommand.Remove.class,
      WitnessCommand.ListWitnesses.class
    })
final class WitnessCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Writes a new witness key; prints its verifier key to publish. */
  @Command(
      name = "keygen",
      mixinStandardHelpOptions = true,
      description = {
        "Create a witness key (Ed25519, C2SP cosignature/v1) in KEYFILE, readable by its owner"
            + " only.",
        "Prints the verifier key to publish: verifiers count this witness with --witness-key."
      })
  static final class Keygen implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "KEYFILE", description = "Key file.")
    Path out;

    @Option(
        names = "--name",
        required = true,
        paramLabel = "NAME",
        description = "The witness's name, e.g. witness.auditor.example.org.")
    String name;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      if (Files.exists(out)) {
        throw new Failures.UserError(Main.EXIT_USAGE, out + " exists; not overwriting a key");
      }
      WitnessKey key;
      try {
        key = WitnessKey.generate(name);
      } catch (IllegalArgumentException e) {
        throw new Failures.UserError(Main.EXIT_USAGE, "--name: " + e.getMessage());
      }
      if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            out,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      Files.writeString(out, key.toPrivateKeyText() + "\n", StandardCharsets.UTF_8);
      PrintWriter console = spec.commandLine().getOut();
      console.println(key.publicOnly());
      console.flush();
      return 0;
    }
  }

  /** Fetches, checks and cosigns a log's latest checkpoint. */
  @Command(
      name = "cosign",
      mixinStandardHelpOptions = true,
      description = {
        "Fetch the log's checkpoint, check its signature and that it extends the last checkpoint"
            + " this witness cosigned (consistency proof), cosign it and submit the cosignature.",
        "Exit code 0 when cosigned, 65 when the log is refused (bad signature, forked or"
            + " shrunk), 74 when unreachable."
      })
  static final class Cosign implements Callable<Integer> {

    @Option(names = "--log", required = true, paramLabel = "URL", description = "Server URL.")
    URI log;

    @Option(names = "--key", required = true, paramLabel = "KEYFILE", description = "Key file.")
    Path keyFile;

    @Option(
        names = "--log-key",
        paramLabel = "FILE",
        description =
            "The log's verifier key (GET /api/v1/log/key, obtained out of band); default: the key"
                + " pinned in the state file, or the server's at the first cosigning.")
    Path logKeyFile;

    @Option(
        names = "--state",
        paramLabel = "FILE",
        description = "The witness's state (default: KEYFILE.state).")
    Path stateFile;

    @Spec CommandSpec spec;

    private HttpClient client;

    @Override
    public Integer call() throws IOException {
      WitnessKey key;
      try {
        key = WitnessKey.parsePrivate(InputFiles.text(keyFile).strip());
      } catch (IllegalArgumentException e) {
        throw new Failures.UserError(
            Main.EXIT_DATA, keyFile + " is not a witness key: " + e.getMessage());
      }
      Path state = stateFile != null ? stateFile : Path.of(keyFile + ".state");
      JsonNode previous = Files.exists(state) ? FieldCommand.readJson(state) : null;
      client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      VerifierKey logKey = logKey(previous);

      SignedNote note;
      Checkpoint checkpoint;
      try {
        note = SignedNote.parse(get("/api/v1/log/checkpoint"));
        note.verify(List.of(logKey));
        checkpoint = Checkpoint.fromNoteBody(note.body());
      } catch (IllegalArgumentException | VerificationException e) {
        return refuse("the checkpoint does not verify with " + logKey.name() + ": " + e);
      }
      if (!checkpoint.origin().equals(logKey.name())) {
        return refuse("the checkpoint is of log " + checkpoint.origin() + ", not " + logKey.name());
      }
      if (previous != null && previous.has("size")) {
        String problem = consistency(previous, checkpoint);
        if (problem != null) {
          return refuse(problem);
        }
      }
      if (checkpoint.size() == 0) {
        return refuse("the log is empty; there is nothing to cosign");
      }
      Cosignature cosignature = Cosignature.sign(note.body(), key, Instant.now().getEpochSecond());
      ObjectNode submission = Json.object();
      submission.put("witnessKey", key.publicOnly().toString());
      submission.put("treeSize", checkpoint.size());
      submission.put("cosignature", cosignature.toLine());
      HttpResponse<String> response = post("/api/v1/log/cosignatures", submission);
      if (response.statusCode() != 201) {
        PrintWriter err = spec.commandLine().getErr();
        err.printf(
            "oretrace: the log refused the cosignature (%d): %s%n",
            response.statusCode(), response.body());
        err.flush();
        return response.statusCode() >= 500 ? Main.EXIT_IO : Main.EXIT_DATA;
      }
      saveState(state, logKey, checkpoint);
      PrintWriter console = spec.commandLine().getOut();
      console.printf(
          "cosigned %s at size %,d (root %s)%n%s%n",
          checkpoint.origin(),
          checkpoint.size(),
          checkpoint.rootHash().toBase64(),
          cosignature.toLine());
      console.flush();
      return 0;
    }

    /** The log key: given, else pinned in the state, else the server's (then pinned). */
    private VerifierKey logKey(JsonNode previous) {
      String pinned = previous == null ? null : previous.path("logKey").asText(null);
      try {
        if (logKeyFile != null) {
          VerifierKey given = VerifierKey.parse(InputFiles.text(logKeyFile).strip());
          if (pinned != null && !pinned.equals(given.toString())) {
            throw new Failures.UserError(
                Main.EXIT_DATA,
                "--log-key differs from the key this witness cosigned with before ("
                    + pinned
                    + ")");
          }
          return given;
        }
        return VerifierKey.parse(pinned != null ? pinned : get("/api/v1/log/key").strip());
      } catch (IllegalArgumentException e) {
        throw new Failures.UserError(Main.EXIT_DATA, "not a log verifier key: " + e.getMessage());
      }
    }

    /** Null when {@code checkpoint} extends the one in the state, else why not. */
    private String consistency(JsonNode previous, Checkpoint checkpoint) {
      long oldSize = previous.path("size").asLong();
      MerkleHash oldRoot = MerkleHash.fromBase64(previous.path("rootHash").asText());
      if (checkpoint.size() < oldSize) {
        return "the log shrank from "
            + oldSize
            + " to "
            + checkpoint.size()
            + " entries since this witness cosigned it";
      }
      if (checkpoint.size() == oldSize) {
        return checkpoint.rootHash().equals(oldRoot)
            ? null
            : "the log has another root at size " + oldSize + " than the one cosigned: a fork";
      }
      try {
        JsonNode proof =
            Json.parse(
                get("/api/v1/log/proof/consistency?from=" + oldSize + "&to=" + checkpoint.size())
                    .getBytes(StandardCharsets.UTF_8));
        List<MerkleHash> hashes = new ArrayList<>();
        proof.path("hashes").forEach(hash -> hashes.add(MerkleHash.fromBase64(hash.asText())));
        MerkleProofs.verifyConsistency(
            new ConsistencyProof(oldSize, checkpoint.size(), hashes),
            oldRoot,
            checkpoint.rootHash());
        return null;
      } catch (VerificationException | IllegalArgumentException e) {
        return "the checkpoint of size "
            + checkpoint.size()
            + " does not extend the one of size "
            + oldSize
            + " this witness cosigned: "
            + e.getMessage();
      }
    }

    private int refuse(String why) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("oretrace: not cosigning: " + why);
      err.flush();
      return Main.EXIT_DATA;
    }

    private static void saveState(Path state, VerifierKey logKey, Checkpoint checkpoint)
        throws IOException {
      ObjectNode node = Json.object();
      node.put("logKey", logKey.toString());
      node.put("size", checkpoint.size());
      node.put("rootHash", checkpoint.rootHash().toBase64());
      Path temporary = state.resolveSibling(state.getFileName() + ".tmp");
      Files.writeString(temporary, Json.text(node) + "\n", StandardCharsets.UTF_8);
      Files.move(
          temporary, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private String get(String path) {
      HttpResponse<String> response =
          send(HttpRequest.newBuilder(log.resolve(path)).timeout(Duration.ofSeconds(60)).GET());
      if (response.statusCode() != 200) {
        throw new Failures.UserError(
            response.statusCode() >= 500 ? Main.EXIT_IO : Main.EXIT_DATA,
            "GET " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    }

    private HttpResponse<String> post(String path, JsonNode body) {
      return send(
          HttpRequest.newBuilder(log.resolve(path))
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body))));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return client.send(
            request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(
            new IOException("cannot reach " + log + ": " + e.getMessage(), e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Failures.UserError(Main.EXIT_IO, "interrupted");
      }
    }
  }

  /** Reads a witness's verifier key (the line {@code keygen} printed) from a file. */
  static WitnessKey readWitnessKey(Path file) {
    try {
      return WitnessKey.parse(InputFiles.text(file).strip());
    } catch (IllegalArgumentException e) {
      throw new Failures.UserError(
          Main.EXIT_DATA, file + " is not a witness's verifier key: " + e.getMessage());
    }
  }

  /**
   * What add and remove share: every KEYFILE is read before the store is opened (a bad file changes
   * nothing), then each key changes the store in turn and its outcome is printed, a line a key.
   */
  abstract static class KeyFileCommand implements Callable<Integer> {

    @Mixin DataOptions data;

    @Parameters(arity = "1..*", paramLabel = "KEYFILE", description = "Witness verifier keys.")
    List<Path> keyFiles = new ArrayList<>();

    @Spec CommandSpec spec;

    /** Changes the store for one witness; returns the line that says what it did. */
    abstract String change(Store store, WitnessKey key);

    @Override
    public final Integer call() {
      List<WitnessKey> keys = keyFiles.stream().map(WitnessCommand::readWitnessKey).toList();
      PrintWriter console = spec.commandLine().getOut();
      try (Store store = data.openStore()) {
        for (WitnessKey key : keys) {
          console.println(change(store, key));
        }
      }
      console.flush();
      return 0;
    }
  }

  /** Accepts cosignatures from a witness. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Accept cosignatures from the witness whose verifier key (the line witness keygen"
            + " printed) is in KEYFILE; the server refuses every other key (403).",
        "At most " + Ledger.MAX_WITNESSES + " witnesses; each keeps its newest cosignature."
      })
  static final class Add extends KeyFileCommand {

    @Override
    String change(Store store, WitnessKey key) {
      boolean added;
      try {
        added = store.ledger().addWitness(key);
      } catch (IllegalArgumentException e) {
        throw new Failures.UserError(Main.EXIT_DATA, e.getMessage());
      }
      return (added ? "accepted " : "already accepted ") + key;
    }
  }

  /** Stops accepting cosignatures from a witness. */
  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Stop accepting cosignatures from the witness in KEYFILE; forget the one kept.")
  static final class Remove extends KeyFileCommand {

    @Override
    String change(Store store, WitnessKey key) {
      return (store.ledger().removeWitness(key) ? "removed " : "not accepted ") + key;
    }
  }

  /** Lists the witnesses whose cosignatures are accepted. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "List the witnesses whose cosignatures the log accepts, one verifier key a line.")
  static final class ListWitnesses implements Callable<Integer> {

    @Mixin DataOptions data;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      if (!data.databaseExists()) {
        throw new Failures.UserError(Main.EXIT_NO_INPUT, "no database at " + data.describe());
      }
      PrintWriter console = spec.commandLine().getOut();
      try (Store store = data.openStore()) {
        store.ledger().witnesses().forEach(console::println);
      }
      console.flush();
      return 0;
    }
  }
}
