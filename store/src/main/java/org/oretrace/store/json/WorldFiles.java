package org.oretrace.store.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Registry;
import org.oretrace.core.registry.Site;

/**
 * The file layout of a world, as the simulator writes it and {@code oretrace import} reads it: a
 * folder with {@code sites.json} and {@code actors.json} (JSON arrays) and {@code events.ndjson}
 * (one event a line, in application order), and from the simulator {@code ground-truth.json} (the
 * schemes it planted). Single files are read too: a JSON array of events, a JSON object {@code
 * {"sites":[...],"actors":[...],"events":[...]}}, or NDJSON events.
 */
public final class WorldFiles {

  public static final String SITES = "sites.json";
  public static final String ACTORS = "actors.json";
  public static final String EVENTS = "events.ndjson";

  /** The simulator's record of the schemes it planted; ignored on import. */
  public static final String GROUND_TRUTH = "ground-truth.json";

  private WorldFiles() {}

  /** What a world file or folder holds. */
  public record Contents(List<Site> sites, List<Actor> actors, List<CustodyEvent> events) {
    public Contents {
      sites = List.copyOf(requireNonNull(sites, "sites is null"));
      actors = List.copyOf(requireNonNull(actors, "actors is null"));
      events = List.copyOf(requireNonNull(events, "events is null"));
    }

    /** A registry with these sites and actors over another one (which they override). */
    public Registry registryOver(Registry base) {
      Map<String, Site> siteById = new HashMap<>();
      sites.forEach(site -> siteById.put(site.id(), site));
      Map<String, Actor> actorById = new HashMap<>();
      actors.forEach(actor -> actorById.put(actor.id(), actor));
      return new Registry() {
        @Override
        public Optional<Site> site(String id) {
          Site site = siteById.get(id);
          return site != null ? Optional.of(site) : base.site(id);
        }

        @Override
        public Optional<Actor> actor(String id) {
          Actor actor = actorById.get(id);
          return actor != null ? Optional.of(actor) : base.actor(id);
        }
      };
    }
  }

  public static Contents read(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      List<Site> sites =
          Files.exists(path.resolve(SITES))
              ? RegistryJson.decodeSites(readJson(path.resolve(SITES)))
              : List.of();
      List<Actor> actors =
          Files.exists(path.resolve(ACTORS))
              ? RegistryJson.decodeActors(readJson(path.resolve(ACTORS)))
              : List.of();
      List<CustodyEvent> events =
          Files.exists(path.resolve(EVENTS)) ? readNdjson(path.resolve(EVENTS)) : List.of();
      return new Contents(sites, actors, events);
    }
    String name = path.getFileName().toString();
    if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
      return new Contents(List.of(), List.of(), readNdjson(path));
    }
    byte[] bytes = Files.readAllBytes(path);
    if (startsWithArray(bytes)) {
      // An array of events: decoded as the API decodes a batch, without a tree of the whole file.
      return new Contents(List.of(), List.of(), EventJson.decodeBatch(bytes));
    }
    JsonNode root = Json.parse(bytes);
    if (root.isArray()) {
      return new Contents(List.of(), List.of(), EventJson.decodeBatch(root));
    }
    if (root.isObject()) {
      return new Contents(
          root.has("sites") ? RegistryJson.decodeSites(root.get("sites")) : List.of(),
          root.has("actors") ? RegistryJson.decodeActors(root.get("actors")) : List.of(),
          root.has("events") ? EventJson.decodeBatch(root.get("events")) : List.of());
    }
    throw InvalidInputException.of(
        "", path + " holds neither an array of events nor a world object");
  }

  /** Writes a world folder, creating it when needed. */
  public static void write(
      Path folder, List<Site> sites, List<Actor> actors, List<CustodyEvent> events)
      throws IOException {
    Files.createDirectories(folder);
    Json.mapper()
        .writerWithDefaultPrettyPrinter()
        .writeValue(folder.resolve(SITES).toFile(), RegistryJson.encodeSites(sites));
    Json.mapper()
        .writerWithDefaultPrettyPrinter()
        .writeValue(folder.resolve(ACTORS).toFile(), RegistryJson.encodeActors(actors));
    try (BufferedWriter writer =
        Files.newBufferedWriter(folder.resolve(EVENTS), StandardCharsets.UTF_8)) {
      for (CustodyEvent event : events) {
        writer.write(Json.text(EventJson.encode(event)));
        writer.write('\n');
      }
    }
  }

  /** Writes one more JSON document of a world, such as {@link #GROUND_TRUTH}, into its folder. */
  public static void writeDocument(Path folder, String name, JsonNode document) throws IOException {
    Files.createDirectories(folder);
    Json.mapper()
        .writerWithDefaultPrettyPrinter()
        .writeValue(folder.resolve(name).toFile(), document);
  }

  /** Whether the first character other than white space is {@code [}. */
  private static boolean startsWithArray(byte[] bytes) {
    for (byte character : bytes) {
      if (character != ' ' && character != '\t' && character != '\n' && character != '\r') {
        return character == '[';
      }
    }
    return false;
  }

  private static JsonNode readJson(Path file) throws IOException {
    return Json.parse(Files.readAllBytes(file));
  }

  /**
   * Reads NDJSON events. A violation's item is the event's position among the events (from 0, the
   * same numbering the structural check uses), and its message names the line.
   */
  private static List<CustodyEvent> readNdjson(Path file) throws IOException {
    List<CustodyEvent> events = new ArrayList<>();
    List<Violation> violations = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNumber = 0;
      int item = -1;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        item++;
        try {
          events.add(EventJson.decode(line.getBytes(StandardCharsets.UTF_8), item));
        } catch (InvalidInputException e) {
          String where = " (line " + lineNumber + ")";
          for (Violation violation : e.violations()) {
            violations.add(Violation.of(item, violation.field(), violation.message() + where));
          }
          if (violations.size() > 1000) {
            break;
          }
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return events;
  }
}
