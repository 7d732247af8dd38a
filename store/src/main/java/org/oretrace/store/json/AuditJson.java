package org.oretrace.store.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.Violation;
import org.oretrace.core.audit.ActionStatus;
import org.oretrace.core.audit.Audit;
import org.oretrace.core.audit.AuditFinding;
import org.oretrace.core.audit.CorrectiveAction;
import org.oretrace.core.audit.FindingSeverity;
import org.oretrace.core.audit.StatusChange;
import org.oretrace.core.registry.IcglrStatus;

/**
 * The JSON form of audits (docs/audits.md). A request to record one:
 *
 * <pre>{@code
 * {"auditor": "...", "date": "2025-06-01", "scope": "...",
 *  "findings": [{"description": "...", "severity": "minor"|"major"|"critical"}],
 *  "correctiveActions": [{"description": "...", "deadline": "2025-09-01", "status"?: "open"}],
 *  "resultingStatus"?: "green"|"yellow"|"red"|"blue"}
 * }</pre>
 *
 * The stored and answered form adds {@code id}, {@code site}, {@code recordedAt} and {@code
 * recordedBy}; answers also mark each overdue corrective action.
 */
public final class AuditJson {

  private static final Set<String> REQUEST_FIELDS =
      Set.of("auditor", "date", "scope", "findings", "correctiveActions", "resultingStatus");

  private AuditJson() {}

  /** Decodes the body of {@code POST /api/v1/sites/{id}/audits} into an audit of that site. */
  public static Audit decodeRequest(
      JsonNode node, String id, String siteId, Instant recordedAt, String recordedBy) {
    List<Violation> violations = new ArrayList<>();
    FieldReader fields = new FieldReader(node, -1, "", violations);
    Audit audit = null;
    if (fields.ok()) {
      fields.rejectUnknown(REQUEST_FIELDS);
      String auditor = fields.text("auditor");
      LocalDate date = fields.date("date");
      String scope = fields.text("scope");
      List<AuditFinding> findings = new ArrayList<>();
      List<JsonNode> findingNodes = fields.has("findings") ? fields.array("findings") : List.of();
      if (findingNodes != null) {
        for (int index = 0; index < findingNodes.size(); index++) {
          FieldReader finding = fields.element(findingNodes.get(index), "findings/" + index);
          if (!finding.ok()) {
            continue;
          }
          finding.rejectUnknown(Set.of("description", "severity"));
          String description = finding.text("description");
          FindingSeverity severity = finding.enumeration("severity", FindingSeverity::fromWireName);
          if (finding.ok()) {
            AuditFinding built =
                finding.convert(
                    "description", description, text -> new AuditFinding(text, severity));
            findings.add(built);
          }
        }
      }
      List<CorrectiveAction> actions = new ArrayList<>();
      List<JsonNode> actionNodes =
          fields.has("correctiveActions") ? fields.array("correctiveActions") : List.of();
      if (actionNodes != null) {
        for (int index = 0; index < actionNodes.size(); index++) {
          FieldReader action = fields.element(actionNodes.get(index), "correctiveActions/" + index);
          if (action.ok()) {
            actions.add(correctiveAction(action));
          }
        }
      }
      IcglrStatus resulting =
          fields.has("resultingStatus")
              ? fields.enumeration("resultingStatus", IcglrStatus::fromWireName)
              : null;
      if (fields.ok()) {
        audit =
            fields.convert(
                "",
                auditor,
                name ->
                    new Audit(
                        id,
                        siteId,
                        name,
                        date,
                        scope,
                        findings,
                        actions,
                        resulting,
                        recordedAt,
                        recordedBy));
      }
    }
    return orThrow(audit, violations);
  }

  /** Decodes {@code {"status": "open"|"in-progress"|"done"}}. */
  public static ActionStatus decodeActionStatus(JsonNode node) {
    List<Violation> violations = new ArrayList<>();
    FieldReader fields = new FieldReader(node, -1, "", violations);
    ActionStatus status = null;
    if (fields.ok()) {
      fields.rejectUnknown(Set.of("status"));
      status = fields.enumeration("status", ActionStatus::fromWireName);
    }
    return orThrow(status, violations);
  }

  private static CorrectiveAction correctiveAction(FieldReader action) {
    action.rejectUnknown(Set.of("description", "deadline", "status"));
    String description = action.text("description");
    LocalDate deadline = action.date("deadline");
    ActionStatus status =
        action.has("status")
            ? action.enumeration("status", ActionStatus::fromWireName)
            : ActionStatus.OPEN;
    if (!action.ok()) {
      return null;
    }
    return action.convert(
        "description", description, text -> new CorrectiveAction(text, deadline, status));
  }

  /** The audit as stored; {@code overdueOn} null leaves out the overdue marks. */
  public static ObjectNode encode(Audit audit, LocalDate overdueOn) {
    ObjectNode node = Json.object();
    node.put("id", audit.id());
    node.put("site", audit.siteId());
    node.put("auditor", audit.auditor());
    node.put("date", audit.date().toString());
    node.put("scope", audit.scope());
    ArrayNode findings = node.putArray("findings");
    for (AuditFinding finding : audit.findings()) {
      ObjectNode item = findings.addObject();
      item.put("description", finding.description());
      item.put("severity", finding.severity().wireName());
    }
    ArrayNode actions = node.putArray("correctiveActions");
    for (CorrectiveAction action : audit.correctiveActions()) {
      ObjectNode item = actions.addObject();
      item.put("description", action.description());
      item.put("deadline", action.deadline().toString());
      item.put("status", action.status().wireName());
      if (overdueOn != null) {
        item.put("overdue", action.overdueOn(overdueOn));
      }
    }
    if (audit.resultingStatus() != null) {
      node.put("resultingStatus", audit.resultingStatus().wireName());
    }
    node.put("recordedAt", audit.recordedAt().toString());
    node.put("recordedBy", audit.recordedBy());
    return node;
  }

  /** Reads an audit stored by {@link #encode}. */
  public static Audit decodeStored(JsonNode node) {
    List<AuditFinding> findings = new ArrayList<>();
    for (JsonNode finding : node.get("findings")) {
      findings.add(
          new AuditFinding(
              finding.get("description").textValue(),
              FindingSeverity.fromWireName(finding.get("severity").textValue())));
    }
    List<CorrectiveAction> actions = new ArrayList<>();
    for (JsonNode action : node.get("correctiveActions")) {
      actions.add(
          new CorrectiveAction(
              action.get("description").textValue(),
              LocalDate.parse(action.get("deadline").textValue()),
              ActionStatus.fromWireName(action.get("status").textValue())));
    }
    JsonNode resulting = node.get("resultingStatus");
    return new Audit(
        node.get("id").textValue(),
        node.get("site").textValue(),
        node.get("auditor").textValue(),
        LocalDate.parse(node.get("date").textValue()),
        node.get("scope").textValue(),
        findings,
        actions,
        resulting == null ? null : IcglrStatus.fromWireName(resulting.textValue()),
        Instant.parse(node.get("recordedAt").textValue()),
        node.get("recordedBy").textValue());
  }

  public static ObjectNode encode(StatusChange change) {
    ObjectNode node = Json.object();
    node.put("site", change.siteId());
    node.put("from", change.from().wireName());
    node.put("to", change.to().wireName());
    node.put("at", change.at().toString());
    node.put("audit", change.auditId());
    return node;
  }

  private static <T> T orThrow(T value, List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return value;
  }
}
