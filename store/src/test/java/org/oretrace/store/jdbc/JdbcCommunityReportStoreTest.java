package org.oretrace.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.oretrace.core.community.CommunityReport;
import org.oretrace.core.community.ReceiptCode;
import org.oretrace.core.community.ReportKind;
import org.oretrace.core.community.ReportMessage;
import org.oretrace.core.community.ReportStatus;
import org.oretrace.store.CommunityReportStore;
import org.oretrace.store.CommunityReportStore.Share;
import org.oretrace.store.CommunityReportStore.ShareChange;
import org.oretrace.store.DatabaseTest;
import org.oretrace.store.PageRequest;
import org.oretrace.store.TestDatabase;

@ParameterizedClass
@EnumSource(TestDatabase.Kind.class)
class JdbcCommunityReportStoreTest extends DatabaseTest {

  private static final Instant RECEIVED = Instant.parse("2025-06-02T10:00:00Z");

  private CommunityReportStore reports;

  @BeforeEach
  void open() {
    reports = database.open().communityReports();
  }

  private static CommunityReport report(String id, int minute) {
    return new CommunityReport(
        id,
        ReportKind.CHILD_LABOUR,
        "site-rubaya",
        "Children carry bags at the lower pit",
        null,
        null,
        RECEIVED.plusSeconds(60L * minute),
        ReportStatus.RECEIVED,
        List.of());
  }

  @Test
  void sharesAReportOnceWithEachOrganisationAndFindsReportsByTheirPhoto() {
    CommunityReport report =
        new CommunityReport(
            "report-shared",
            ReportKind.CHILD_LABOUR,
            "CD-NK-001",
            "lorries at night",
            "ab".repeat(32),
            null,
            Instant.parse("2025-03-01T00:00:00Z"),
            ReportStatus.RECEIVED,
            List.of());
    reports.add(report, "cd".repeat(32));
    Share toPolice = new Share("police", Instant.ofEpochSecond(10), "regulator", "amani");

    assertThat(reports.share(report.id(), toPolice)).isTrue();
    assertThat(
            reports.share(report.id(), new Share("police", Instant.ofEpochSecond(20), "x", null)))
        .isFalse();
    assertThat(
            reports.share(
                report.id(), new Share("fiu", Instant.ofEpochSecond(30), "regulator", null)))
        .isTrue();

    assertThat(reports.shares(report.id()))
        .extracting(Share::organisation)
        .containsExactly("police", "fiu");
    assertThat(reports.shares(report.id()).getFirst()).isEqualTo(toPolice);
    assertThat(reports.sharedWith("police")).containsExactly(report.id());
    assertThat(reports.sharedWith("customs")).isEmpty();
    assertThat(reports.withPhoto("ab".repeat(32))).containsExactly(report);
    assertThat(reports.withPhoto("ef".repeat(32))).isEmpty();
  }

  @Test
  void findsAReportByIdOrByTheHashOfItsReceiptCodeOnly() {
    String code = ReceiptCode.generate();
    CommunityReport report = report("report-1", 0);
    reports.add(report, ReceiptCode.hash(code));

    assertThat(reports.find("report-1")).contains(report);
    assertThat(reports.findByReceipt(ReceiptCode.hash(code))).contains(report);
    assertThat(reports.findByReceipt(code)).isEmpty();
    assertThat(reports.findByReceipt(ReceiptCode.hash(ReceiptCode.generate()))).isEmpty();
  }

  @Test
  void aChangeLandsOnlyOnTheVersionItWasMadeFrom() {
    CommunityReport report = report("report-1", 0);
    reports.add(report, ReceiptCode.hash(ReceiptCode.generate()));
    CommunityReport question =
        report
            .withMessage(new ReportMessage(false, "Which pit?", RECEIVED.plusSeconds(600)))
            .withStatus(ReportStatus.UNDER_REVIEW);
    CommunityReport answerToOld =
        report.withMessage(new ReportMessage(true, "The lower one", RECEIVED.plusSeconds(900)));

    assertThat(reports.replace(report, question)).isTrue();
    assertThat(reports.replace(report, answerToOld)).isFalse();
    CommunityReport answer =
        question.withMessage(new ReportMessage(true, "The lower one", RECEIVED.plusSeconds(900)));
    assertThat(reports.replace(question, answer)).isTrue();
    assertThat(reports.find("report-1").orElseThrow().messages())
        .extracting(ReportMessage::fromReporter)
        .containsExactly(false, true);
  }

  @Test
  void listsTheNewestFirst() {
    reports.add(report("report-1", 0), ReceiptCode.hash(ReceiptCode.generate()));
    reports.add(report("report-2", 5), ReceiptCode.hash(ReceiptCode.generate()));

    var page = reports.list(new PageRequest(0, 10));

    assertThat(page.total()).isEqualTo(2);
    assertThat(page.items())
        .extracting(CommunityReport::id)
        .containsExactly("report-2", "report-1");
  }

  @Test
  void aWithdrawnShareEndsAtOnceAndTheTrailKeepsEveryShareAndWithdrawal() {
    reports.add(report("report-withdrawn", 1), "ef".repeat(32));
    Instant at = Instant.parse("2025-06-03T09:00:00Z");
    assertThat(reports.share("report-withdrawn", new Share("police", at, "regulator", "amani")))
        .isTrue();
    assertThat(
            reports.share(
                "report-withdrawn", new Share("fiu", at.plusSeconds(1), "regulator", null)))
        .isTrue();

    Share withdrawal = new Share("police", at.plusSeconds(60), "regulator", "amani");
    assertThat(reports.withdraw("report-withdrawn", withdrawal)).isTrue();
    assertThat(reports.withdraw("report-withdrawn", withdrawal)).isFalse();
    assertThat(reports.withdraw("report-withdrawn", new Share("customs", at, "regulator", null)))
        .isFalse();

    assertThat(reports.shares("report-withdrawn"))
        .extracting(Share::organisation)
        .containsExactly("fiu");
    assertThat(reports.sharedWith("police")).isEmpty();
    assertThat(reports.sharedWith("fiu")).containsExactly("report-withdrawn");
    // shared again after the withdrawal
    Share again = new Share("police", at.plusSeconds(120), "regulator", null);
    assertThat(reports.share("report-withdrawn", again)).isTrue();
    assertThat(reports.sharedWith("police")).containsExactly("report-withdrawn");
    List<ShareChange> trail = reports.shareTrail("report-withdrawn");
    assertThat(trail).extracting(ShareChange::sequence).containsExactly(1L, 2L, 3L, 4L);
    assertThat(trail)
        .extracting(
            change ->
                (change.withdrawal() ? "withdraw " : "share ") + change.change().organisation())
        .containsExactly("share police", "share fiu", "withdraw police", "share police");
    assertThat(trail.get(2).change()).isEqualTo(withdrawal);
    assertThat(reports.shareTrail("report-unknown")).isEmpty();
  }
}
