package org.oretrace.store.watchlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.screening.EntityType;
import org.oretrace.core.screening.WatchListEntry;
import org.oretrace.store.json.Json;

/**
 * Reads OpenSanctions exports in the FollowTheMoney entity format, one JSON object per line: {@code
 * {"id": ..., "schema": "Person", "properties": {"name": [...], ...}}}. Persons, organisations,
 * companies, legal entities, public bodies, vessels and airplanes become entries; the other schemas
 * of an export (sanctions, addresses, ownerships) are skipped. Names come from {@code name}, {@code
 * alias}, {@code weakAlias} and {@code previousName}; facts from {@code birthDate}, {@code
 * nationality}, {@code citizenship}, {@code country}, {@code jurisdiction}, {@code flag}, {@code
 * address} and {@code program}/{@code programId}. Every value is a list of strings, as
 * FollowTheMoney defines. A line that is not JSON, or an entry without id or name, is an error
 * naming the line.
 */
final class FollowTheMoneyReader {

  static final String SOURCE = "OpenSanctions";

  private FollowTheMoneyReader() {}

  static List<WatchListEntry> read(BufferedReader lines, String fileName) throws IOException {
    List<WatchListEntry> entries = new ArrayList<>();
    int lineNumber = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode entity;
      try {
        entity = Json.mapper().readTree(line);
      } catch (JsonProcessingException error) {
        throw error(fileName, lineNumber, "not a JSON object: " + error.getOriginalMessage());
      }
      if (entity == null || !entity.isObject()) {
        throw error(fileName, lineNumber, "not a JSON object");
      }
      EntityType type = type(entity.path("schema").asText(""));
      if (type == null) {
        continue;
      }
      String id = entity.path("id").asText("");
      if (id.isBlank()) {
        throw error(fileName, lineNumber, "entity has no id");
      }
      JsonNode properties = entity.path("properties");
      List<String> names = new ArrayList<>();
      strings(properties, "name", names);
      strings(properties, "alias", names);
      strings(properties, "previousName", names);
      strings(properties, "weakAlias", names);
      if (names.isEmpty()) {
        throw error(fileName, lineNumber, "entity " + id + " has no name");
      }
      List<String> birthDates = new ArrayList<>();
      strings(properties, "birthDate", birthDates);
      List<String> countries = new ArrayList<>();
      for (String property :
          List.of("nationality", "citizenship", "country", "jurisdiction", "flag")) {
        strings(properties, property, countries);
      }
      List<String> addresses = new ArrayList<>();
      strings(properties, "address", addresses);
      List<String> programmes = new ArrayList<>();
      strings(properties, "program", programmes);
      strings(properties, "programId", programmes);
      entries.add(
          new WatchListEntry(
              SOURCE, id, type, names, birthDates, countries, addresses, programmes));
    }
    return entries;
  }

  private static EntityType type(String schema) {
    return switch (schema) {
      case "Person" -> EntityType.PERSON;
      case "Organization", "Company", "LegalEntity", "PublicBody" -> EntityType.ORGANISATION;
      case "Vessel" -> EntityType.VESSEL;
      case "Airplane" -> EntityType.AIRCRAFT;
      default -> null;
    };
  }

  private static void strings(JsonNode properties, String property, List<String> into) {
    JsonNode values = properties.path(property);
    if (values.isArray()) {
      for (JsonNode value : values) {
        if (value.isTextual() && !value.asText().isBlank()) {
          into.add(value.asText().strip());
        }
      }
    } else if (values.isTextual() && !values.asText().isBlank()) {
      into.add(values.asText().strip());
    }
  }

  private static InvalidInputException error(String fileName, int line, String message) {
    return new InvalidInputException(Violation.of(line, fileName, "line " + line + ": " + message));
  }
}
