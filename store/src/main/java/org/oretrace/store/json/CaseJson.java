package org.oretrace.store.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.access.Role;
import org.oretrace.core.cases.AuditEntry;
import org.oretrace.core.cases.CaseAction;
import org.oretrace.core.cases.CaseAction.AlertStatus;
import org.oretrace.core.cases.CaseAction.Assign;
import org.oretrace.core.cases.CaseAction.Attach;
import org.oretrace.core.cases.CaseAction.ChangeState;
import org.oretrace.core.cases.CaseAction.Handover;
import org.oretrace.core.cases.CaseAction.Open;
import org.oretrace.core.cases.CaseAction.Share;
import org.oretrace.core.cases.CaseAction.Unshare;
import org.oretrace.core.cases.CaseFile;
import org.oretrace.core.cases.CaseReference;
import org.oretrace.core.cases.CaseState;
import org.oretrace.core.cases.ReferenceKind;

/**
 * The JSON form of cases (docs/cases.md): a case, its audit entries, and the actions on it. An
 * action is an object with a {@code type} and that type's fields, the same in a request to {@code
 * POST /api/v1/cases/{id}/actions} and in the audit trail, so the trail shows exactly what was
 * asked:
 *
 * <ul>
 *   <li>{@code {"type": "assign", "assignee"}}
 *   <li>{@code {"type": "note", "text"}}
 *   <li>{@code {"type": "attach", "kind": "lot"|"actor"|"alert"|"evidence", "value"}}
 *   <li>{@code {"type": "state", "state", "outcome"?}} (an outcome when, and only when, closing)
 *   <li>{@code {"type": "share"|"unshare"|"handover", "organisation"}}
 *   <li>{@code {"type": "alert-status", "alert", "status": "open"|"closed", "reason", "username"?}}
 *       (in the trail only: written when a cited alert is closed or reopened, never requested)
 *   <li>{@code {"type": "open", "title", "alerts"}} (in the trail; requested by posting the case)
 * </ul>
 */
public final class CaseJson {

  private static final Map<String, Set<String>> REQUEST_FIELDS =
      Map.of(
          "assign", Set.of("type", "assignee"),
          "note", Set.of("type", "text"),
          "attach", Set.of("type", "kind", "value"),
          "state", Set.of("type", "state", "outcome"),
          "share", Set.of("type", "organisation"),
          "unshare", Set.of("type", "organisation"),
          "handover", Set.of("type", "organisation"));

  private CaseJson() {}

  /** Decodes the body of {@code POST /api/v1/cases}: {@code {"title", "alerts"?: [ids]}}. */
  public static Open decodeOpening(JsonNode node) {
    List<Violation> violations = new ArrayList<>();
    FieldReader fields = new FieldReader(node, -1, "", violations);
    Open open = null;
    if (fields.ok()) {
      fields.rejectUnknown(Set.of("title", "alerts"));
      open = opening(fields);
    }
    return orThrow(open, violations);
  }

  /** Decodes a requested action; opening is not one (a case is opened by posting it). */
  public static CaseAction decodeRequestedAction(JsonNode node) {
    List<Violation> violations = new ArrayList<>();
    FieldReader fields = new FieldReader(node, -1, "", violations);
    CaseAction action = null;
    if (fields.ok()) {
      String type = fields.text("type");
      if ("open".equals(type)) {
        fields.fail("type", "a case is opened with POST /api/v1/cases, not as an action");
      } else if ("alert-status".equals(type)) {
        fields.fail("type", "an alert is closed or reopened with POST /api/v1/alerts/{id}/status");
      } else if (type != null) {
        Set<String> known = REQUEST_FIELDS.get(type);
        if (known != null) {
          fields.rejectUnknown(known);
        }
        action = action(fields, type);
      }
    }
    return orThrow(action, violations);
  }

  public static ObjectNode encode(CaseAction action) {
    ObjectNode node = Json.object();
    node.put("type", action.type());
    switch (action) {
      case Open open -> {
        node.put("title", open.title());
        ArrayNode alerts = node.putArray("alerts");
        open.alertIds().forEach(alerts::add);
      }
      case Assign assign -> node.put("assignee", assign.assignee());
      case Attach attach -> {
        if (attach.kind() == ReferenceKind.NOTE) {
          node.put("text", attach.value());
        } else {
          node.put("kind", attach.kind().wireName());
          node.put("value", attach.value());
        }
      }
      case ChangeState change -> {
        node.put("state", change.state().wireName());
        if (change.outcome() != null) {
          node.put("outcome", change.outcome());
        }
      }
      case Share share -> node.put("organisation", share.organisation());
      case Unshare unshare -> node.put("organisation", unshare.organisation());
      case AlertStatus alertStatus -> {
        node.put("alert", alertStatus.alertId());
        node.put("status", alertStatus.status());
        node.put("reason", alertStatus.reason());
        if (alertStatus.username() != null) {
          node.put("username", alertStatus.username());
        }
      }
      case Handover handover -> node.put("organisation", handover.organisation());
    }
    return node;
  }

  /** Reads an action stored by {@link #encode(CaseAction)}, opening included. */
  public static CaseAction decodeStoredAction(JsonNode node) {
    List<Violation> violations = new ArrayList<>();
    FieldReader fields = new FieldReader(node, -1, "", violations);
    String type = fields.text("type");
    CaseAction action =
        switch (type) {
          case "open" -> opening(fields);
          case "alert-status" -> {
            String alertId = fields.text("alert");
            String status = fields.text("status");
            String reason = fields.text("reason");
            String username = fields.optionalText("username");
            yield build(fields, alertId, value -> new AlertStatus(value, status, reason, username));
          }
          case null, default -> action(fields, type);
        };
    return orThrow(action, violations);
  }

  public static ObjectNode encode(CaseFile caseFile) {
    ObjectNode node = Json.object();
    node.put("id", caseFile.id());
    node.put("title", caseFile.title());
    node.put("state", caseFile.state().wireName());
    if (caseFile.outcome() != null) {
      node.put("outcome", caseFile.outcome());
    }
    node.put("owner", caseFile.owner());
    ArrayNode shared = node.putArray("sharedWith");
    caseFile.sharedWith().forEach(shared::add);
    if (caseFile.assignee() != null) {
      node.put("assignee", caseFile.assignee());
    }
    ArrayNode alerts = node.putArray("alerts");
    caseFile.alertIds().forEach(alerts::add);
    ArrayNode references = node.putArray("references");
    for (CaseReference reference : caseFile.references()) {
      ObjectNode item = references.addObject();
      item.put("kind", reference.kind().wireName());
      item.put("value", reference.value());
      item.put("addedBy", reference.addedBy());
      item.put("addedAt", reference.addedAt().toString());
    }
    node.put("openedAt", caseFile.openedAt().toString());
    node.put("updatedAt", caseFile.updatedAt().toString());
    node.put("version", caseFile.version());
    return node;
  }

  /** Reads a case stored by {@link #encode(CaseFile)}. */
  public static CaseFile decodeStored(JsonNode node) {
    Set<String> shared = new LinkedHashSet<>();
    node.get("sharedWith").forEach(organisation -> shared.add(organisation.textValue()));
    List<String> alerts = new ArrayList<>();
    node.get("alerts").forEach(alert -> alerts.add(alert.textValue()));
    List<CaseReference> references = new ArrayList<>();
    for (JsonNode reference : node.get("references")) {
      references.add(
          new CaseReference(
              ReferenceKind.fromWireName(reference.get("kind").textValue()),
              reference.get("value").textValue(),
              reference.get("addedBy").textValue(),
              Instant.parse(reference.get("addedAt").textValue())));
    }
    return new CaseFile(
        node.get("id").textValue(),
        node.get("title").textValue(),
        node.get("owner").textValue(),
        shared,
        textOrNull(node, "assignee"),
        CaseState.fromWireName(node.get("state").textValue()),
        textOrNull(node, "outcome"),
        alerts,
        references,
        Instant.parse(node.get("openedAt").textValue()),
        Instant.parse(node.get("updatedAt").textValue()),
        node.get("version").asLong());
  }

  /**
   * {@code {"sequence", "at", "organisation", "role", "clientAddress"?, "action": {...}}}; the case
   * id is the enclosing case's.
   */
  public static ObjectNode encode(AuditEntry entry) {
    ObjectNode node = Json.object();
    node.put("sequence", entry.sequence());
    node.put("at", entry.at().toString());
    node.put("organisation", entry.organisation());
    node.put("role", entry.role().wireName());
    if (entry.clientAddress() != null) {
      node.put("clientAddress", entry.clientAddress());
    }
    node.set("action", encode(entry.action()));
    return node;
  }

  /** Reads the fields of a stored entry back, with the role's wire name as stored. */
  public static AuditEntry entry(
      String caseId,
      long sequence,
      Instant at,
      String organisation,
      String role,
      String clientAddress,
      JsonNode action) {
    return new AuditEntry(
        caseId,
        sequence,
        at,
        organisation,
        Role.fromWireName(role),
        clientAddress,
        decodeStoredAction(action));
  }

  private static Open opening(FieldReader fields) {
    String title = fields.text("title");
    List<String> alertIds = new ArrayList<>();
    if (fields.has("alerts")) {
      List<JsonNode> alerts = fields.array("alerts");
      if (alerts != null) {
        for (int index = 0; index < alerts.size(); index++) {
          if (alerts.get(index).isTextual()) {
            alertIds.add(alerts.get(index).textValue());
          } else {
            fields.fail("alerts/" + index, "must be an alert id");
          }
        }
      }
    }
    return fields.ok() ? fields.convert("", title, value -> new Open(value, alertIds)) : null;
  }

  private static CaseAction action(FieldReader fields, String type) {
    if (type == null) {
      return null;
    }
    return switch (type) {
      case "assign" -> build(fields, fields.text("assignee"), Assign::new);
      case "note" ->
          build(fields, fields.text("text"), text -> new Attach(ReferenceKind.NOTE, text));
      case "attach" -> {
        ReferenceKind kind = fields.enumeration("kind", ReferenceKind::fromWireName);
        String value = fields.text("value");
        if (kind == ReferenceKind.NOTE) {
          fields.fail("kind", "a note is added with {\"type\": \"note\", \"text\": ...}");
          yield null;
        }
        yield build(fields, value, text -> new Attach(kind, text));
      }
      case "state" -> {
        CaseState state = fields.enumeration("state", CaseState::fromWireName);
        String outcome = fields.optionalText("outcome");
        yield build(fields, state, value -> new ChangeState(value, outcome));
      }
      case "share" -> build(fields, fields.text("organisation"), Share::new);
      case "unshare" -> build(fields, fields.text("organisation"), Unshare::new);
      case "handover" -> build(fields, fields.text("organisation"), Handover::new);
      default -> {
        fields.fail(
            "type",
            "'" + type + "' is not one of: assign, note, attach, state, share, unshare, handover");
        yield null;
      }
    };
  }

  private static <T> CaseAction build(
      FieldReader fields, T value, Function<T, CaseAction> constructor) {
    return fields.ok() ? fields.convert("", value, constructor) : null;
  }

  private static <T> T orThrow(T value, List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return value;
  }

  private static String textOrNull(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.textValue();
  }
}
