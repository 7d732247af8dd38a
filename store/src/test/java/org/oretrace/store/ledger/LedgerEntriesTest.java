package org.oretrace.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oretrace.core.Grade;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.ledger.CanonicalJson;
import org.oretrace.store.Fixtures;
import org.oretrace.store.json.EventJson;
import org.oretrace.store.json.Json;

class LedgerEntriesTest {

  @Test
  void anEntryIsTheCanonicalJsonOfTheWireForm() {
    CustodyEvent tag = Fixtures.chain().getFirst();
    assertThat(LedgerEntries.encodeAsText(tag))
        .isEqualTo(
            "{\"actor\":\"coop-1\",\"grade\":31.5,\"id\":\"ev-1\",\"lot\":\"lot-1\","
                + "\"massGrams\":40000,\"mineral\":\"coltan\","
                + "\"place\":{\"lat\":-1.5536,\"lon\":28.8803},\"recordedBy\":\"test-device\","
                + "\"site\":\"site-rubaya\",\"tagNumber\":\"TAG-1\","
                + "\"time\":\"2025-03-01T08:00:00+02:00\",\"type\":\"tag\"}");
  }

  @Test
  void theEntryDoesNotDependOnHowTheStoredJsonWasWritten() {
    for (CustodyEvent event : Fixtures.chain()) {
      String stored = Json.text(EventJson.encode(event));
      CustodyEvent decoded =
          EventJson.decode(Json.parse(stored.getBytes(StandardCharsets.UTF_8)), 0);
      assertThat(LedgerEntries.encode(decoded)).isEqualTo(LedgerEntries.encode(event));
    }
  }

  @Test
  void everyGradeHasAnExactJsonNumber() {
    List<Long> edges = List.of(0L, 1L, 9_999L, 10_000L, 315_000L, 999_999L, Grade.MILLION);
    for (long ppm = 0; ppm <= Grade.MILLION; ppm += ppm < 20_000 ? 1 : 997) {
      check(new Grade(ppm));
    }
    edges.forEach(ppm -> check(new Grade(ppm)));
  }

  private static void check(Grade grade) {
    String written = new String(CanonicalJson.encode(grade.percent()), StandardCharsets.UTF_8);
    assertThat(new java.math.BigDecimal(written)).isEqualByComparingTo(grade.percent());
  }
}
