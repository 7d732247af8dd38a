package org.oretrace.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.oretrace.core.Country;
import org.oretrace.core.access.Role;
import org.oretrace.core.detection.Alert;
import org.oretrace.core.detection.DetectorId;
import org.oretrace.core.detection.Severity;
import org.oretrace.store.AlertStore.AlertFilter;
import org.oretrace.store.AlertStore.Status;
import org.oretrace.store.AlertStore.StatusChange;
import org.oretrace.store.AlertStore.StoredAlert;
import org.oretrace.store.DatabaseTest;
import org.oretrace.store.PageRequest;
import org.oretrace.store.Store;
import org.oretrace.store.TestDatabase;

@ParameterizedClass
@EnumSource(TestDatabase.Kind.class)
class JdbcAlertStoreTest extends DatabaseTest {

  private Store store;

  static Alert alert(int number, DetectorId detector, double score, String actor, String country) {
    return new Alert(
        detector.name() + "-ev-" + number,
        detector,
        score,
        Severity.forScore(score),
        Instant.parse("2025-03-01T00:00:00Z").plusSeconds(3_600L * number),
        List.of("ev-" + number),
        List.of("lot-" + number),
        List.of(actor),
        List.of("site-" + (number % 2)),
        List.of(Country.of(country)),
        Map.of("massTonnes", new BigDecimal("1.250000")),
        "Alert number " + number + ".");
  }

  @BeforeEach
  void open() {
    store = database.open();
    List<Alert> alerts = new ArrayList<>();
    for (int number = 1; number <= 30; number++) {
      alerts.add(
          alert(
              number,
              number % 3 == 0 ? DetectorId.D1 : DetectorId.D5,
              number % 5 == 0 ? 0.95 : 0.7,
              "actor-" + (number % 4),
              number % 2 == 0 ? "CD" : "RW"));
    }
    store.alerts().add(alerts, Instant.parse("2025-04-01T00:00:00Z"));
  }

  @Test
  void closesAndReopensAnAlertKeepingEveryChangeInItsTrail() {
    String id = "D5-ev-7";
    long before = store.alerts().version();
    StatusChange close =
        new StatusChange(
            Status.CLOSED, "weighed again", "police", "amani", Role.INVESTIGATOR, Instant.EPOCH);

    assertThat(store.alerts().changeStatus(id, close)).isTrue();
    assertThat(store.alerts().changeStatus(id, close)).as("closed already").isFalse();
    assertThat(store.alerts().changeStatus("D5-nothing", close)).isFalse();
    assertThat(store.alerts().alert(id).orElseThrow().status()).isEqualTo(Status.CLOSED);
    assertThat(store.alerts().version()).isEqualTo(before + 1);
    AlertFilter closed =
        new AlertFilter(null, null, null, null, null, null, null, null, Status.CLOSED);
    AlertFilter open = new AlertFilter(null, null, null, null, null, null, null, null, Status.OPEN);
    assertThat(store.alerts().alerts(closed, PageRequest.first(100)).items())
        .extracting(stored -> stored.alert().id())
        .containsExactly(id);
    assertThat(store.alerts().alerts(open, PageRequest.first(100)).total()).isEqualTo(29);

    StatusChange reopen =
        new StatusChange(
            Status.OPEN, "not witnessed", "regulator", null, Role.ADMIN, Instant.ofEpochSecond(60));
    assertThat(store.alerts().changeStatus(id, reopen)).isTrue();
    assertThat(store.alerts().statusHistory(id)).containsExactly(close, reopen);
    assertThat(store.alerts().statusHistory("D5-ev-8")).isEmpty();
    assertThat(store.alerts().alerts(open, PageRequest.first(100)).total()).isEqualTo(30);
  }

  @Test
  void storesAnAlertAsItWasRaised() {
    Alert original = alert(7, DetectorId.D5, 0.7, "actor-3", "RW");

    assertThat(store.alerts().alert("D5-ev-7"))
        .hasValue(new StoredAlert(original, Instant.parse("2025-04-01T00:00:00Z")));
    assertThat(store.alerts().alert("D5-ev-99")).isEmpty();
  }

  @Test
  void addingAnAlertTwiceKeepsOne() {
    store.alerts().add(List.of(alert(7, DetectorId.D5, 0.7, "actor-3", "RW")), Instant.now());

    assertThat(store.alerts().count()).isEqualTo(30);
  }

  @Test
  void allReadsEveryAlertAcrossPagesNewestFirst() {
    List<Alert> more = new ArrayList<>();
    for (int number = 31; number <= 2_020; number++) {
      more.add(alert(number, DetectorId.D5, 0.7, "actor-2", "CD"));
    }
    store.alerts().add(more, Instant.parse("2025-06-01T00:00:00Z"));

    List<StoredAlert> all = store.alerts().all();

    assertThat(all).hasSize(2_020);
    assertThat(all).extracting(stored -> stored.alert().id()).doesNotHaveDuplicates();
    assertThat(all.getFirst().alert().id()).isEqualTo("D5-ev-2020");
    assertThat(all.getLast().alert().id()).isEqualTo("D5-ev-1");
  }

  @Test
  void everyFilterAndPageMatchesAFilterOverTheWholeList() {
    List<Alert> all =
        store.alerts().alerts(AlertFilter.ANY, new PageRequest(0, 100)).items().stream()
            .map(StoredAlert::alert)
            .toList();
    assertThat(all).hasSize(30);
    assertThat(all.getFirst().id()).isEqualTo("D1-ev-30");

    for (DetectorId detector : List.of(DetectorId.D1, DetectorId.D5)) {
      for (Severity severity : Severity.values()) {
        for (String actor : List.of("actor-0", "actor-1")) {
          for (String country : List.of("CD", "RW")) {
            AlertFilter filter =
                new AlertFilter(
                    detector,
                    severity,
                    null,
                    actor,
                    Country.of(country),
                    Instant.parse("2025-03-01T05:00:00Z"),
                    null);
            List<Alert> expected =
                all.stream()
                    .filter(alert -> alert.detector() == detector)
                    .filter(alert -> alert.severity() == severity)
                    .filter(alert -> alert.actorIds().contains(actor))
                    .filter(alert -> alert.countries().contains(Country.of(country)))
                    .filter(alert -> !alert.occurredAt().isBefore(filter.from()))
                    .toList();
            var page = store.alerts().alerts(filter, new PageRequest(1, 2));
            assertThat(page.total()).isEqualTo(expected.size());
            assertThat(page.items().stream().map(StoredAlert::alert).toList())
                .isEqualTo(expected.stream().skip(1).limit(2).toList());
          }
        }
      }
    }
    assertThat(
            store
                .alerts()
                .alerts(
                    new AlertFilter(null, null, "site-1", null, null, null, null),
                    new PageRequest(0, 100))
                .total())
        .isEqualTo(15);
  }
}
