package org.oretrace.store.ledger;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.oretrace.core.audit.Audit;
import org.oretrace.core.cases.AuditEntry;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Site;
import org.oretrace.store.json.AuditJson;
import org.oretrace.store.json.CaseJson;
import org.oretrace.store.json.Json;
import org.oretrace.store.json.RegistryJson;

/**
 * The ledger entries that are not custody events: registry changes (a site or an actor as it is
 * after the change), owner and director changes, case actions and audits (findings, corrective
 * actions). Like an event's, each entry is the RFC 8785 canonical JSON of a wire form ({@link
 * LedgerEntries}), always with a {@code "kind"} member naming what it records and never a {@code
 * "type"} member, which is how a verifier tells them from events (docs/ledger.md, "Records").
 *
 * <p>Each is encoded from the values the store keeps, decoded first, so the entry is a function of
 * the record, not of the stored text, and a verifier recomputes it from the rows.
 */
public final class LedgerRecords {

  /** A site as it is after being created or changed (an audit's ICGLR status included). */
  public static final String SITE = "site";

  /** An actor as it is after being created or changed (its licences included). */
  public static final String ACTOR = "actor";

  /** A change of an actor's or company's owners and directors (the entity change history). */
  public static final String OWNERS = "owners";

  /** One action of a case's audit trail. */
  public static final String CASE_ACTION = "case-action";

  /**
   * A third-party audit of a site as it is after being recorded or after its corrective-action plan
   * changed: its findings and corrective actions with their statuses.
   */
  public static final String AUDIT = "audit";

  private LedgerRecords() {}

  /** {@code {"kind":"site","site":{...the site's wire form}}}. */
  public static byte[] site(Site site) {
    ObjectNode node = Json.object();
    node.put("kind", SITE);
    node.set("site", RegistryJson.encode(requireNonNull(site, "site is null")));
    return LedgerEntries.encode(node);
  }

  /** {@code {"kind":"actor","actor":{...the actor's wire form}}}. */
  public static byte[] actor(Actor actor) {
    ObjectNode node = Json.object();
    node.put("kind", ACTOR);
    node.set("actor", RegistryJson.encode(requireNonNull(actor, "actor is null")));
    return LedgerEntries.encode(node);
  }

  /**
   * {@code {"kind":"owners","sequence":N,"subject":ID,"changedAt":ISO,"changedBy":WHO,
   * "owners":[...relations]}}, one row of the entity change history.
   *
   * @param owners the JSON array of the subject's relations after the change, as stored
   */
  public static byte[] owners(
      long sequence, String subjectId, Instant changedAt, String changedBy, String owners) {
    ObjectNode node = Json.object();
    node.put("kind", OWNERS);
    node.put("sequence", sequence);
    node.put("subject", requireNonNull(subjectId, "subjectId is null"));
    node.put("changedAt", changedAt.toString());
    node.put("changedBy", requireNonNull(changedBy, "changedBy is null"));
    JsonNode relations = Json.parse(owners.getBytes(StandardCharsets.UTF_8));
    if (!relations.isArray()) {
      throw new IllegalArgumentException("owners must be a JSON array");
    }
    node.set("owners", relations);
    return LedgerEntries.encode(node);
  }

  /** The subject key of an owner change: its sequence in the entity change history. */
  public static String ownersSubject(long sequence) {
    return Long.toString(sequence);
  }

  /**
   * {@code {"kind":"case-action","case":ID,"sequence":N,"at":ISO,"organisation":ORG,"role":ROLE,
   * "clientAddress":ADDRESS?,"action":{...}}}: the trail entry's wire form with its case.
   */
  public static byte[] caseAction(AuditEntry entry) {
    ObjectNode node = CaseJson.encode(requireNonNull(entry, "entry is null"));
    node.put("kind", CASE_ACTION);
    node.put("case", entry.caseId());
    return LedgerEntries.encode(node);
  }

  /**
   * {@code {"kind":"audit","audit":{...the audit as stored}}}: findings, corrective actions and
   * their statuses, the resulting status; without the overdue marks, which depend on the day.
   */
  public static byte[] audit(Audit audit) {
    ObjectNode node = Json.object();
    node.put("kind", AUDIT);
    node.set("audit", AuditJson.encode(requireNonNull(audit, "audit is null"), null));
    return LedgerEntries.encode(node);
  }

  /** The subject key of a case action: {@code case/sequence}. */
  public static String caseActionSubject(String caseId, long sequence) {
    return caseId + "/" + sequence;
  }
}
