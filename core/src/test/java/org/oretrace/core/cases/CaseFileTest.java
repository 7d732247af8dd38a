package org.oretrace.core.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.cases.CaseAction.AlertStatus;
import org.oretrace.core.cases.CaseAction.Assign;
import org.oretrace.core.cases.CaseAction.Attach;
import org.oretrace.core.cases.CaseAction.ChangeState;
import org.oretrace.core.cases.CaseAction.Handover;
import org.oretrace.core.cases.CaseAction.Open;
import org.oretrace.core.cases.CaseAction.Share;
import org.oretrace.core.cases.CaseAction.Unshare;

class CaseFileTest {

  private static final Instant OPENED = Instant.parse("2025-03-01T08:00:00Z");
  private static final Instant LATER = OPENED.plusSeconds(3600);

  private final CaseFile opened =
      CaseFile.open(
          "case-1", new Open("Rubaya tag laundering", List.of("D2-ev-1")), "police", OPENED);

  @Test
  void aNewCaseIsOpenOwnedByItsOpenerAndVersionOne() {
    assertThat(opened.state()).isEqualTo(CaseState.OPEN);
    assertThat(opened.owner()).isEqualTo("police");
    assertThat(opened.version()).isEqualTo(1);
    assertThat(opened.alertIds()).containsExactly("D2-ev-1");
    assertThat(opened.visibleTo("police")).isTrue();
    assertThat(opened.visibleTo("customs")).isFalse();
  }

  @Test
  void everyActionMakesTheNextVersion() {
    CaseFile worked =
        opened
            .apply(new Assign("inspector Amani"), "police", LATER)
            .apply(new Attach(ReferenceKind.LOT, "lot-7"), "police", LATER)
            .apply(new ChangeState(CaseState.INVESTIGATING, null), "police", LATER);

    assertThat(worked.version()).isEqualTo(4);
    assertThat(worked.assignee()).isEqualTo("inspector Amani");
    assertThat(worked.references())
        .singleElement()
        .isEqualTo(new CaseReference(ReferenceKind.LOT, "lot-7", "police", LATER));
    assertThat(worked.state()).isEqualTo(CaseState.INVESTIGATING);
    assertThat(worked.updatedAt()).isEqualTo(LATER);
    assertThat(worked.openedAt()).isEqualTo(OPENED);
  }

  @Test
  void sharingLetsAnotherOrganisationSeeTheCase() {
    CaseFile shared = opened.apply(new Share("fiu"), "police", LATER);

    assertThat(shared.visibleTo("fiu")).isTrue();
    assertThat(shared.owner()).isEqualTo("police");
    assertThat(shared.organisations()).containsExactly("police", "fiu");
  }

  @Test
  void aHandoverMovesOwnershipAndKeepsTheFormerOwnerAsAReader() {
    CaseFile handedOver =
        opened
            .apply(new Assign("inspector Amani"), "police", LATER)
            .apply(new Share("customs"), "police", LATER)
            .apply(new Handover("customs"), "police", LATER);

    assertThat(handedOver.owner()).isEqualTo("customs");
    assertThat(handedOver.sharedWith()).containsExactly("police");
    assertThat(handedOver.assignee()).isNull();
  }

  @Test
  void closingNeedsAnOutcomeAndReopeningClearsIt() {
    assertThatThrownBy(() -> new ChangeState(CaseState.CLOSED, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outcome is required");
    assertThatThrownBy(() -> new ChangeState(CaseState.OPEN, "done"))
        .isInstanceOf(IllegalArgumentException.class);

    CaseFile closed =
        opened.apply(new ChangeState(CaseState.CLOSED, "referred to court"), "police", LATER);
    assertThat(closed.outcome()).isEqualTo("referred to court");
    CaseFile reopened =
        closed.apply(new ChangeState(CaseState.INVESTIGATING, null), "police", LATER);
    assertThat(reopened.outcome()).isNull();
  }

  @Test
  void refusesActionsThatMakeNoSense() {
    assertThatThrownBy(() -> opened.apply(new ChangeState(CaseState.OPEN, null), "police", LATER))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("already open");
    assertThatThrownBy(() -> opened.apply(new Share("police"), "police", LATER))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> opened.apply(new Handover("police"), "police", LATER))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> opened.apply(new Open("again", List.of()), "police", LATER))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void referencesAreValidatedByKind() {
    assertThatThrownBy(() -> new Attach(ReferenceKind.EVIDENCE, "not-a-digest"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SHA-256");
    assertThatThrownBy(() -> new Attach(ReferenceKind.LOT, "two words"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Attach(ReferenceKind.NOTE, "  "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Attach(ReferenceKind.NOTE, "x").type()).isEqualTo("note");
    assertThat(new Attach(ReferenceKind.ACTOR, "actor-1").type()).isEqualTo("attach");
  }

  @Test
  void theOwnerIsNeverAmongThoseSharedWith() {
    assertThatThrownBy(
            () ->
                new CaseFile(
                    "case-1",
                    "title",
                    "police",
                    java.util.Set.of("police"),
                    null,
                    CaseState.OPEN,
                    null,
                    List.of(),
                    List.of(),
                    OPENED,
                    OPENED,
                    1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withdrawingAShareHidesTheCaseFromThatOrganisationOnly() {
    CaseFile shared =
        opened
            .apply(new Share("fiu"), "police", LATER)
            .apply(new Share("customs"), "police", LATER);

    CaseFile withdrawn = shared.apply(new Unshare("fiu"), "police", LATER);

    assertThat(withdrawn.visibleTo("fiu")).isFalse();
    assertThat(withdrawn.visibleTo("customs")).isTrue();
    assertThat(withdrawn.version()).isEqualTo(shared.version() + 1);
    assertThatThrownBy(() -> withdrawn.apply(new Unshare("fiu"), "police", LATER))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not shared with fiu");
    assertThatThrownBy(() -> withdrawn.apply(new Unshare("police"), "police", LATER))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void anAlertStatusEntryChangesOnlyTheVersionOfACaseCitingTheAlert() {
    CaseFile attached = opened.apply(new Attach(ReferenceKind.ALERT, "D9-x"), "police", LATER);
    AlertStatus closing = new AlertStatus("D9-x", "closed", "false match", null);

    CaseFile after = attached.apply(closing, "cd-mines", LATER);

    assertThat(attached.cites("D9-x")).isTrue();
    assertThat(opened.cites("D2-ev-1")).isTrue();
    assertThat(opened.cites("D9-x")).isFalse();
    assertThat(after.version()).isEqualTo(attached.version() + 1);
    assertThat(after.sharedWith()).isEqualTo(attached.sharedWith());
    assertThat(after.references()).isEqualTo(attached.references());
    assertThat(after.state()).isEqualTo(attached.state());
    assertThatThrownBy(() -> opened.apply(closing, "cd-mines", LATER))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new AlertStatus("D9-x", "shelved", "why", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AlertStatus("D9-x", "closed", " ", null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
