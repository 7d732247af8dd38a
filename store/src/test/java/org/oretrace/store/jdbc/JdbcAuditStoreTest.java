package org.oretrace.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.oretrace.core.audit.ActionStatus;
import org.oretrace.core.audit.Audit;
import org.oretrace.core.audit.AuditFinding;
import org.oretrace.core.audit.CorrectiveAction;
import org.oretrace.core.audit.FindingSeverity;
import org.oretrace.core.audit.StatusChange;
import org.oretrace.core.registry.IcglrStatus;
import org.oretrace.store.DatabaseTest;
import org.oretrace.store.Store;
import org.oretrace.store.TestDatabase;

@ParameterizedClass
@EnumSource(TestDatabase.Kind.class)
class JdbcAuditStoreTest extends DatabaseTest {

  private static final Instant RECORDED = Instant.parse("2025-06-02T10:00:00Z");

  private Store store;

  @BeforeEach
  void open() {
    store = database.openWithRegistry();
  }

  private static Audit audit(String id, LocalDate date, IcglrStatus result, LocalDate deadline) {
    return new Audit(
        id,
        "site-nyabibwe",
        "ICGLR RCM inspection team",
        date,
        "chain of custody, security, child labour",
        List.of(new AuditFinding("soldiers collect a levy at the pit", FindingSeverity.CRITICAL)),
        deadline == null
            ? List.of()
            : List.of(
                new CorrectiveAction("end the levy", deadline, ActionStatus.OPEN),
                new CorrectiveAction("register diggers", deadline.plusDays(30), ActionStatus.OPEN)),
        result,
        RECORDED,
        "regulator");
  }

  @Test
  void anAuditWithANewStatusChangesTheSiteAndAppendsToItsHistory() {
    StatusChange change =
        store
            .audits()
            .record(audit("audit-1", LocalDate.of(2025, 6, 1), IcglrStatus.RED, null))
            .orElseThrow();

    assertThat(change)
        .isEqualTo(
            new StatusChange(
                "site-nyabibwe", IcglrStatus.GREEN, IcglrStatus.RED, RECORDED, "audit-1"));
    assertThat(store.registry().site("site-nyabibwe").orElseThrow().icglrStatus())
        .isEqualTo(IcglrStatus.RED);
    // The registry's table changed too: a store opened afresh reads the new status.
    assertThat(database.open().registry().site("site-nyabibwe").orElseThrow().icglrStatus())
        .isEqualTo(IcglrStatus.RED);

    store.audits().record(audit("audit-2", LocalDate.of(2025, 9, 1), IcglrStatus.RED, null));
    store.audits().record(audit("audit-3", LocalDate.of(2025, 12, 1), IcglrStatus.YELLOW, null));

    assertThat(store.audits().statusHistory("site-nyabibwe"))
        .extracting(StatusChange::auditId, StatusChange::from, StatusChange::to)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("audit-1", IcglrStatus.GREEN, IcglrStatus.RED),
            org.assertj.core.groups.Tuple.tuple("audit-3", IcglrStatus.RED, IcglrStatus.YELLOW));
    assertThat(store.audits().ofSite("site-nyabibwe"))
        .extracting(Audit::id)
        .containsExactly("audit-3", "audit-2", "audit-1");
    assertThat(store.audits().find("audit-1").orElseThrow())
        .isEqualTo(audit("audit-1", LocalDate.of(2025, 6, 1), IcglrStatus.RED, null));
  }

  @Test
  void theStatusHistoryCannotBeRewritten() {
    store.audits().record(audit("audit-1", LocalDate.of(2025, 6, 1), IcglrStatus.RED, null));

    assertThatThrownBy(() -> database.tamper("UPDATE site_status_history SET to_status = 'green'"))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> database.tamper("DELETE FROM site_status_history"))
        .hasMessageContaining("append-only");
    assertThat(store.audits().statusHistory("site-nyabibwe")).hasSize(1);
  }

  @Test
  void findsAuditsWhoseOpenActionsArePastTheirDeadline() {
    LocalDate deadline = LocalDate.of(2025, 8, 31);
    store.audits().record(audit("audit-1", LocalDate.of(2025, 6, 1), null, deadline));
    store.audits().record(audit("audit-2", LocalDate.of(2025, 6, 1), null, null));

    assertThat(store.audits().withOverdueActions(deadline)).isEmpty();
    assertThat(store.audits().withOverdueActions(deadline.plusDays(1)))
        .extracting(Audit::id)
        .containsExactly("audit-1");

    Audit followed =
        store.audits().find("audit-1").orElseThrow().withActionStatus(0, ActionStatus.DONE);
    store.audits().updateActions(followed);
    // The second action's deadline is 30 days later.
    assertThat(store.audits().withOverdueActions(deadline.plusDays(1))).isEmpty();
    assertThat(store.audits().withOverdueActions(deadline.plusDays(31))).hasSize(1);
    store.audits().updateActions(followed.withActionStatus(1, ActionStatus.DONE));
    assertThat(store.audits().withOverdueActions(deadline.plusYears(5))).isEmpty();
    assertThat(store.audits().find("audit-1").orElseThrow().correctiveActions())
        .extracting(CorrectiveAction::status)
        .containsOnly(ActionStatus.DONE);
  }

  @Test
  void refusesAnAuditOfAnUnknownSiteAndWritesNothing() {
    Audit unknown =
        new Audit(
            "audit-x",
            "site-nowhere",
            "auditor",
            LocalDate.of(2025, 1, 1),
            "scope",
            List.of(),
            List.of(),
            IcglrStatus.RED,
            RECORDED,
            "regulator");

    assertThatThrownBy(() -> store.audits().record(unknown))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.audits().find("audit-x")).isEmpty();
  }
}
