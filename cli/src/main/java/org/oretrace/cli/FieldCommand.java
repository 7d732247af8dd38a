package org.oretrace.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.field.DeviceKey;
import org.oretrace.store.field.SignedBatch;
import org.oretrace.store.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The command line as a field device (docs/field-capture.md): make a key, sign a batch offline,
 * upload it later. A phone application does the same three things; this lets the flow be tried, and
 * tested, without one.
 */
@Command(
    name = "field",
    mixinStandardHelpOptions = true,
    description = "Act as a field device: keygen, sign a batch offline, upload it.",
    subcommands = {FieldCommand.Keygen.class, FieldCommand.Sign.class, FieldCommand.Upload.class})
final class FieldCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Writes a new device key; prints the public key to register. */
  @Command(
      name = "keygen",
      mixinStandardHelpOptions = true,
      description = {
        "Create a device key (Ed25519) in KEYFILE, readable by its owner only.",
        "Prints the public key to register with POST /api/v1/devices."
      })
  static final class Keygen implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "KEYFILE", description = "Key file.")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      if (Files.exists(out)) {
        throw new Failures.UserError(Main.EXIT_USAGE, out + " exists; not overwriting a key");
      }
      DeviceKey key = DeviceKey.generate();
      ObjectNode file = Json.object();
      file.put("algorithm", "Ed25519");
      file.put("privateKey", key.seedBase64());
      file.put("publicKey", key.publicKey().toString());
      if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            out,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      Files.writeString(out, Json.text(file) + "\n", StandardCharsets.UTF_8);
      PrintWriter console = spec.commandLine().getOut();
      console.println(key.publicKey());
      console.flush();
      return 0;
    }
  }

  /** Signs a batch with a device key. */
  @Command(
      name = "sign",
      mixinStandardHelpOptions = true,
      description = {
        "Sign a batch of events as device ID. BATCH is a JSON array of events, or an object"
            + " {\"batchId\", \"events\"}; a batch id is made up when absent.",
        "Every event needs an id, and recordedBy must be the device id."
      })
  static final class Sign implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BATCH", description = "The batch file.")
    Path batchFile;

    @Option(names = "--key", required = true, paramLabel = "KEYFILE", description = "Key file.")
    Path keyFile;

    @Option(names = "--device", required = true, paramLabel = "ID", description = "Device id.")
    String deviceId;

    @Option(names = "--out", paramLabel = "FILE", description = "Output (default: standard out).")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      JsonNode batch = readJson(batchFile);
      String batchId = UUID.randomUUID().toString();
      JsonNode events = batch;
      if (batch.isObject()) {
        events = batch.get("events");
        if (batch.hasNonNull("batchId")) {
          batchId = batch.get("batchId").asText();
        }
      }
      if (events == null || !events.isArray() || events.isEmpty()) {
        throw new Failures.UserError(
            Main.EXIT_DATA, batchFile + " holds no events (an array, or an object with events)");
      }
      DeviceKey key = readKey(keyFile);
      SignedBatch signed;
      try {
        signed = SignedBatch.sign(batchId, deviceId, (ArrayNode) events, key);
      } catch (IllegalArgumentException e) {
        throw new Failures.UserError(Main.EXIT_USAGE, e.getMessage());
      }
      String text = Json.text(signed.encode()) + "\n";
      if (out == null) {
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
      } else {
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.err.printf(
            "oretrace: batch %s of %d events signed by %s into %s%n",
            batchId, events.size(), deviceId, out);
      }
      return 0;
    }
  }

  /** Uploads a signed batch. */
  @Command(
      name = "upload",
      mixinStandardHelpOptions = true,
      description = {
        "Upload a signed batch to a server. Uploading the same batch again is safe: the server"
            + " answers as the first time and records nothing.",
        "Exit code 0 when recorded (or already recorded), 65 when refused, 74 when unreachable."
      })
  static final class Upload implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SIGNED", description = "The signed batch file.")
    Path signedFile;

    @Option(names = "--server", required = true, paramLabel = "URL", description = "Server URL.")
    URI server;

    @Option(
        names = "--token",
        required = true,
        paramLabel = "TOKEN",
        description = "API token allowed to record events.")
    String token;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      JsonNode signed = readJson(signedFile);
      try {
        SignedBatch.decode(signed);
      } catch (InvalidInputException e) {
        throw new Failures.UserError(
            Main.EXIT_DATA, signedFile + " is not a signed batch: " + e.getMessage());
      }
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      HttpRequest request =
          HttpRequest.newBuilder(server.resolve("/api/v1/field/batches"))
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer " + token)
              .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(signed)))
              .build();
      HttpResponse<String> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(
            new IOException("cannot reach " + server + ": " + e.getMessage(), e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Failures.UserError(Main.EXIT_IO, "interrupted");
      }
      PrintWriter console = spec.commandLine().getOut();
      JsonNode body = Json.parse(response.body().getBytes(StandardCharsets.UTF_8));
      if (response.statusCode() == 201) {
        boolean replayed = response.headers().firstValue("Idempotent-Replayed").isPresent();
        console.printf(
            "batch %s %s: %d events%n",
            body.path("batchId").asText(),
            replayed ? "was already recorded (nothing written)" : "recorded",
            body.path("count").asInt());
        console.flush();
        return 0;
      }
      PrintWriter err = spec.commandLine().getErr();
      err.printf(
          "oretrace: refused (%d): %s%n", response.statusCode(), body.path("detail").asText());
      body.path("errors")
          .forEach(
              error ->
                  err.println(
                      "  " + error.path("field").asText() + ": " + error.path("message").asText()));
      err.flush();
      return response.statusCode() >= 500 ? Main.EXIT_IO : Main.EXIT_DATA;
    }
  }

  static JsonNode readJson(Path file) {
    InputFiles.requireFile(file);
    try {
      return Json.parse(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InvalidInputException e) {
      throw new Failures.UserError(Main.EXIT_DATA, file + " is not JSON: " + e.getMessage());
    }
  }

  static DeviceKey readKey(Path file) {
    JsonNode key = readJson(file);
    try {
      DeviceKey loaded = DeviceKey.parse(key.path("privateKey").asText());
      if (key.has("publicKey")
          && !loaded.publicKey().toString().equals(key.get("publicKey").asText())) {
        throw new IllegalArgumentException("its public key does not match its private key");
      }
      return loaded;
    } catch (IllegalArgumentException e) {
      throw new Failures.UserError(
          Main.EXIT_DATA, file + " is not a device key: " + e.getMessage());
    }
  }
}
