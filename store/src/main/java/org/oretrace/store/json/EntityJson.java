package org.oretrace.store.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.oretrace.core.Country;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.entities.Party;
import org.oretrace.core.entities.PartyKind;
import org.oretrace.core.entities.Relation;
import org.oretrace.core.entities.RelationKind;

/**
 * The JSON form of parties (persons and companies behind actors) and of an actor's owners and
 * directors: one object per relation with the party inside, decoded strictly with every violation
 * reported.
 *
 * <pre>
 * {"relation": "ownership", "sharePercent": 60, "since": "2020-01-01",
 *  "party": {"id": "p-1", "kind": "person", "name": "Jean Bosco", "country": "CD",
 *            "birthYear": 1971, "addresses": [], "phones": [], "registrationNumbers": []}}
 * </pre>
 *
 * <p>A payment, family or associate relation is created one at a time, with the parties it
 * introduces:
 *
 * <pre>
 * {"relation": "payment", "partyId": "TRADER-1", "subjectId": "p-9", "amount": 25000,
 *  "currency": "USD", "role": "consultancy", "since": "2024-03-01",
 *  "parties": [{"id": "p-9", "kind": "person", "name": "Jean Bosco"}]}
 * </pre>
 */
public final class EntityJson {

  private static final Set<String> OWNER_FIELDS =
      Set.of("relation", "sharePercent", "role", "since", "until", "party");
  private static final Set<String> PARTY_FIELDS =
      Set.of(
          "id",
          "kind",
          "name",
          "country",
          "birthYear",
          "addresses",
          "phones",
          "registrationNumbers");
  private static final Set<String> RELATION_FIELDS =
      Set.of(
          "relation",
          "partyId",
          "subjectId",
          "sharePercent",
          "role",
          "since",
          "until",
          "amount",
          "currency");
  private static final Set<String> NEW_RELATION_FIELDS =
      Set.of(
          "relation",
          "partyId",
          "subjectId",
          "role",
          "since",
          "until",
          "amount",
          "currency",
          "parties");

  /** An owner or director of one subject: the relation and the party that holds it. */
  public record Owner(Relation relation, Party party) {}

  /** A payment, family or associate relation to record, with the parties it introduces. */
  public record NewRelation(Relation relation, List<Party> parties) {
    public NewRelation {
      requireNonNull(relation, "relation is null");
      parties = List.copyOf(parties);
    }
  }

  private EntityJson() {}

  /** The owners and directors of {@code subjectId}, from a JSON array of owner objects. */
  public static List<Owner> decodeOwners(JsonNode array, String subjectId) {
    if (array == null || !array.isArray()) {
      throw InvalidInputException.of("", "the body must be a JSON array of owners and directors");
    }
    List<Violation> violations = new ArrayList<>();
    List<Owner> owners = new ArrayList<>();
    for (int item = 0; item < array.size(); item++) {
      FieldReader fields = new FieldReader(array.get(item), item, "", violations);
      if (!fields.ok()) {
        continue;
      }
      fields.rejectUnknown(OWNER_FIELDS);
      FieldReader partyFields = fields.nested("party");
      Party party = partyFields.ok() ? decodeParty(partyFields) : null;
      Relation relation = party == null ? null : decodeRelation(fields, party.id(), subjectId);
      if (relation != null && !relation.kind().ownsOrDirects()) {
        fields.fail(
            "relation",
            "must be ownership or directorship here; record a "
                + relation.kind().wireName()
                + " with POST /api/v1/relations");
        relation = null;
      }
      if (party != null && relation != null && fields.ok()) {
        owners.add(new Owner(relation, party));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return owners;
  }

  public static Party decodeParty(JsonNode node) {
    List<Violation> violations = new ArrayList<>();
    Party party = decodeParty(new FieldReader(node, 0, "", violations));
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return party;
  }

  public static Relation decodeRelation(JsonNode node) {
    List<Violation> violations = new ArrayList<>();
    FieldReader fields = new FieldReader(node, 0, "", violations);
    fields.rejectUnknown(RELATION_FIELDS);
    String partyId = fields.id("partyId");
    String subjectId = fields.id("subjectId");
    Relation relation = fields.ok() ? decodeRelation(fields, partyId, subjectId) : null;
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return relation;
  }

  /** A payment, family or associate relation and the parties it introduces. */
  public static NewRelation decodeNewRelation(JsonNode node) {
    List<Violation> violations = new ArrayList<>();
    FieldReader fields = new FieldReader(node, 0, "", violations);
    fields.rejectUnknown(NEW_RELATION_FIELDS);
    String partyId = fields.id("partyId");
    String subjectId = fields.id("subjectId");
    List<Party> parties = new ArrayList<>();
    List<JsonNode> partyNodes = fields.has("parties") ? fields.array("parties") : null;
    if (partyNodes != null) {
      for (int index = 0; index < partyNodes.size(); index++) {
        Party party = decodeParty(fields.element(partyNodes.get(index), "parties/" + index));
        if (party != null) {
          parties.add(party);
        }
      }
    }
    Relation relation =
        partyId == null || subjectId == null ? null : decodeRelation(fields, partyId, subjectId);
    if (relation != null && relation.kind().ownsOrDirects()) {
      fields.fail(
          "relation",
          "must be payment, family or associate; owners and directors are replaced with PUT"
              + " /api/v1/actors/{id}/owners");
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return new NewRelation(relation, parties);
  }

  /** The last day of a relation being ended: {@code {"until": "2025-06-30"}}. */
  public static LocalDate decodeUntil(JsonNode node) {
    List<Violation> violations = new ArrayList<>();
    FieldReader fields = new FieldReader(node, 0, "", violations);
    fields.rejectUnknown(Set.of("until"));
    LocalDate until = fields.date("until");
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return until;
  }

  private static Party decodeParty(FieldReader fields) {
    fields.rejectUnknown(PARTY_FIELDS);
    String id = fields.id("id");
    PartyKind kind = fields.enumeration("kind", PartyKind::fromWireName);
    String name = fields.text("name");
    Country country = fields.has("country") ? fields.country("country") : null;
    Long birthYear = fields.has("birthYear") ? fields.wholeNumber("birthYear", 1800) : null;
    List<String> addresses = texts(fields, "addresses");
    List<String> phones = texts(fields, "phones");
    List<String> numbers = texts(fields, "registrationNumbers");
    if (!fields.ok()) {
      return null;
    }
    return fields.convert(
        "",
        id,
        value ->
            new Party(
                value,
                kind,
                name,
                country,
                birthYear == null ? null : Math.toIntExact(birthYear),
                addresses,
                phones,
                numbers));
  }

  private static Relation decodeRelation(FieldReader fields, String partyId, String subjectId) {
    RelationKind kind = fields.enumeration("relation", RelationKind::fromWireName);
    BigDecimal share = fields.has("sharePercent") ? fields.exactDecimal("sharePercent") : null;
    String role = fields.has("role") ? fields.text("role") : null;
    LocalDate since = fields.has("since") ? fields.date("since") : null;
    LocalDate until = fields.has("until") ? fields.date("until") : null;
    BigDecimal amount = fields.has("amount") ? fields.exactDecimal("amount") : null;
    String currency = fields.has("currency") ? fields.text("currency") : null;
    if (!fields.ok()) {
      return null;
    }
    return fields.convert(
        "",
        kind,
        value ->
            new Relation(value, partyId, subjectId, share, role, since, until, amount, currency));
  }

  private static List<String> texts(FieldReader fields, String field) {
    List<JsonNode> nodes = fields.has(field) ? fields.array(field) : null;
    List<String> texts = new ArrayList<>();
    if (nodes != null) {
      for (int index = 0; index < nodes.size(); index++) {
        JsonNode node = nodes.get(index);
        if (!node.isTextual() || node.asText().isBlank()) {
          fields.fail(field + "/" + index, "must be a non-empty string");
        } else {
          texts.add(node.asText());
        }
      }
    }
    return texts;
  }

  // ---- encoding

  public static ObjectNode encode(Party party) {
    ObjectNode node = Json.object();
    node.put("id", party.id());
    node.put("kind", party.kind().wireName());
    node.put("name", party.name());
    if (party.country() != null) {
      node.put("country", party.country().code());
    }
    if (party.birthYear() != null) {
      node.put("birthYear", party.birthYear());
    }
    party.addresses().forEach(node.putArray("addresses")::add);
    party.phones().forEach(node.putArray("phones")::add);
    party.registrationNumbers().forEach(node.putArray("registrationNumbers")::add);
    return node;
  }

  public static ObjectNode encode(Relation relation) {
    ObjectNode node = Json.object();
    node.put("relation", relation.kind().wireName());
    node.put("partyId", relation.partyId());
    node.put("subjectId", relation.subjectId());
    putTerms(node, relation);
    return node;
  }

  /** An owner object: the relation's terms with the party inside. */
  public static ObjectNode encode(Owner owner) {
    ObjectNode node = Json.object();
    node.put("relation", owner.relation().kind().wireName());
    putTerms(node, owner.relation());
    node.set("party", encode(owner.party()));
    return node;
  }

  public static ArrayNode encodeOwners(List<Owner> owners) {
    ArrayNode array = Json.array();
    owners.forEach(owner -> array.add(encode(owner)));
    return array;
  }

  private static void putTerms(ObjectNode node, Relation relation) {
    if (relation.sharePercent() != null) {
      node.put("sharePercent", relation.sharePercent());
    }
    if (relation.role() != null) {
      node.put("role", relation.role());
    }
    if (relation.since() != null) {
      node.put("since", relation.since().toString());
    }
    if (relation.until() != null) {
      node.put("until", relation.until().toString());
    }
    if (relation.amount() != null) {
      node.put("amount", relation.amount());
      node.put("currency", relation.currency());
    }
  }
}
