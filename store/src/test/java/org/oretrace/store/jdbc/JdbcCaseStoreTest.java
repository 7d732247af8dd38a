package org.oretrace.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.oretrace.core.access.Role;
import org.oretrace.core.cases.AuditEntry;
import org.oretrace.core.cases.CaseAction;
import org.oretrace.core.cases.CaseAction.AlertStatus;
import org.oretrace.core.cases.CaseAction.Attach;
import org.oretrace.core.cases.CaseAction.ChangeState;
import org.oretrace.core.cases.CaseAction.Handover;
import org.oretrace.core.cases.CaseAction.Open;
import org.oretrace.core.cases.CaseAction.Share;
import org.oretrace.core.cases.CaseAction.Unshare;
import org.oretrace.core.cases.CaseFile;
import org.oretrace.core.cases.CaseState;
import org.oretrace.core.cases.ReferenceKind;
import org.oretrace.store.CaseStore;
import org.oretrace.store.DatabaseTest;
import org.oretrace.store.PageRequest;
import org.oretrace.store.TestDatabase;

@ParameterizedClass
@EnumSource(TestDatabase.Kind.class)
class JdbcCaseStoreTest extends DatabaseTest {

  private static final Instant START = Instant.parse("2025-03-01T08:00:00Z");

  private CaseStore cases;

  @BeforeEach
  void open() {
    cases = database.open().cases();
  }

  private CaseFile opened(String id, String owner, int minute) {
    Open open = new Open("Tag laundering at " + id, List.of("D2-ev-" + minute));
    Instant at = START.plusSeconds(60L * minute);
    CaseFile caseFile = CaseFile.open(id, open, owner, at);
    cases.open(caseFile, new AuditEntry(id, 1, at, owner, Role.INVESTIGATOR, "10.0.0.7", open));
    return caseFile;
  }

  private CaseFile act(CaseFile caseFile, CaseAction action, String organisation) {
    Instant at = caseFile.updatedAt().plusSeconds(60);
    CaseFile next = caseFile.apply(action, organisation, at);
    boolean stored =
        cases.update(
            next,
            new AuditEntry(
                caseFile.id(), next.version(), at, organisation, Role.ADMIN, null, action));
    assertThat(stored).isTrue();
    return next;
  }

  @Test
  void storesACaseWithItsTrailAndReadsBothBack() {
    CaseFile caseFile = opened("case-1", "police", 1);
    caseFile = act(caseFile, new Attach(ReferenceKind.NOTE, "Seen at the border post"), "police");
    caseFile = act(caseFile, new ChangeState(CaseState.CLOSED, "prosecuted"), "police");

    assertThat(cases.find("case-1")).contains(caseFile);
    List<AuditEntry> trail = cases.trail("case-1");
    assertThat(trail).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L);
    assertThat(trail)
        .extracting(entry -> entry.action().type())
        .containsExactly("open", "note", "state");
    assertThat(trail.getFirst().clientAddress()).isEqualTo("10.0.0.7");
    assertThat(trail.getFirst().role()).isEqualTo(Role.INVESTIGATOR);
    assertThat(trail.getLast().action()).isEqualTo(new ChangeState(CaseState.CLOSED, "prosecuted"));
    assertThat(cases.find("case-2")).isEmpty();
    assertThat(cases.trail("case-2")).isEmpty();
  }

  @Test
  void listsOnlyTheCasesAnOrganisationOwnsOrHasSharedWithIt() {
    CaseFile first = opened("case-1", "police", 1);
    opened("case-2", "customs", 2);
    CaseFile third = opened("case-3", "police", 3);
    act(first, new Share("fiu"), "police");
    act(third, new Handover("customs"), "police");

    assertThat(cases.visibleTo("police", null, PageRequest.first(10)).items())
        .extracting(CaseFile::id)
        .containsExactly("case-3", "case-1");
    assertThat(cases.visibleTo("customs", null, PageRequest.first(10)).items())
        .extracting(CaseFile::id)
        .containsExactly("case-3", "case-2");
    assertThat(cases.visibleTo("fiu", null, PageRequest.first(10)).items())
        .extracting(CaseFile::id)
        .containsExactly("case-1");
    assertThat(cases.visibleTo("regulator", null, PageRequest.first(10)).total()).isZero();
  }

  @Test
  void filtersByStateAndPages() {
    for (int number = 1; number <= 5; number++) {
      CaseFile caseFile = opened("case-" + number, "police", number);
      if (number % 2 == 0) {
        act(caseFile, new ChangeState(CaseState.INVESTIGATING, null), "police");
      }
    }

    assertThat(cases.visibleTo("police", CaseState.INVESTIGATING, PageRequest.first(10)).items())
        .extracting(CaseFile::id)
        .containsExactlyInAnyOrder("case-2", "case-4");
    var page = cases.visibleTo("police", CaseState.OPEN, new PageRequest(1, 1));
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.items()).hasSize(1);
  }

  @Test
  void aStaleUpdateWritesNothing() {
    CaseFile caseFile = opened("case-1", "police", 1);
    CaseFile first = act(caseFile, new Share("fiu"), "police");

    Attach note = new Attach(ReferenceKind.NOTE, "written from a stale copy");
    CaseFile stale = caseFile.apply(note, "police", START.plusSeconds(3600));
    boolean stored =
        cases.update(stale, new AuditEntry("case-1", 2, START, "police", Role.ADMIN, null, note));

    assertThat(stored).isFalse();
    assertThat(cases.find("case-1")).contains(first);
    assertThat(cases.trail("case-1")).hasSize(2);
  }

  @Test
  void theAuditTrailRefusesToBeRewrittenOrTrimmed() {
    opened("case-1", "police", 1);

    assertThatThrownBy(() -> database.tamper("UPDATE case_audit SET organisation = 'nobody'"))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> database.tamper("DELETE FROM case_audit"))
        .hasMessageContaining("append-only");
    assertThat(cases.trail("case-1"))
        .singleElement()
        .satisfies(entry -> assertThat(entry.organisation()).isEqualTo("police"));
  }

  @Test
  void findsTheCasesCitingAnAlertAndKeepsAlertStatusAndUnshareInTheTrail() {
    CaseFile fromAlert = opened("case-1", "police", 1);
    CaseFile attached = opened("case-2", "customs", 2);
    attached = act(attached, new Attach(ReferenceKind.ALERT, "D2-ev-1"), "customs");
    opened("case-3", "police", 3);
    // a note that is the id is not a citation, nor is an id that LIKE's '_' would match
    CaseFile quoting = opened("case-4", "police", 4);
    act(quoting, new Attach(ReferenceKind.NOTE, "D2-ev-1"), "police");

    assertThat(cases.citing("D2-ev-1"))
        .extracting(CaseFile::id)
        .containsExactly("case-1", "case-2");
    assertThat(cases.citing("D2_ev_1")).isEmpty();
    assertThat(cases.citing("D9-none")).isEmpty();

    AlertStatus closing = new AlertStatus("D2-ev-1", "closed", "re-weighed", "ana@cd-mines");
    fromAlert = act(fromAlert, closing, "cd-mines");
    fromAlert = act(fromAlert, new Share("fiu"), "police");
    fromAlert = act(fromAlert, new Unshare("fiu"), "police");
    assertThat(fromAlert.sharedWith()).isEmpty();
    assertThat(cases.find("case-1")).contains(fromAlert);
    assertThat(cases.visibleTo("fiu", null, PageRequest.first(10)).items()).isEmpty();
    assertThat(cases.trail("case-1"))
        .extracting(AuditEntry::action)
        .containsSubsequence(closing, new Unshare("fiu"));
  }
}
