package org.oretrace.store.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.oretrace.core.entities.Relation;
import org.oretrace.core.entities.RelationKind;

class FollowTheMoneyEntitiesTest {

  @Test
  void familyAssociatesAndPaymentsAreReadWithTheirTerms() throws IOException {
    String lines =
        """
        {"id":"p-1","schema":"Person","properties":{"name":["Bosco Ntaganda"]}}
        {"id":"p-3","schema":"Person","properties":{"name":["Marie Uwase"]}}
        {"id":"f-1","schema":"Family","properties":{"person":["p-1"],"relative":["p-3"],"relationship":["sister"]}}
        {"id":"a-1","schema":"Associate","properties":{"person":["p-3"],"associate":["p-1"],"startDate":["2019"]}}
        {"id":"pay-1","schema":"Payment","properties":{"payer":["p-3"],"beneficiary":["TRADER-1"],"amount":["12,500.50"],"currency":["usd"],"purpose":["advance"],"date":["2024-03-01"]}}
        """;

    FollowTheMoneyEntities.Contents contents =
        FollowTheMoneyEntities.read(new BufferedReader(new StringReader(lines)), "ftm.json");

    assertThat(contents.relations())
        .extracting(Relation::id)
        .containsExactly("family:p-1:p-3", "associate:p-3:p-1", "payment:p-3:TRADER-1");
    assertThat(contents.relations().get(0).role()).isEqualTo("sister");
    assertThat(contents.relations().get(1).since()).isEqualTo(LocalDate.of(2019, 1, 1));
    Relation payment = contents.relations().get(2);
    assertThat(payment.kind()).isEqualTo(RelationKind.PAYMENT);
    assertThat(payment.amount()).isEqualByComparingTo("12500.5");
    assertThat(payment.currency()).isEqualTo("USD");
    assertThat(payment.role()).isEqualTo("advance");
    assertThat(payment.since()).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(payment.until()).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(contents.skipped()).isZero();
  }
}
