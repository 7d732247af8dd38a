package org.oretrace.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.oretrace.store.Store;
import org.oretrace.store.TestDatabase;
import org.oretrace.store.epcis.CaptureJob;
import org.oretrace.store.epcis.EpcisMapper;
import org.oretrace.store.epcis.EpcisQuery;
import org.oretrace.store.epcis.EpcisQuery.Match;
import org.oretrace.store.epcis.EpcisRecord;
import org.oretrace.store.epcis.EpcisStore;
import org.oretrace.store.epcis.NamedQuery;
import org.oretrace.store.epcis.QuerySubscription;
import org.oretrace.store.json.Json;

@ParameterizedClass
@EnumSource(TestDatabase.Kind.class)
class JdbcEpcisStoreTest {

  private static final Instant AT = Instant.parse("2025-03-01T08:00:00Z");

  @Parameter TestDatabase.Kind kind;
  @TempDir Path folder;
  private TestDatabase database;
  private Store opened;
  private EpcisStore store;

  @BeforeEach
  void open() {
    database = kind.create(folder);
    opened = database.open();
    store = opened.epcis();
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  private static EpcisRecord record(String id, String bizStep, String epc) {
    ObjectNode event = Json.object();
    event.put("type", "ObjectEvent");
    event.put("eventID", id);
    event.put("eventTime", "2025-03-01T08:00:00Z");
    event.put("eventTimeZoneOffset", "+00:00");
    event.put("action", "OBSERVE");
    event.put("bizStep", bizStep);
    event.putArray("epcList").add(epc);
    return EpcisRecord.of(event, EpcisMapper.context(), AT, List.of(), "capture-1");
  }

  @Test
  void appendsManyEventsAndReplacesAnEventCapturedAgain() {
    List<EpcisRecord> records = new ArrayList<>();
    for (int index = 0; index < 1200; index++) {
      records.add(record("urn:uuid:event-" + index, "shipping", "urn:epc:id:sgtin:1.2." + index));
    }
    store.append(records, -1);
    store.append(List.of(record("urn:uuid:event-7", "receiving", "urn:epc:id:sgtin:9.9.9")), -1);

    assertThat(store.query(EpcisQuery.ALL, 0, 5000)).hasSize(1200);
    assertThat(store.event("urn:uuid:event-7").orElseThrow().bizStep()).isEqualTo("receiving");
    EpcisQuery byOldEpc = EpcisQuery.ALL.and(Match.EPC, List.of("urn:epc:id:sgtin:1.2.7"));
    EpcisQuery byNewEpc = EpcisQuery.ALL.and(Match.EPC, List.of("urn:epc:id:sgtin:9.9.9"));
    assertThat(store.query(byOldEpc, 0, 10)).isEmpty();
    assertThat(store.query(byNewEpc, 0, 10))
        .extracting(EpcisRecord::eventId)
        .containsExactly("urn:uuid:event-7");
    assertThat(store.events(List.of("urn:uuid:event-0", "urn:uuid:event-1199", "nope")))
        .containsOnlyKeys("urn:uuid:event-0", "urn:uuid:event-1199");
  }

  @Test
  void keepsNamedQueriesUnderUniqueNames() {
    ObjectNode parameters = Json.object();
    parameters.putArray("EQ_bizStep").add("shipping");
    NamedQuery shipped = new NamedQuery("shipped", "regulator", parameters, AT);

    assertThat(store.putNamedQuery(shipped)).isTrue();
    assertThat(store.putNamedQuery(new NamedQuery("shipped", "police", Json.object(), AT)))
        .isFalse();
    assertThat(store.putNamedQuery(new NamedQuery("another one", "police", Json.object(), AT)))
        .isTrue();

    assertThat(store.namedQuery("shipped")).contains(shipped);
    assertThat(store.namedQueries(0, 10))
        .extracting(NamedQuery::name)
        .containsExactly("another one", "shipped");
    assertThat(store.namedQueries(1, 10)).extracting(NamedQuery::name).containsExactly("shipped");
    assertThat(store.namedQueries("police", 0, 10))
        .extracting(NamedQuery::name)
        .containsExactly("another one");
    assertThat(store.namedQueries("regulator", 0, 10)).containsExactly(shipped);
    assertThat(store.namedQueries("nobody", 0, 10)).isEmpty();
    assertThat(store.deleteNamedQuery("shipped")).isTrue();
    assertThat(store.deleteNamedQuery("shipped")).isFalse();
    assertThat(store.namedQuery("shipped")).isEmpty();
    assertThat(store.namedQueries(0, 10)).hasSize(1);
  }

  private static QuerySubscription subscription(String id, String query, ObjectNode schedule) {
    return new QuerySubscription(
        id,
        query,
        "https://client.example.com/hook",
        schedule == null ? "secret" : null,
        schedule == null,
        schedule,
        schedule != null,
        "regulator",
        "viewer",
        AT,
        AT.minusSeconds(3600),
        null);
  }

  @Test
  void keepsSubscriptionsAndDeletesThemWithTheirQuery() {
    store.putNamedQuery(new NamedQuery("shipped", "regulator", Json.object(), AT));
    store.putNamedQuery(new NamedQuery("other", "regulator", Json.object(), AT));
    ObjectNode schedule = Json.object().put("minute", "5");
    QuerySubscription stream = subscription("s-1", "shipped", null);
    QuerySubscription scheduled = subscription("s-2", "shipped", schedule);
    store.putSubscription(stream);
    store.putSubscription(scheduled);
    store.putSubscription(subscription("s-3", "other", null));

    assertThat(store.subscription("s-1")).contains(stream);
    assertThat(store.subscription("s-2").orElseThrow().schedule()).isEqualTo(schedule);
    assertThat(store.subscription("s-2").orElseThrow().signatureToken()).isNull();
    assertThat(store.subscriptions("shipped", 0, 10))
        .extracting(QuerySubscription::subscriptionId)
        .containsExactly("s-1", "s-2");
    assertThat(store.subscriptions(null, 0, 10)).hasSize(3);
    assertThat(store.subscriptions("shipped", 1, 10))
        .extracting(QuerySubscription::subscriptionId)
        .containsExactly("s-2");

    Instant next = AT.plusSeconds(60);
    store.subscriptionDelivered("s-1", next, AT.plusSeconds(61));
    QuerySubscription delivered = store.subscription("s-1").orElseThrow();
    assertThat(delivered.minRecordTime()).isEqualTo(next);
    assertThat(delivered.lastNotifiedAt()).isEqualTo(AT.plusSeconds(61));

    assertThat(store.deleteSubscription("s-2")).isTrue();
    assertThat(store.deleteSubscription("s-2")).isFalse();
    assertThat(store.deleteNamedQuery("shipped")).isTrue();
    assertThat(store.subscriptions(null, 0, 10))
        .extracting(QuerySubscription::subscriptionId)
        .containsExactly("s-3");
  }

  private static EpcisRecord linked(String id, String epc, List<String> custodyEventIds) {
    EpcisRecord record = record(id, "shipping", epc);
    return EpcisRecord.of(record.event(), record.context(), AT, custodyEventIds, "capture-1");
  }

  @Test
  void keepsEachEventsCustodyLinksInOrderAndDropsThemWhenTheEventIsReplaced() {
    store.append(
        List.of(
            linked("urn:uuid:merge", "urn:epc:id:sgtin:1.2.1", List.of("ev-9", "ev-9#2", "ev-1")),
            linked("urn:uuid:plain", "urn:epc:id:sgtin:1.2.2", List.of())),
        -1);

    assertThat(store.event("urn:uuid:merge").orElseThrow().custodyEventIds())
        .containsExactly("ev-9", "ev-9#2", "ev-1");
    assertThat(store.event("urn:uuid:plain").orElseThrow().custodyEventIds()).isEmpty();
    assertThat(store.query(EpcisQuery.ALL, 0, 10))
        .extracting(EpcisRecord::custodyEventIds)
        .containsExactlyInAnyOrder(List.of("ev-9", "ev-9#2", "ev-1"), List.of());
    assertThat(store.linkedCustodyEventIds(List.of("ev-1", "ev-9#2", "ev-2")))
        .containsExactlyInAnyOrder("ev-1", "ev-9#2");

    store.append(List.of(linked("urn:uuid:merge", "urn:epc:id:sgtin:1.2.1", List.of("ev-2"))), -1);

    assertThat(store.event("urn:uuid:merge").orElseThrow().custodyEventIds())
        .containsExactly("ev-2");
    assertThat(store.linkedCustodyEventIds(List.of("ev-1", "ev-9", "ev-9#2", "ev-2")))
        .containsExactly("ev-2");
  }

  @Test
  void storesACapturesEventsWithItsJobAndNothingWhenAnEventIdIsTaken() {
    CaptureJob first = new CaptureJob("capture-1", AT, AT, false, true, 2, List.of());
    List<EpcisRecord> records =
        List.of(
            linked("urn:uuid:a", "urn:epc:id:sgtin:1.2.1", List.of("ev-1")),
            linked("urn:uuid:b", "urn:epc:id:sgtin:1.2.2", List.of()));
    store.appendCaptured(
        records, records.stream().map(record -> Json.text(record.event())).toList(), -1, first);

    assertThat(store.captureJob("capture-1")).contains(first);
    assertThat(store.events(List.of("urn:uuid:a", "urn:uuid:b"))).hasSize(2);
    assertThat(store.linkedCustodyEventIds(List.of("ev-1"))).containsExactly("ev-1");

    CaptureJob second = new CaptureJob("capture-2", AT, AT, false, true, 2, List.of());
    List<EpcisRecord> again =
        List.of(
            linked("urn:uuid:c", "urn:epc:id:sgtin:1.2.3", List.of("ev-3")),
            linked("urn:uuid:a", "urn:epc:id:sgtin:1.2.1", List.of("ev-4")));
    assertThatThrownBy(
            () ->
                store.appendCaptured(
                    again,
                    again.stream().map(record -> Json.text(record.event())).toList(),
                    -1,
                    second))
        .isInstanceOf(RuntimeException.class);

    assertThat(store.captureJob("capture-2")).isEmpty();
    assertThat(store.event("urn:uuid:c")).isEmpty();
    assertThat(store.linkedCustodyEventIds(List.of("ev-3", "ev-4"))).isEmpty();
    assertThat(store.event("urn:uuid:a").orElseThrow().custodyEventIds()).containsExactly("ev-1");
  }

  @Test
  void migrationMovesTheLinksOfEventsStoredBeforeVersion25IntoTheirRows() {
    store.append(
        List.of(
            linked("urn:uuid:merge", "urn:epc:id:sgtin:1.2.1", List.of("ev-9", "ev-1")),
            linked("urn:uuid:one", "urn:epc:id:sgtin:1.2.2", List.of("ev-5")),
            linked("urn:uuid:none", "urn:epc:id:sgtin:1.2.3", List.of())),
        -1);
    opened.close();
    // Back to the shape before V25: links with their position and an index by EPCIS event, no
    // custody_event_ids column. The positions give an order other than the ids' own.
    List<String> tampering = new ArrayList<>();
    if (kind == TestDatabase.Kind.SQLITE) {
      tampering.addAll(
          List.of(
              "CREATE TABLE links_before (custody_event_id TEXT PRIMARY KEY,"
                  + " epcis_event_id TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0)",
              "INSERT INTO links_before (custody_event_id, epcis_event_id)"
                  + " SELECT custody_event_id, epcis_event_id FROM epcis_custody_links",
              "DROP TABLE epcis_custody_links",
              "ALTER TABLE links_before RENAME TO epcis_custody_links"));
    } else {
      tampering.add(
          "ALTER TABLE epcis_custody_links ADD COLUMN position INTEGER NOT NULL DEFAULT 0");
    }
    tampering.addAll(
        List.of(
            "CREATE INDEX epcis_custody_links_epcis ON epcis_custody_links (epcis_event_id)",
            "UPDATE epcis_custody_links SET position = 1 WHERE custody_event_id = 'ev-1'",
            "ALTER TABLE epcis_events DROP COLUMN custody_event_ids",
            "DELETE FROM flyway_schema_history WHERE version = '25'"));
    database.tamper(tampering.toArray(String[]::new));

    EpcisStore migrated = database.open().epcis();

    assertThat(migrated.event("urn:uuid:merge").orElseThrow().custodyEventIds())
        .containsExactly("ev-9", "ev-1");
    assertThat(migrated.event("urn:uuid:one").orElseThrow().custodyEventIds())
        .containsExactly("ev-5");
    assertThat(migrated.event("urn:uuid:none").orElseThrow().custodyEventIds()).isEmpty();
    assertThat(migrated.linkedCustodyEventIds(List.of("ev-1", "ev-5", "ev-9", "ev-2")))
        .containsExactlyInAnyOrder("ev-1", "ev-5", "ev-9");
  }
}
