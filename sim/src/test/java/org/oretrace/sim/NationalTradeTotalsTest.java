package org.oretrace.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.detection.Alert;
import org.oretrace.core.detection.MirrorTrade;
import org.oretrace.core.ledger.LogKey;
import org.oretrace.core.trade.RecordedTrade;
import org.oretrace.store.NationalTrade;
import org.oretrace.store.Recorder;
import org.oretrace.store.Store;
import org.oretrace.store.TradeTotalsStore;
import org.oretrace.store.postgres.PostgresStore;
import org.oretrace.store.sqlite.SqliteStore;

/**
 * D10's custody totals kept in the database ({@code NationalTrade} with its watermark) against a
 * replay of every event of a simulated world, on SQLite and PostgreSQL (when {@code
 * ORETRACE_TEST_POSTGRES_URL} names a server; skipped otherwise), across restarts, with events
 * recorded while no one counted and a registry change taking a ledger position between events.
 */
class NationalTradeTotalsTest {

  private static final String POSTGRES_URL = System.getenv("ORETRACE_TEST_POSTGRES_URL");

  @TempDir Path folder;

  private final LogKey logKey = LogKey.generate("oretrace-test");
  private String schema;

  private static World world() {
    return Scenario.greatLakes()
        .generate(SimulationOptions.of(31, 600).withSchemes(SchemeRates.defaults()));
  }

  private Store open(String kind) {
    if (kind.equals("sqlite")) {
      return SqliteStore.open(folder.resolve("oretrace.db"), logKey);
    }
    assumeTrue(
        POSTGRES_URL != null && !POSTGRES_URL.isBlank(),
        "ORETRACE_TEST_POSTGRES_URL is not set, so the PostgreSQL totals test is SKIPPED");
    if (schema == null) {
      schema = "test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
      execute("CREATE SCHEMA " + schema);
    }
    String url =
        POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return PostgresStore.open(url, logKey, folder.resolve("evidence"));
  }

  private static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(POSTGRES_URL);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
    }
  }

  @AfterEach
  void dropSchema() {
    if (schema != null) {
      execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static void record(Recorder recorder, List<CustodyEvent> events) {
    for (int from = 0; from < events.size(); from += 400) {
      recorder.record(events.subList(from, Math.min(events.size(), from + 400)));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void storedTotalsEqualTheReplayOfEveryEventAcrossRestarts(String kind) {
    World world = world();
    List<CustodyEvent> events = world.events();
    int half = events.size() / 2;
    RecordedTrade replay = new RecordedTrade(world.registry());
    replay.accept(events);
    assertThat(replay.cells()).hasSizeGreaterThan(10);

    long watermark;
    try (Store store = open(kind)) {
      store.registry().putSites(world.sites());
      store.registry().putActors(world.actors());
      Recorder recorder = Recorder.open(store);
      NationalTrade trade = NationalTrade.attach(recorder);
      record(recorder, events.subList(0, half));
      trade.judge();
      watermark = trade.countedUpTo();
      assertThat(store.tradeTotals().load().orElseThrow().nextSequence()).isEqualTo(watermark);
      // A registry change takes the next ledger position: event sequences skip it.
      store.registry().putActors(List.of(world.actors().getFirst()));
    }
    try (Store store = open(kind)) {
      // Recorded while nothing counts them (as `oretrace import` does).
      record(Recorder.open(store), events.subList(half, events.size()));
      assertThat(store.tradeTotals().load().orElseThrow().nextSequence()).isEqualTo(watermark);
    }
    try (Store store = open(kind)) {
      NationalTrade trade = NationalTrade.attach(Recorder.open(store));

      assertThat(trade.countedUpTo()).isEqualTo(store.custody().nextSequence());
      assertThat(trade.recordedCells()).isEqualTo(replay.cells());
      TradeTotalsStore.Snapshot stored = store.tradeTotals().load().orElseThrow();
      assertThat(stored.nextSequence()).isEqualTo(trade.countedUpTo());
      assertThat(RecordedTrade.restore(world.registry(), stored.cells(), stored.lots()).cells())
          .isEqualTo(replay.cells());
      assertThat(RecordedTrade.restore(world.registry(), stored.cells(), stored.lots()).state())
          .isEqualTo(replay.state());
    }
    try (Store store = open(kind)) {
      // Nothing new: the figures are read from the tables, not counted again.
      NationalTrade trade = NationalTrade.attach(Recorder.open(store));
      assertThat(trade.recordedCells()).isEqualTo(replay.cells());
      MirrorTrade mirrorTrade = MirrorTrade.defaults();
      List<Alert> expected =
          mirrorTrade.alerts(mirrorTrade.assess(world.sites(), replay, world.tradeStatistics()));
      assertThat(trade.importStatistics(world.tradeStatistics()).alerts()).isEqualTo(expected);
      List<MirrorTrade.CountryYear> assessed =
          mirrorTrade.assess(world.sites(), replay, world.tradeStatistics());
      for (RecordedTrade.Cell cell : replay.cells()) {
        assertThat(trade.country(cell.country()))
            .isNotEmpty()
            .usingRecursiveComparison()
            .isEqualTo(
                assessed.stream().filter(year -> year.country().equals(cell.country())).toList());
      }
    }
  }
}
