package org.oretrace.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.Lot;
import org.oretrace.core.ledger.LogKey;
import org.oretrace.store.CustodyStore.StoredEvent;
import org.oretrace.store.Fixtures;
import org.oretrace.store.LedgerFixtures;
import org.oretrace.store.Recorder;
import org.oretrace.store.Store;
import org.oretrace.store.ledger.LedgerVerifier;
import org.oretrace.store.ledger.LogKeyFile;
import org.oretrace.store.sqlite.SqliteStore;

/**
 * The lots and event_lots tables written behind the events (SQLite, the only writer): every read
 * answers what is committed, and a process killed with rows held back leaves the events for the
 * next start to replay. The killed process is a snapshot of the committed database taken while it
 * runs ({@code VACUUM INTO}, from another connection), which is what SIGKILL leaves on disk.
 */
class CustodyProjectionTest {

  @TempDir Path folder;

  private static Recorder recorder(Store store) {
    store.registry().putSites(Fixtures.sites());
    store.registry().putActors(Fixtures.actors());
    return Recorder.open(store);
  }

  private static long count(Path file, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static Map<String, Lot> lots(Store store) {
    Map<String, Lot> lots = new HashMap<>();
    store.custody().forEachLot(lot -> lots.put(lot.id(), lot));
    return lots;
  }

  private static Map<String, List<Long>> eventsByLot(Store store, Iterable<String> lotIds) {
    Map<String, List<Long>> sequences = new HashMap<>();
    for (String lotId : lotIds) {
      sequences.put(
          lotId, store.custody().eventsOfLot(lotId).stream().map(StoredEvent::sequence).toList());
    }
    return sequences;
  }

  @Test
  void everyReadAnswersWhatIsCommittedThoughTheRowsAreHeldBack() throws SQLException {
    Path file = folder.resolve("oretrace.db");
    try (Store store = SqliteStore.open(file)) {
      Recorder recorder = recorder(store);
      recorder.record(Fixtures.chain());
      recorder.record(LedgerFixtures.tags(0, 20));
      assertThat(count(file, "SELECT COUNT(*) FROM lots")).isZero();
      assertThat(count(file, "SELECT COUNT(*) FROM event_lots")).isZero();
      assertThat(count(file, "SELECT COUNT(*) FROM custody_projection_behind")).isEqualTo(1);

      assertThat(store.custody().lot("lot-3")).isEqualTo(recorder.graph().lot("lot-3"));
      assertThat(count(file, "SELECT COUNT(*) FROM lots")).isEqualTo(recorder.graph().lotCount());
      assertThat(count(file, "SELECT COUNT(*) FROM custody_projection_behind")).isZero();
      assertThat(store.custody().eventsOfLot("lot-1"))
          .extracting(stored -> stored.event().id())
          .containsExactly("ev-1", "ev-3", "ev-4", "ev-5");

      // Held back again, then read by each reader.
      recorder.record(LedgerFixtures.tags(20, 5));
      assertThat(count(file, "SELECT COUNT(*) FROM custody_projection_behind")).isEqualTo(1);
      assertThat(store.custody().eventsOfLot("lot-t24"))
          .extracting(stored -> stored.event().id())
          .containsExactly("tag-24");
      recorder.record(LedgerFixtures.tags(25, 5));
      assertThat(lots(store)).hasSize(recorder.graph().lotCount()).containsKey("lot-t29");
    }
    // Closing writes what was held back.
    recorderOver(file, 30);
  }

  /** Records one more batch on a reopened store, whose rows the last close must have written. */
  private void recorderOver(Path file, int next) throws SQLException {
    try (Store store = SqliteStore.open(file)) {
      Recorder recorder = Recorder.open(store);
      recorder.record(LedgerFixtures.tags(next, 3));
      assertThat(count(file, "SELECT COUNT(*) FROM lots"))
          .isEqualTo(recorder.graph().lotCount() - 3);
    }
    assertThat(count(file, "SELECT COUNT(*) FROM custody_projection_behind")).isZero();
  }

  @Test
  void aProcessKilledWithRowsHeldBackLeavesTheEventsToBeReplayedAtTheNextStart() throws Exception {
    Path file = folder.resolve("oretrace.db");
    Path killed = folder.resolve("killed").resolve("oretrace.db");
    Files.createDirectories(killed.getParent());
    LogKey key =
        LogKeyFile.loadOrCreate(folder.resolve(LogKeyFile.FILE_NAME), LogKeyFile.DEFAULT_ORIGIN);
    List<CustodyEvent> chain = Fixtures.chain();
    Map<String, Lot> expected;
    Map<String, List<Long>> expectedEvents;
    try (Store store = SqliteStore.open(file, key)) {
      Recorder recorder = recorder(store);
      recorder.record(chain.subList(0, 2));
      recorder.record(LedgerFixtures.tags(0, 10));
      assertThat(store.custody().lot("lot-1")).isPresent(); // written: the marker moves on
      // Held back: lots changed (one changes holder, two are merged) and new ones.
      recorder.record(chain.subList(2, chain.size()));
      recorder.record(LedgerFixtures.tags(10, 10));
      try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
          Statement statement = connection.createStatement()) {
        statement.execute("VACUUM INTO '" + killed + "'");
      }
      expected = lots(store);
      expectedEvents = eventsByLot(store, expected.keySet());
    }
    assertThat(count(killed, "SELECT COUNT(*) FROM custody_projection_behind")).isEqualTo(1);
    assertThat(count(killed, "SELECT COUNT(*) FROM lots")).isEqualTo(12);
    assertThat(count(killed, "SELECT mass_grams FROM lots WHERE id = 'lot-1'")).isEqualTo(40_000);

    try (Store store = SqliteStore.open(killed, key)) {
      Recorder recorder = Recorder.open(store);
      assertThat(count(killed, "SELECT COUNT(*) FROM custody_projection_behind")).isZero();
      assertThat(lots(store)).isEqualTo(expected).hasSize(recorder.graph().lotCount());
      assertThat(eventsByLot(store, expected.keySet())).isEqualTo(expectedEvents);
      store.ledger().latestCheckpoint();
      assertThat(
              new LedgerVerifier(store.ledger(), store.ledger().verifierKey())
                  .verify(position -> {})
                  .findings())
          .isEmpty();
      // The writer goes on from there.
      recorder.record(LedgerFixtures.tags(20, 3));
      assertThat(store.custody().lot("lot-t22")).isPresent();
    }
  }

  @Test
  void anotherStoreOnTheFileSeesTheRowsWithinAboutASecondAndNeverReplaysThem() throws Exception {
    Path file = folder.resolve("oretrace.db");
    try (Store writer = SqliteStore.open(file)) {
      Recorder recorder = recorder(writer);
      recorder.record(LedgerFixtures.tags(0, 5));
      try (Store reader = SqliteStore.open(file)) {
        // The idle flush writes them, with no batch or read of the writer's own to prompt it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (reader.custody().lot("lot-t4").isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        assertThat(reader.custody().lot("lot-t4")).isEqualTo(recorder.graph().lot("lot-t4"));
        assertThat(reader.custody().eventsOfLot("lot-t4"))
            .extracting(stored -> stored.event().id())
            .containsExactly("tag-4");
        // Held back again: whether or not the rows are written yet, the reader leaves the live
        // writer's marker and rows alone (a replay would insert lots the writer inserts too).
        recorder.record(LedgerFixtures.tags(5, 5));
        assertThat(
                reader.custody().lot("lot-t9").isEmpty()
                    || reader.custody().lot("lot-t9").equals(recorder.graph().lot("lot-t9")))
            .isTrue();
      }
      recorder.record(LedgerFixtures.tags(10, 5));
      assertThat(lots(writer)).hasSize(recorder.graph().lotCount()).containsKey("lot-t9");
    }
  }
}
