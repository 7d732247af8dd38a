package org.oretrace.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.oretrace.core.Country;
import org.oretrace.core.access.Role;
import org.oretrace.core.audit.ActionStatus;
import org.oretrace.core.audit.Audit;
import org.oretrace.core.audit.AuditFinding;
import org.oretrace.core.audit.CorrectiveAction;
import org.oretrace.core.audit.FindingSeverity;
import org.oretrace.core.cases.AuditEntry;
import org.oretrace.core.cases.CaseAction.Attach;
import org.oretrace.core.cases.CaseAction.Open;
import org.oretrace.core.cases.CaseFile;
import org.oretrace.core.cases.ReferenceKind;
import org.oretrace.core.entities.Party;
import org.oretrace.core.entities.PartyKind;
import org.oretrace.core.entities.Relation;
import org.oretrace.core.entities.RelationKind;
import org.oretrace.core.registry.IcglrStatus;
import org.oretrace.store.DatabaseTest;
import org.oretrace.store.Fixtures;
import org.oretrace.store.Ledger.Entry;
import org.oretrace.store.Recorder;
import org.oretrace.store.Store;
import org.oretrace.store.TestDatabase;
import org.oretrace.store.json.Json;
import org.oretrace.store.ledger.VerificationReport.Finding;
import org.oretrace.store.ledger.VerificationReport.Kind;

/**
 * Registry changes, audits, owner changes and case actions as leaves of the log, sharing its
 * positions with the events: each is appended with its change, verifies, and tampering with the
 * rows it records (a site's status, an audit's corrective actions, a case action, an owner change)
 * is named at its position; a row inserted behind the store's back, which no record names, is named
 * as inserted.
 */
@ParameterizedClass
@EnumSource(TestDatabase.Kind.class)
class LedgerRecordsTest extends DatabaseTest {

  private static final Instant AT = Instant.parse("2025-06-02T10:00:00Z");

  private int registrySize;

  @BeforeEach
  void recordRegistryChainAndChanges() {
    registrySize = Fixtures.sites().size() + Fixtures.actors().size();
    Recorder recorder = Recorder.open(database.openWithRegistry());
    Store store = recorder.store();
    recorder.record(Fixtures.chain());
    store.audits().record(audit());
    Open open = new Open("Levy at Nyabibwe", List.of());
    CaseFile opened = CaseFile.open("case-1", open, "police", AT);
    store.cases().open(opened, new AuditEntry("case-1", 1, AT, "police", Role.ADMIN, null, open));
    Attach note = new Attach(ReferenceKind.NOTE, "soldiers seen at the pit");
    CaseFile noted = opened.apply(note, "police", AT.plusSeconds(60));
    store
        .cases()
        .update(
            noted,
            new AuditEntry(
                "case-1", 2, AT.plusSeconds(60), "police", Role.ADMIN, "10.0.0.7", note));
    store
        .entities()
        .replaceOwners(
            "trader-1",
            List.of(
                new Party(
                    "p-1",
                    PartyKind.PERSON,
                    "Jean Kabuya",
                    Country.of("CD"),
                    1973,
                    List.of(),
                    List.of(),
                    List.of())),
            List.of(
                new Relation(
                    RelationKind.OWNERSHIP,
                    "p-1",
                    "trader-1",
                    new BigDecimal("60"),
                    null,
                    LocalDate.of(2020, 1, 1),
                    null)),
            "api:regulator",
            AT);
    store.close();
  }

  private static Audit audit() {
    return new Audit(
        "audit-1",
        "site-nyabibwe",
        "ICGLR RCM inspection team",
        LocalDate.of(2025, 6, 1),
        "chain of custody",
        List.of(new AuditFinding("soldiers tax every bag", FindingSeverity.MAJOR)),
        List.of(
            new CorrectiveAction(
                "remove the checkpoint", LocalDate.of(2025, 9, 1), ActionStatus.OPEN)),
        IcglrStatus.RED,
        AT,
        "regulator");
  }

  private List<Entry> entries() {
    try (Store store = database.open()) {
      return store.ledger().entries(0, 1000);
    }
  }

  private VerificationReport verify() {
    try (Store store = database.open()) {
      return new LedgerVerifier(store.ledger(), store.ledger().verifierKey())
          .verify(position -> {});
    }
  }

  /** The position of the only entry of {@code kind} about {@code subject}, or the latest. */
  private long positionOf(String kind, String subject) {
    return entries().stream()
        .filter(entry -> entry.kind().equals(kind) && entry.subject().equals(subject))
        .mapToLong(Entry::position)
        .max()
        .orElseThrow();
  }

  @Test
  void everyChangeIsALeafInTheOrderItWasMadeAndEventsTakeThePositionsBetween() {
    List<Entry> entries = entries();
    int events = Fixtures.chain().size();
    assertThat(entries).hasSize(registrySize + events + 2 + 2 + 1);
    assertThat(entries).extracting(Entry::position).doesNotHaveDuplicates().isSorted();
    assertThat(entries.subList(0, registrySize))
        .extracting(Entry::kind)
        .containsOnly(LedgerRecords.SITE, LedgerRecords.ACTOR);
    assertThat(entries.subList(registrySize, registrySize + events))
        .allMatch(Entry::isEvent)
        .extracting(Entry::position)
        .first()
        .isEqualTo((long) registrySize);
    assertThat(entries.subList(registrySize + events, entries.size()))
        .extracting(Entry::kind, Entry::subject)
        .containsExactly(
            tuple(LedgerRecords.AUDIT, "audit-1"),
            tuple(LedgerRecords.SITE, "site-nyabibwe"),
            tuple(LedgerRecords.CASE_ACTION, "case-1/1"),
            tuple(LedgerRecords.CASE_ACTION, "case-1/2"),
            tuple(LedgerRecords.OWNERS, "0"));
    JsonNode audit =
        Json.parse(
            entries.get(registrySize + events).canonicalJson().getBytes(StandardCharsets.UTF_8));
    assertThat(audit.get("kind").asText()).isEqualTo("audit");
    assertThat(audit.at("/audit/findings/0/severity").asText()).isEqualTo("major");
    assertThat(audit.at("/audit/correctiveActions/0/status").asText()).isEqualTo("open");
    String statusChange = entries.get(registrySize + events + 1).canonicalJson();
    JsonNode node = Json.parse(statusChange.getBytes(StandardCharsets.UTF_8));
    assertThat(node.get("kind").asText()).isEqualTo("site");
    assertThat(node.has("type")).isFalse();
    assertThat(node.at("/site/icglrStatus").asText()).isEqualTo("red");
    assertThat(entries.get(entries.size() - 2).canonicalJson())
        .isEqualTo(
            "{\"action\":{\"text\":\"soldiers seen at the pit\",\"type\":\"note\"},\"at\":\"2025-06-02T10:01:00Z\",\"case\":\"case-1\","
                + "\"clientAddress\":\"10.0.0.7\",\"kind\":\"case-action\",\"organisation\":"
                + "\"police\",\"role\":\"admin\",\"sequence\":2}");
    try (Store store = database.open()) {
      assertThat(store.ledger().size()).isEqualTo(entries.size());
      assertThat(store.custody().event("ev-1").orElseThrow().sequence()).isEqualTo(registrySize);
    }
  }

  @Test
  void theUntouchedLogVerifiesWithEveryRecordCounted() {
    VerificationReport report = verify();
    assertThat(report.findings()).isEmpty();
    assertThat(report.events()).isEqualTo(Fixtures.chain().size());
    assertThat(report.records()).isEqualTo(registrySize + 5);
  }

  @Test
  void aSiteStatusChangedInTheDatabaseIsFoundAtTheSitesLatestRecord() {
    long position = positionOf(LedgerRecords.SITE, "site-nyabibwe");
    database.tamper(
        "UPDATE sites SET icglr_status = 'green',"
            + " document = REPLACE(document, '\"icglrStatus\":\"red\"', '\"icglrStatus\":\"green\"')"
            + " WHERE id = 'site-nyabibwe'");
    assertThat(positional(verify()))
        .extracting(Finding::position, Finding::kind)
        .containsExactly(tuple(position, Kind.CHANGED));
  }

  @Test
  void aDeletedCaseActionIsFoundRemovedAtItsPosition() {
    long position = positionOf(LedgerRecords.CASE_ACTION, "case-1/2");
    database.tamper(dropTrailTriggers());
    database.tamper("DELETE FROM case_audit WHERE case_id = 'case-1' AND sequence = 2");
    assertThat(positional(verify()))
        .extracting(Finding::position, Finding::kind)
        .containsExactly(tuple(position, Kind.REMOVED));
  }

  @Test
  void anOwnerChangeRewrittenInTheDatabaseIsFoundChanged() {
    long position = positionOf(LedgerRecords.OWNERS, "0");
    database.tamper("UPDATE entity_changes SET changed_by = 'nobody' WHERE sequence = 0");
    List<Finding> findings = positional(verify());
    assertThat(findings)
        .extracting(Finding::position, Finding::kind)
        .containsExactly(tuple(position, Kind.CHANGED));
    assertThat(findings.getFirst().message()).startsWith("owner change 0 ");
  }

  @Test
  void twoRecordsSwappedInTheLogTableAreFoundMoved() {
    long first = positionOf(LedgerRecords.CASE_ACTION, "case-1/1");
    long second = positionOf(LedgerRecords.CASE_ACTION, "case-1/2");
    database.tamper(
        "UPDATE log_records SET position = -1 WHERE position = " + first,
        "UPDATE log_records SET position = " + first + " WHERE position = " + second,
        "UPDATE log_records SET position = " + second + " WHERE position = -1");
    assertThat(positional(verify()))
        .extracting(Finding::position, Finding::kind)
        .containsExactly(tuple(first, Kind.MOVED), tuple(second, Kind.MOVED));
  }

  @Test
  void aDatabaseWrittenBeforeRecordsWereLoggedIsBroughtUpToDateOnceAndVerifies() {
    // As a data folder of an older version: registry, events, cases and owners, no records.
    database.tamper(
        "DELETE FROM log_records",
        "DELETE FROM merkle_tiles",
        "DELETE FROM log_checkpoint",
        "INSERT INTO log_records_backfill (id) VALUES (1)",
        "INSERT INTO log_audits_backfill (id) VALUES (1)");
    // The events keep their sequence numbers, which the log must meet first: renumber from 0.
    long events = Fixtures.chain().size();
    for (long sequence = 0; sequence < events; sequence++) {
      database.tamper(
          "UPDATE events SET sequence = "
              + sequence
              + " WHERE sequence = "
              + (registrySize + sequence),
          "UPDATE event_lots SET sequence = "
              + sequence
              + " WHERE sequence = "
              + (registrySize + sequence));
    }
    VerificationReport report = verify();
    assertThat(report.findings()).isEmpty();
    assertThat(report.events()).isEqualTo(events);
    // Each site and actor once as it is now, the owner change, the two case actions, the audit.
    assertThat(report.records()).isEqualTo(registrySize + 1 + 2 + 1);
    List<Entry> entries = entries();
    assertThat(entries.subList(0, (int) events)).allMatch(Entry::isEvent);
    assertThat(entries).hasSize((int) (events + registrySize + 4));
    try (Store store = database.open()) {
      assertThat(store.ledger().size()).isEqualTo(entries.size());
    }
  }

  @Test
  void aChangedCorrectiveActionPlanIsARecordAndRewritingItInTheDatabaseIsChanged() {
    try (Store store = database.open()) {
      Audit followed = store.audits().find("audit-1").orElseThrow();
      store.audits().updateActions(followed.withActionStatus(0, ActionStatus.DONE));
    }
    List<Entry> audits =
        entries().stream().filter(entry -> entry.kind().equals(LedgerRecords.AUDIT)).toList();
    assertThat(audits).hasSize(2);
    assertThat(audits.getLast().canonicalJson()).contains("\"status\":\"done\"");
    assertThat(audits.getFirst().canonicalJson()).contains("\"status\":\"open\"");
    assertThat(verify().findings()).isEmpty();
    long position = audits.getLast().position();
    database.tamper(
        "UPDATE audits SET document = REPLACE(document, '\"status\":\"done\"',"
            + " '\"status\":\"open\"') WHERE id = 'audit-1'");
    List<Finding> findings = positional(verify());
    assertThat(findings)
        .extracting(Finding::position, Finding::kind)
        .containsExactly(tuple(position, Kind.CHANGED));
    assertThat(findings.getFirst().message()).startsWith("audit audit-1 ");
  }

  @Test
  void aFindingRemovedFromAnAuditInTheDatabaseIsChanged() {
    long position = positionOf(LedgerRecords.AUDIT, "audit-1");
    database.tamper(
        "UPDATE audits SET document = REPLACE(document, 'soldiers tax every bag', 'none')"
            + " WHERE id = 'audit-1'");
    assertThat(positional(verify()))
        .extracting(Finding::position, Finding::kind)
        .containsExactly(tuple(position, Kind.CHANGED));
  }

  @Test
  void rowsInsertedStraightIntoTheDatabaseAreInserted() {
    // Plain JDBC, as someone holding the file or the server could: one row of each kind, copied
    // from a logged one, none of which the application logged.
    database.tamper(
        "INSERT INTO sites (id, country, icglr_status, minerals, document)"
            + " SELECT 'site-ghost', country, icglr_status, minerals,"
            + " REPLACE(document, '\"site-nyabibwe\"', '\"site-ghost\"')"
            + " FROM sites WHERE id = 'site-nyabibwe'",
        "INSERT INTO actors (id, kind, country, document)"
            + " SELECT 'trader-ghost', kind, country,"
            + " REPLACE(document, '\"trader-1\"', '\"trader-ghost\"')"
            + " FROM actors WHERE id = 'trader-1'",
        "INSERT INTO audits (id, site_id, audit_date, earliest_open_deadline, document)"
            + " SELECT 'audit-ghost', site_id, audit_date, earliest_open_deadline,"
            + " REPLACE(document, '\"audit-1\"', '\"audit-ghost\"')"
            + " FROM audits WHERE id = 'audit-1'",
        "INSERT INTO entity_changes"
            + " (sequence, subject_id, changed_at_millis, changed_by, document, digest)"
            + " SELECT 1, subject_id, changed_at_millis, changed_by, document, digest"
            + " FROM entity_changes WHERE sequence = 0",
        "INSERT INTO case_audit"
            + " (case_id, sequence, at_millis, organisation, role, client_address, action, document)"
            + " SELECT case_id, 3, at_millis, organisation, role, client_address, action, document"
            + " FROM case_audit WHERE case_id = 'case-1' AND sequence = 2");
    VerificationReport report = verify();
    assertThat(report.ok()).isFalse();
    assertThat(report.findings())
        .extracting(Finding::position, Finding::kind)
        .containsOnly(tuple(-1L, Kind.INSERTED));
    assertThat(report.findings())
        .extracting(Finding::message)
        .satisfiesExactlyInAnyOrder(
            message -> assertThat(message).startsWith("site site-ghost is stored but not in"),
            message -> assertThat(message).startsWith("actor trader-ghost is stored"),
            message -> assertThat(message).startsWith("audit audit-ghost is stored"),
            message -> assertThat(message).startsWith("owner change 1 is stored"),
            message -> assertThat(message).startsWith("case action case-1/3 is stored"));
  }

  private String[] dropTrailTriggers() {
    return kind == TestDatabase.Kind.SQLITE
        ? new String[] {"DROP TRIGGER case_audit_no_update", "DROP TRIGGER case_audit_no_delete"}
        : new String[] {"DROP TRIGGER case_audit_no_change ON case_audit"};
  }

  /** The findings about positions, once the checkpoint's root is found not to match. */
  private static List<Finding> positional(VerificationReport report) {
    assertThat(report.findings())
        .filteredOn(finding -> finding.position() < 0)
        .extracting(Finding::kind)
        .containsOnly(Kind.CHECKPOINT)
        .isNotEmpty();
    return report.findings().stream().filter(finding -> finding.position() >= 0).toList();
  }
}
