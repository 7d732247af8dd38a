package org.oretrace.core.custody;

import static java.util.Objects.requireNonNull;

import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.lineage.Direction;
import org.oretrace.core.lineage.LineageIndex;
import org.oretrace.core.registry.Registry;

/**
 * The custody record in memory: the current state of every lot and the lineage graph between lots.
 * It is the authority for the structural rules (a batch is checked against it before it is stored)
 * and answers traces without touching the database.
 *
 * <p>Writes follow a two-step protocol so that memory never gets ahead of the store: {@link #check}
 * validates a batch and returns what it would change without changing anything; the caller stores
 * that in one transaction and then calls {@link #apply}. The caller serialises check and apply (one
 * writer); reads may run concurrently from any thread under a read lock.
 */
public final class CustodyGraph {

  private final LotTable lots = new LotTable();
  private final LineageIndex lineage = new LineageIndex();
  private final ObjectArrayList<String> edgeEventIds = new ObjectArrayList<>();
  private final List<EventType> edgeEventTypes = new ArrayList<>();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  /**
   * The overlays of batches checked and not yet applied, by identity of their accepted batch, so
   * that the checks behind a batch read its checker's maps instead of building their own. Only a
   * cache: a batch not found here (or never applied, as when its write failed) is indexed again
   * from its lots, and the cache is emptied when it holds more than {@value #MAX_OVERLAYS}.
   */
  private final Map<AcceptedBatch, Overlay> overlays = new IdentityHashMap<>();

  private static final int MAX_OVERLAYS = 64;

  /**
   * Checks a batch against the structural rules, as if its events were applied in order.
   *
   * @return the lots and lineage edges the batch would change
   * @throws InvalidInputException naming every failing event and field; nothing has changed
   */
  public AcceptedBatch check(List<CustodyEvent> events, Registry registry) {
    return check(events, registry, List.of());
  }

  /**
   * Checks a batch as if the batches {@code pending} (checked, in this order, but not yet applied)
   * had been applied first: a pipeline checks the next batch while the writer stores the one
   * before. The new lots of the answer are those neither the graph nor a pending batch holds; so
   * the caller must apply the pending batches first, and must check again if one of them is not
   * applied.
   *
   * @throws InvalidInputException naming every failing event and field; nothing has changed
   */
  public AcceptedBatch check(
      List<CustodyEvent> events, Registry registry, List<AcceptedBatch> pending) {
    return check(events, registry, pending, id -> false);
  }

  /**
   * Checks a batch as {@link #check(List, Registry, List)} does, and refuses too every event whose
   * id is already recorded: one that {@code stored} holds (the caller asked the store) or one of
   * the {@code pending} batches. The ids of a pending batch are read from its check's own set, so a
   * pipeline's check does not hash the ids of the batches ahead again. A recorded id is reported
   * ("event ... is already recorded") before its item's other violations, and does not stop its
   * event from being checked as if it were new.
   *
   * @throws InvalidInputException naming every failing event and field; nothing has changed
   */
  public AcceptedBatch check(
      List<CustodyEvent> events,
      Registry registry,
      List<AcceptedBatch> pending,
      Predicate<String> stored) {
    requireNonNull(events, "events is null");
    requireNonNull(registry, "registry is null");
    requireNonNull(pending, "pending is null");
    requireNonNull(stored, "stored is null");
    lock.readLock().lock();
    try {
      List<Overlay> ahead = new ArrayList<>(pending.size());
      for (AcceptedBatch pendingBatch : pending) {
        ahead.add(overlayOf(pendingBatch));
      }
      BatchChecker checker = new BatchChecker(lots, registry, ahead, stored);
      AcceptedBatch batch = checker.check(events);
      if (!checker.violations().isEmpty()) {
        throw new InvalidInputException(checker.violations());
      }
      synchronized (overlays) {
        if (overlays.size() >= MAX_OVERLAYS) {
          overlays.clear();
        }
        overlays.put(batch, checker.overlay());
      }
      return batch;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Applies a checked (and stored) batch: the latest one checked, by the single writer. */
  public void apply(AcceptedBatch batch) {
    restore(batch.lots(), batch.edges());
    synchronized (overlays) {
      overlays.remove(batch);
    }
  }

  /**
   * Forgets a checked batch that will not be applied (its write failed, or it was checked over one
   * that failed): its overlay leaves the cache now rather than when the cache fills, so that no
   * check behind it can read it and its lots are not kept alive.
   */
  public void discard(AcceptedBatch batch) {
    requireNonNull(batch, "batch is null");
    synchronized (overlays) {
      overlays.remove(batch);
    }
  }

  /**
   * How many checked batches the graph keeps an overlay for: those neither applied nor discarded
   * (for tests and diagnostics; at most {@value #MAX_OVERLAYS}).
   */
  public int overlayCount() {
    synchronized (overlays) {
      return overlays.size();
    }
  }

  private Overlay overlayOf(AcceptedBatch batch) {
    Overlay overlay;
    synchronized (overlays) {
      overlay = overlays.get(batch);
    }
    return overlay != null ? overlay : Overlay.of(batch);
  }

  /** Loads lots and lineage edges as they were stored, e.g. at start-up, in any order. */
  public void restore(List<Lot> lotStates, List<LineageEdge> edges) {
    lock.writeLock().lock();
    try {
      lotStates.forEach(lots::put);
      for (LineageEdge edge : edges) {
        int from = lots.row(edge.fromLotId());
        int to = lots.row(edge.toLotId());
        if (from < 0 || to < 0) {
          throw new IllegalStateException(
              "lineage edge " + edge + " refers to a lot that is not loaded");
        }
        lineage.addEdge(from, to, edge.massGrams(), edgeEventIds.size());
        edgeEventIds.add(edge.eventId());
        edgeEventTypes.add(edge.eventType());
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  public int lotCount() {
    lock.readLock().lock();
    try {
      return lots.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  public int edgeCount() {
    lock.readLock().lock();
    try {
      return lineage.edgeCount();
    } finally {
      lock.readLock().unlock();
    }
  }

  public Optional<Lot> lot(String lotId) {
    lock.readLock().lock();
    try {
      int row = lots.row(lotId);
      return row < 0 ? Optional.empty() : Optional.of(lots.lot(row));
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The live lot (held or in transit) that carries this tag number, if any. */
  public Optional<Lot> liveLotByTag(String tagNumber) {
    lock.readLock().lock();
    try {
      int row = lots.liveRowByTag(tagNumber);
      return row < 0 ? Optional.empty() : Optional.of(lots.lot(row));
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The ids of every lot reached from a lot in one direction (the lot first), without their state
   * or the edges: what a recursive query over the edge table would return. Empty when the lot is
   * unknown.
   */
  public Optional<List<String>> reach(String lotId, Direction direction) {
    lock.readLock().lock();
    try {
      int start = lots.row(lotId);
      if (start < 0) {
        return Optional.empty();
      }
      int[] rows = lineage.walk(start, direction).lots();
      List<String> ids = new ArrayList<>(rows.length);
      for (int row : rows) {
        ids.add(lots.id(row));
      }
      return Optional.of(ids);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The full lineage of a lot in one direction, or empty when the lot is unknown. */
  public Optional<Trace> trace(String lotId, Direction direction) {
    lock.readLock().lock();
    try {
      int start = lots.row(lotId);
      if (start < 0) {
        return Optional.empty();
      }
      LineageIndex.Walk walk = lineage.walk(start, direction);
      List<Trace.Node> nodes = new ArrayList<>(walk.lots().length);
      List<Trace.Node> endpoints = new ArrayList<>();
      for (int index = 0; index < walk.lots().length; index++) {
        int row = walk.lots()[index];
        Trace.Node node = new Trace.Node(lots.lot(row), walk.depths()[index]);
        nodes.add(node);
        if (lineage.isEndpoint(row, direction)) {
          endpoints.add(node);
        }
      }
      List<LineageEdge> edges = new ArrayList<>(walk.edges().length);
      for (int edge : walk.edges()) {
        int label = lineage.label(edge);
        edges.add(
            new LineageEdge(
                lots.id(lineage.from(edge)),
                lots.id(lineage.to(edge)),
                lineage.massGrams(edge),
                edgeEventIds.get(label),
                edgeEventTypes.get(label)));
      }
      return Optional.of(new Trace(lotId, direction, nodes, edges, endpoints));
    } finally {
      lock.readLock().unlock();
    }
  }
}
