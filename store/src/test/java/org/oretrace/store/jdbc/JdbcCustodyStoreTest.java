package org.oretrace.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Ship;
import org.oretrace.store.DatabaseTest;
import org.oretrace.store.Fixtures;
import org.oretrace.store.LedgerFixtures;
import org.oretrace.store.Recorder;
import org.oretrace.store.Store;
import org.oretrace.store.StoreUnavailableException;
import org.oretrace.store.TestDatabase;

/**
 * The custody store's rows as other tools see them (an event's document is text, though SQLite is
 * given its bytes), and the store when the database and the custody graph disagree: a lot row
 * deleted behind the store's back is found by the first write of that lot's row (on SQLite the
 * flush of the rows held back, whichever batch or idle flush does it; on PostgreSQL the batch that
 * changes the lot), and from then on every write is refused with the lot named, while reads go on.
 */
@ParameterizedClass
@EnumSource(TestDatabase.Kind.class)
class JdbcCustodyStoreTest extends DatabaseTest {

  @Test
  void aLotRowDeletedBehindTheStoresBackRefusesWritesWithTheLotNamedAndKeepsReads()
      throws InterruptedException {
    Recorder recorder = LedgerFixtures.recorder(database);
    Store store = recorder.store();
    recorder.record(Fixtures.chain());
    recorder.record(LedgerFixtures.tags(0, 5));
    // A reader writes the rows held back (SQLite), so that the row exists to be deleted.
    assertThat(store.custody().lot("lot-t1")).isPresent();
    database.tamper("DELETE FROM lots WHERE id = 'lot-t1'");

    List<CustodyEvent> ship =
        List.of(new Ship(Fixtures.context("ship-t1", 600, "coop-1"), "lot-t1", "trader-1", null));
    if (kind == TestDatabase.Kind.SQLITE) {
      // Accepted: its lot row is held back, and written by a later, unrelated batch's flush (or the
      // idle flush) once the rows have waited the flush interval.
      recorder.record(ship);
      Thread.sleep(CustodyProjection.FLUSH_MILLIS + 200);
    } else {
      assertThatThrownBy(() -> recorder.record(ship))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("lot lot-t1");
    }
    long stored = store.custody().eventCount();

    for (int attempt = 0; attempt < 2; attempt++) {
      int first = 100 + attempt * 10;
      assertThatThrownBy(() -> recorder.record(LedgerFixtures.tags(first, 3)))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("lot lot-t1")
          .hasMessageContaining("oretrace verify");
    }
    assertThat(store.custody().eventCount()).isEqualTo(stored);
    assertThat(store.custody().existingEventIds(List.of("tag-100", "tag-110"))).isEmpty();
    assertThat(store.custody().refusingWrites())
        .hasValueSatisfying(reason -> assertThat(reason).contains("lot lot-t1"));

    // Reads still answer, from the rows written before the failure.
    assertThat(store.custody().event("ev-1")).isPresent();
    assertThat(store.custody().lot("lot-t0")).isPresent();
    assertThat(store.custody().lot("lot-t1")).isEmpty();
    assertThat(store.custody().eventsOfLot("lot-1"))
        .extracting(event -> event.event().id())
        .containsExactly("ev-1", "ev-3", "ev-4", "ev-5");
  }

  @Test
  void documentsAreStoredAsTextThatTheDatabasesJsonFunctionsRead() throws SQLException {
    Recorder recorder = LedgerFixtures.recorder(database);
    recorder.record(Fixtures.chain());
    String sql =
        kind == TestDatabase.Kind.SQLITE
            ? "SELECT typeof(document), json_extract(document, '$.id') FROM events"
                + " ORDER BY sequence"
            : "SELECT pg_typeof(document)::text, document::jsonb ->> 'id' FROM events"
                + " ORDER BY sequence";
    List<String> ids = new ArrayList<>();
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        assertThat(rows.getString(1)).isEqualTo("text");
        ids.add(rows.getString(2));
      }
    }
    assertThat(ids).containsExactly("ev-1", "ev-2", "ev-3", "ev-4", "ev-5", "ev-6");
    assertThat(recorder.store().custody().event("ev-5").orElseThrow().event())
        .isEqualTo(Fixtures.chain().get(4));
  }

  @Test
  void aStoreInStepTakesWrites() {
    Recorder recorder = LedgerFixtures.recorder(database);
    recorder.record(Fixtures.chain());
    assertThat(recorder.store().custody().refusingWrites()).isEmpty();
  }
}
