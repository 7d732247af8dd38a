package org.oretrace.store;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.oretrace.core.custody.AcceptedBatch;
import org.oretrace.core.detection.BalanceProjection;
import org.oretrace.store.CustodyStore.StoredEvent;

/**
 * The mass-balance projection wired into the recorder: a {@link BalanceProjection} built from the
 * stored events when attached (as the lineage index is rebuilt at start), then shown every batch
 * the recorder stores, on the writer's thread, right after the batch's transaction. Its books are
 * summed on demand (the national books endpoint) and agree to the gram with D1's.
 *
 * <p>A failure while booking a batch never fails the recording (the batch is already durable): it
 * is logged, and the projection stops taking batches rather than book later ones on a wrong state
 * of the lots; a restart rebuilds it from the store.
 */
public final class BalanceBooks {

  private static final System.Logger LOG = System.getLogger(BalanceBooks.class.getName());
  private static final int REPLAY_PAGE = 10_000;

  private final BalanceProjection projection;
  private volatile boolean broken;

  private BalanceBooks(BalanceProjection projection) {
    this.projection = projection;
  }

  /** Builds the projection from the recorder's stored events and keeps it up to date. */
  public static BalanceBooks attach(Recorder recorder) {
    requireNonNull(recorder, "recorder is null");
    Store store = recorder.store();
    BalanceBooks books = new BalanceBooks(BalanceProjection.create(store.registry()));
    long started = System.nanoTime();
    books.replay(store.custody());
    LOG.log(
        System.Logger.Level.INFO,
        "mass-balance projection: {0} events, {1} rows, built in {2} ms",
        books.projection.events(),
        books.projection.rows(),
        (System.nanoTime() - started) / 1_000_000);
    recorder.addListener(books::accept);
    return books;
  }

  /** The projection, to read the books from. */
  public BalanceProjection projection() {
    if (broken) {
      throw new IllegalStateException("the mass-balance projection failed; restart to rebuild it");
    }
    return projection;
  }

  private void replay(CustodyStore custody) {
    long next = 0;
    while (true) {
      List<StoredEvent> page = custody.events(next, REPLAY_PAGE);
      if (page.isEmpty()) {
        return;
      }
      projection.accept(page.stream().map(StoredEvent::event).toList());
      // Sequences are ledger positions shared with other records: go on after the last event.
      next = page.getLast().sequence() + 1;
    }
  }

  private void accept(AcceptedBatch batch) {
    if (broken) {
      return;
    }
    try {
      projection.accept(batch.events());
    } catch (RuntimeException e) {
      broken = true;
      LOG.log(System.Logger.Level.ERROR, "the mass-balance projection failed on a batch", e);
    }
  }
}
