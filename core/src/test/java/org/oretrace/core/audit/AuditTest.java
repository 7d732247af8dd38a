package org.oretrace.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oretrace.core.Country;
import org.oretrace.core.GeoPoint;
import org.oretrace.core.detection.Alert;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.core.registry.ArmedGroupPresence;
import org.oretrace.core.registry.IcglrStatus;
import org.oretrace.core.registry.Mineral;
import org.oretrace.core.registry.Site;

class AuditTest {

  private static final LocalDate DEADLINE = LocalDate.of(2025, 8, 31);
  private static final Site SITE =
      new Site(
          "CD-NK-001",
          "Luwowo",
          Country.of("CD"),
          new GeoPoint(-1.6, 28.95),
          Set.of(Mineral.COLTAN),
          Map.of(),
          IcglrStatus.GREEN,
          ArmedGroupPresence.NONE,
          false);

  private static Audit audit(ActionStatus first, ActionStatus second) {
    return new Audit(
        "audit-1",
        "CD-NK-001",
        "  ICGLR RCM  ",
        LocalDate.of(2025, 6, 1),
        "security",
        List.of(new AuditFinding("levy at the pit", FindingSeverity.CRITICAL)),
        List.of(
            new CorrectiveAction("end the levy", DEADLINE, first),
            new CorrectiveAction("register diggers", DEADLINE.plusDays(30), second)),
        IcglrStatus.RED,
        Instant.parse("2025-06-02T10:00:00Z"),
        "regulator");
  }

  @Test
  void anActionIsOverdueFromTheDayAfterItsDeadlineUntilDone() {
    Audit audit = audit(ActionStatus.OPEN, ActionStatus.IN_PROGRESS);

    assertThat(audit.auditor()).isEqualTo("ICGLR RCM");
    assertThat(audit.overdueActions(DEADLINE)).isEmpty();
    assertThat(audit.overdueActions(DEADLINE.plusDays(1))).containsExactly(0);
    assertThat(audit.overdueActions(DEADLINE.plusDays(31))).containsExactly(0, 1);
    assertThat(audit.withActionStatus(0, ActionStatus.DONE).overdueActions(DEADLINE.plusDays(31)))
        .containsExactly(1);
    assertThatThrownBy(() -> audit.withActionStatus(2, ActionStatus.DONE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theOverdueAlertNamesTheSiteAndIsTheSameForTheSameLapse() {
    Audit audit = audit(ActionStatus.OPEN, ActionStatus.DONE);

    Alert alert = OverdueAlert.of(audit, SITE, DEADLINE.plusDays(10));

    assertThat(alert.detector()).isEqualTo(DetectorId.A1);
    assertThat(alert.siteIds()).containsExactly("CD-NK-001");
    assertThat(alert.eventIds()).isEmpty();
    assertThat(alert.explanation()).contains("Luwowo", "10 days after the deadline of 2025-08-31");
    assertThat(OverdueAlert.of(audit, SITE, DEADLINE.plusDays(20)).id()).isEqualTo(alert.id());
    assertThat(OverdueAlert.of(audit, SITE, DEADLINE)).isNull();
    assertThat(
            OverdueAlert.of(
                audit(ActionStatus.DONE, ActionStatus.DONE), SITE, DEADLINE.plusYears(1)))
        .isNull();
  }

  @Test
  void blankOrOverlongTextIsRefused() {
    assertThatThrownBy(() -> new AuditFinding(" ", FindingSeverity.MINOR))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CorrectiveAction("x".repeat(4001), DEADLINE, ActionStatus.OPEN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
