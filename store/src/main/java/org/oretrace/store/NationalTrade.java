package org.oretrace.store;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
 * RecordedTrade}) kept up to date from every batch the recorder stores (after a replay of the
 * stored events at attach), the imported trade statistics, and the judgement of {@link MirrorTrade}
 * over both and the registry's site capacities. Statistics are judged when they are imported: the
 * alerts go to the alert store (an alert's id is its country, mineral, year and pattern, so
 * importing again raises nothing twice).
 */
public final class NationalTrade {

  private static final int REPLAY_PAGE = 10_000;

  private final Store store;
  private final RecordedTrade recorded;
  private final MirrorTrade mirrorTrade;
  private final Clock clock;

  private NationalTrade(Store store, MirrorTrade mirrorTrade, Clock clock) {
    this.store = store;
    this.recorded = new RecordedTrade(store.registry());
    this.mirrorTrade = mirrorTrade;
    this.clock = clock;
  }

  /** Attaches to a recorder with the default D10 parameters. */
  public static NationalTrade attach(Recorder recorder) {
    requireNonNull(recorder, "recorder is null");
    NationalTrade trade =
        new NationalTrade(recorder.store(), MirrorTrade.defaults(), Clock.systemUTC());
    long next = 0;
    while (true) {
      List<CustodyEvent> events =
          recorder.store().custody().events(next, REPLAY_PAGE).stream()
              .map(CustodyStore.StoredEvent::event)
              .toList();
      if (events.isEmpty()) {
        break;
      }
      trade.recorded.accept(events);
      next += events.size();
    }
    recorder.addListener(trade::accept);
    return trade;
  }

  private void accept(AcceptedBatch batch) {
    recorded.accept(batch.events());
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
    List<Alert> alerts = mirrorTrade.alerts(assess(store.tradeStatistics().all()));
    store.alerts().add(alerts, clock.instant());
    return alerts;
  }

  /** One country's figures, mineral by mineral and year by year. */
  public List<CountryYear> country(Country country) {
    requireNonNull(country, "country is null");
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
