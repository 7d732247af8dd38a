package org.oretrace.store;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oretrace.core.Country;
import org.oretrace.core.custody.AcceptedBatch;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.detection.Alert;
import org.oretrace.core.detection.MirrorTrade;
import org.oretrace.core.detection.MirrorTrade.CountryYear;
import org.oretrace.core.registry.Site;
import org.oretrace.core.trade.RecordedTrade;
import org.oretrace.core.trade.TradeStatistic;

/**
 * D10 mirror-trade wired into the store: the custody record's own trade figures ({@link
 * RecordedTrade}), the imported trade statistics, and the judgement of {@link MirrorTrade} over
 * both and the registry's site capacities. Statistics are judged when they are imported: the alerts
 * go to the alert store (an alert's id is its country, mineral, year and pattern, so importing
 * again raises nothing twice).
 *
 * <p>The figures are kept in the database with a watermark ({@link TradeTotalsStore}): attach
 * restores them and counts only the stored events past the watermark, then writes what changed and
 * moves the watermark in one transaction. Before each question (judge, a country's figures) and
 * every {@value #CATCH_UP_EVERY} events the recorder stores, it counts the events stored since,
 * from the store rather than the recorder's batches, so events another process wrote are counted
 * too and the figures are always exactly those of the events before the watermark. A store without
 * the table (or a folder from before it) is counted once from the first event.
 */
public final class NationalTrade {

  private static final int REPLAY_PAGE = 10_000;
  private static final int CATCH_UP_EVERY = 20_000;

  private final Store store;
  private final RecordedTrade recorded;
  private final MirrorTrade mirrorTrade;
  private final Clock clock;

  /** The sequence counting resumes from: every stored event before it is counted. */
  private long nextSequence;

  /** The watermark as last stored. */
  private long storedSequence;

  private boolean stored;
  private int recordedSinceCatchUp;

  private NationalTrade(Store store, MirrorTrade mirrorTrade, Clock clock) {
    this.store = store;
    this.mirrorTrade = mirrorTrade;
    this.clock = clock;
    Optional<TradeTotalsStore.Snapshot> snapshot = store.tradeTotals().load();
    this.recorded =
        snapshot
            .map(kept -> RecordedTrade.restore(store.registry(), kept.cells(), kept.lots()))
            .orElseGet(() -> new RecordedTrade(store.registry()));
    this.nextSequence = snapshot.map(TradeTotalsStore.Snapshot::nextSequence).orElse(0L);
    this.storedSequence = nextSequence;
    this.stored = snapshot.isPresent();
  }

  /** Attaches to a recorder with the default D10 parameters. */
  public static NationalTrade attach(Recorder recorder) {
    requireNonNull(recorder, "recorder is null");
    NationalTrade trade =
        new NationalTrade(recorder.store(), MirrorTrade.defaults(), Clock.systemUTC());
    trade.catchUp();
    recorder.addListener(trade::accept);
    return trade;
  }

  /**
   * Opens the figures without a recorder (import-trade): restored, counted up to the last stored
   * event and stored, without loading the custody graph; nothing recorded later is counted until
   * the next question.
   */
  public static NationalTrade open(Store store) {
    requireNonNull(store, "store is null");
    NationalTrade trade = new NationalTrade(store, MirrorTrade.defaults(), Clock.systemUTC());
    trade.catchUp();
    return trade;
  }

  /** The custody record's own figures, counted up to the last stored event. */
  public List<RecordedTrade.Cell> recordedCells() {
    catchUp();
    return recorded.cells();
  }

  /** The sequence up to which (exclusive) the figures count the stored events. */
  public synchronized long countedUpTo() {
    return nextSequence;
  }

  /**
   * Counts a batch the recorder stored straight from its events when it is the next thing stored
   * past the watermark (two look-ups by key instead of reading the batch back); otherwise (another
   * process wrote in between) the events are left to the next catch-up from the store.
   */
  private synchronized void accept(AcceptedBatch batch) {
    List<CustodyEvent> events = batch.events();
    List<CustodyStore.StoredEvent> next = store.custody().events(nextSequence, 1);
    if (!next.isEmpty() && next.getFirst().event().id().equals(events.getFirst().id())) {
      Optional<CustodyStore.StoredEvent> last = store.custody().event(events.getLast().id());
      if (last.isPresent()) {
        recorded.accept(events);
        nextSequence = last.get().sequence() + 1;
      }
    }
    recordedSinceCatchUp += events.size();
    if (recordedSinceCatchUp >= CATCH_UP_EVERY) {
      catchUp();
    }
  }

  /**
   * Counts the events stored past the watermark, then stores what changed with the watermark (a
   * bulk load calls it once at its end, so that nothing is left to count at the next start).
   */
  public synchronized void catchUp() {
    recordedSinceCatchUp = 0;
    while (true) {
      List<CustodyStore.StoredEvent> page = store.custody().events(nextSequence, REPLAY_PAGE);
      if (page.isEmpty()) {
        break;
      }
      recorded.accept(page.stream().map(CustodyStore.StoredEvent::event).toList());
      nextSequence = page.getLast().sequence() + 1;
    }
    if (stored && nextSequence == storedSequence) {
      return;
    }
    RecordedTrade.Changes changes = recorded.changes();
    if (!store.tradeTotals().update(storedSequence, nextSequence, changes)) {
      // Another process moved the watermark: what is stored is no base for these changes, so
      // store the whole state, which is exactly the count of the events before nextSequence.
      store.tradeTotals().replace(nextSequence, recorded.state());
    }
    storedSequence = nextSequence;
    stored = true;
  }

  /** What an import did: lines stored and alerts raised. */
  public record Imported(int lines, List<Alert> alerts) {
    public Imported {
      alerts = List.copyOf(alerts);
    }
  }

  /** Stores the lines (replacing equal keys), judges every country again, stores the alerts. */
  public Imported importStatistics(List<TradeStatistic> lines) {
    requireNonNull(lines, "lines is null");
    int stored = store.tradeStatistics().put(lines, clock.instant());
    List<Alert> alerts = judge();
    return new Imported(stored, alerts);
  }

  /** Judges every country's figures as they now stand; stores and returns the alerts. */
  public List<Alert> judge() {
    catchUp();
    List<Alert> alerts = mirrorTrade.alerts(assess(store.tradeStatistics().all()));
    store.alerts().add(alerts, clock.instant());
    return alerts;
  }

  /** One country's figures, mineral by mineral and year by year. */
  public List<CountryYear> country(Country country) {
    requireNonNull(country, "country is null");
    catchUp();
    return assess(store.tradeStatistics().all()).stream()
        .filter(year -> year.country().equals(country))
        .toList();
  }

  private List<CountryYear> assess(List<TradeStatistic> statistics) {
    return mirrorTrade.assess(sites(), recorded, statistics);
  }

  private List<Site> sites() {
    List<Site> sites = new ArrayList<>();
    long offset = 0;
    while (true) {
      Page<Site> page =
          store
              .registry()
              .sites(RegistryStore.SiteFilter.ANY, new PageRequest(offset, PageRequest.MAX_LIMIT));
      sites.addAll(page.items());
      offset += page.items().size();
      if (page.items().isEmpty() || offset >= page.total()) {
        return sites;
      }
    }
  }
}
