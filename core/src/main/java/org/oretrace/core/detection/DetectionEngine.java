package org.oretrace.core.detection;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.oretrace.core.balance.MonthlyBook;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.registry.Registry;

/**
 * Runs the detectors over custody events as they are accepted, in the order they were accepted, and
 * returns the alerts each batch raises. The same engine serves both modes: incremental (the
 * recorder hands it every stored batch, and alerts come out within the batch's own call) and batch
 * (a loaded or simulated world's events fed in one go).
 *
 * <p>For every event, each detector looks at it against the lot book as it stood just before the
 * event, then the book applies the event. The book and every detector's state live in memory and
 * grow with the record (a few dozen bytes a lot); after a restart, {@link #warmUp} replays the
 * stored events without raising their alerts again.
 *
 * <p>Events must be structurally valid (checked by the custody graph): detection judges what is
 * suspicious, not what is impossible. One thread at a time: the methods are synchronised, which
 * costs nothing under the recorder's single writer.
 */
public final class DetectionEngine {

  private final LotBook book;
  private final MassBalanceDetector massBalance;
  private final List<Detector> detectors;

  private DetectionEngine(Registry registry, DetectionParameters parameters) {
    this.book = new LotBook(registry);
    this.massBalance = new MassBalanceDetector(registry, parameters);
    this.detectors =
        List.of(
            massBalance,
            new SiteCapacityDetector(registry, parameters),
            new ImpossibleTravelDetector(registry, parameters),
            new TagReuseDetector(registry),
            new MassGainDetector(registry, parameters),
            new GradeDriftDetector(registry, parameters),
            new CustodyGapDetector(registry, parameters),
            new OriginRiskDetector(registry),
            new RoundTripDetector(registry));
  }

  /** An engine with every detector at its default parameters. */
  public static DetectionEngine create(Registry registry) {
    return create(registry, DetectionParameters.defaults());
  }

  public static DetectionEngine create(Registry registry, DetectionParameters parameters) {
    requireNonNull(registry, "registry is null");
    requireNonNull(parameters, "parameters is null");
    return new DetectionEngine(registry, parameters);
  }

  /** Runs every detector over a whole world's events, in order, and returns all the alerts. */
  public static List<Alert> detect(Registry registry, List<CustodyEvent> events) {
    return create(registry).accept(events);
  }

  /** The detectors this engine runs, in catalogue order. */
  public List<DetectorId> detectors() {
    return detectors.stream().map(Detector::id).toList();
  }

  /** Shows the engine accepted events, in order; returns the alerts they complete. */
  public synchronized List<Alert> accept(List<CustodyEvent> events) {
    requireNonNull(events, "events is null");
    List<Alert> alerts = new ArrayList<>();
    for (CustodyEvent event : events) {
      for (Detector detector : detectors) {
        detector.observe(event, book, alerts);
      }
      book.apply(event);
    }
    return alerts;
  }

  /**
   * D1's books as they stand: for each actor (judged or not) and each mineral, its account for the
   * month of its latest booking (earlier months are not kept; the {@link BalanceProjection} has
   * them all).
   */
  public synchronized List<MonthlyBook> massBalanceBooks() {
    return massBalance.books();
  }

  /** Brings the engine's state up to already-judged events without raising their alerts. */
  public synchronized void warmUp(List<CustodyEvent> events) {
    accept(events);
  }
}
