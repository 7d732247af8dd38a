package org.oretrace.store.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.oretrace.core.Country;
import org.oretrace.core.GeoPoint;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.ActorKind;
import org.oretrace.core.registry.ArmedGroupPresence;
import org.oretrace.core.registry.IcglrStatus;
import org.oretrace.core.registry.Licence;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Site;

/** The JSON form of mine sites and actors, decoded strictly with every violation reported. */
public final class RegistryJson {

  private static final Set<String> SITE_FIELDS =
      Set.of(
          "id",
          "name",
          "country",
          "location",
          "minerals",
          "capacityKgPerMonth",
          "icglrStatus",
          "armedGroupPresence",
          "cahra");
  private static final Set<String> ACTOR_FIELDS =
      Set.of("id", "name", "kind", "country", "location", "licence");

  private RegistryJson() {}

  public static List<Site> decodeSites(JsonNode array) {
    return decodeAll(array, "sites", RegistryJson::decodeSite);
  }

  public static Site decodeSite(JsonNode node) {
    return decodeSites(Json.array().add(node)).getFirst();
  }

  public static Actor decodeActor(JsonNode node) {
    return decodeActors(Json.array().add(node)).getFirst();
  }

  public static List<Actor> decodeActors(JsonNode array) {
    return decodeAll(array, "actors", RegistryJson::decodeActor);
  }

  private static <T> List<T> decodeAll(
      JsonNode array, String what, BiFunction<FieldReader, Void, T> decoder) {
    if (array == null || !array.isArray()) {
      throw InvalidInputException.of("", "the body must be a JSON array of " + what);
    }
    List<Violation> violations = new ArrayList<>();
    List<T> decoded = new ArrayList<>();
    for (int item = 0; item < array.size(); item++) {
      FieldReader fields = new FieldReader(array.get(item), item, "", violations);
      if (fields.ok()) {
        T value = decoder.apply(fields, null);
        if (value != null && fields.ok()) {
          decoded.add(value);
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return decoded;
  }

  private static Site decodeSite(FieldReader fields, Void unused) {
    fields.rejectUnknown(SITE_FIELDS);
    String id = fields.id("id");
    String name = fields.text("name");
    Country country = fields.country("country");
    GeoPoint location = fields.place("location");
    Set<Mineral> minerals = EnumSet.noneOf(Mineral.class);
    List<JsonNode> mineralNodes = fields.array("minerals");
    if (mineralNodes != null) {
      for (int index = 0; index < mineralNodes.size(); index++) {
        String field = "minerals/" + index;
        Mineral mineral =
            fields.convert(field, mineralNodes.get(index).asText(), Mineral::fromWireName);
        if (mineral != null) {
          minerals.add(mineral);
        }
      }
    }
    Map<Mineral, Long> capacities = new EnumMap<>(Mineral.class);
    if (fields.has("capacityKgPerMonth")) {
      FieldReader capacity = fields.nested("capacityKgPerMonth");
      JsonNode capacityNode = fields.rawObject("capacityKgPerMonth");
      if (capacityNode != null) {
        Iterator<String> names = capacityNode.fieldNames();
        while (names.hasNext()) {
          String name2 = names.next();
          Mineral mineral = capacity.convert(name2, name2, Mineral::fromWireName);
          Long kilograms = capacity.wholeNumber(name2, 0);
          if (mineral != null && kilograms != null) {
            capacities.put(mineral, kilograms);
          }
        }
      }
    }
    IcglrStatus status = fields.enumeration("icglrStatus", IcglrStatus::fromWireName);
    ArmedGroupPresence presence =
        fields.has("armedGroupPresence")
            ? fields.enumeration("armedGroupPresence", ArmedGroupPresence::fromWireName)
            : ArmedGroupPresence.NONE;
    Boolean cahra = fields.bool("cahra", false);
    if (!fields.ok()) {
      return null;
    }
    return fields.convert(
        "",
        id,
        value ->
            new Site(
                value, name, country, location, minerals, capacities, status, presence, cahra));
  }

  private static Actor decodeActor(FieldReader fields, Void unused) {
    fields.rejectUnknown(ACTOR_FIELDS);
    String id = fields.id("id");
    String name = fields.text("name");
    ActorKind kind = fields.enumeration("kind", ActorKind::fromWireName);
    Country country = fields.country("country");
    GeoPoint location = fields.has("location") ? fields.place("location") : null;
    Licence licence = null;
    if (fields.has("licence")) {
      FieldReader licenceFields = fields.nested("licence");
      licenceFields.rejectUnknown(Set.of("number", "validFrom", "validUntil"));
      String number = licenceFields.text("number");
      LocalDate from = licenceFields.date("validFrom");
      LocalDate until = licenceFields.date("validUntil");
      if (licenceFields.ok()) {
        licence = licenceFields.convert("", number, value -> new Licence(value, from, until));
      }
    }
    if (!fields.ok()) {
      return null;
    }
    Licence finalLicence = licence;
    return fields.convert(
        "", id, value -> new Actor(value, name, kind, country, location, finalLicence));
  }

  // ---- encoding

  public static ArrayNode encodeSites(List<Site> sites) {
    ArrayNode array = Json.array();
    sites.forEach(site -> array.add(encode(site)));
    return array;
  }

  public static ArrayNode encodeActors(List<Actor> actors) {
    ArrayNode array = Json.array();
    actors.forEach(actor -> array.add(encode(actor)));
    return array;
  }

  public static ObjectNode encode(Site site) {
    ObjectNode node = Json.object();
    node.put("id", site.id());
    node.put("name", site.name());
    node.put("country", site.country().code());
    node.set("location", EventJson.place(site.location()));
    ArrayNode minerals = node.putArray("minerals");
    site.minerals().stream().sorted().forEach(mineral -> minerals.add(mineral.wireName()));
    ObjectNode capacity = node.putObject("capacityKgPerMonth");
    site.capacityKilogramsPerMonth().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(entry -> capacity.put(entry.getKey().wireName(), entry.getValue()));
    node.put("icglrStatus", site.icglrStatus().wireName());
    node.put("armedGroupPresence", site.armedGroupPresence().wireName());
    node.put("cahra", site.cahra());
    return node;
  }

  public static ObjectNode encode(Actor actor) {
    ObjectNode node = Json.object();
    node.put("id", actor.id());
    node.put("name", actor.name());
    node.put("kind", actor.kind().wireName());
    node.put("country", actor.country().code());
    if (actor.location() != null) {
      node.set("location", EventJson.place(actor.location()));
    }
    if (actor.licence() != null) {
      node.putObject("licence")
          .put("number", actor.licence().number())
          .put("validFrom", actor.licence().validFrom().toString())
          .put("validUntil", actor.licence().validUntil().toString());
    }
    return node;
  }
}
