package org.oretrace.store;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.custody.AcceptedBatch;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyGraph;
import org.oretrace.core.custody.LineageEdge;
import org.oretrace.core.custody.Lot;
import org.oretrace.store.CustodyStore.IdempotencyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where custody events enter Oretrace, whatever carried them (API, import, field
 * batch, simulator): check against the structural rules, store in one transaction, then update the
 * in-memory custody graph and tell the listeners (detection, later).
 *
 * <p>A batch is all or nothing: any violation refuses it whole, with every violation listed, and
 * nothing is written. A retried request with the same idempotency key returns the first answer and
 * writes nothing.
 *
 * <p>A pipeline of two stages. {@link #record} is {@link #check} then {@link #write}, and callers
 * on several threads may be at different stages: batch N+1 is checked while batch N is written, so
 * that the structural check runs on another core than the single writer. Checks are serialised and
 * hand out tickets; writes run one at a time in ticket order (the ledger is a single sequence). A
 * batch is checked against the graph as the batches ahead of it (checked, not yet written) will
 * leave it; that is only right if they are written. So when one of them fails to store, or is
 * itself waiting to be checked at its turn, a later batch is not checked ahead but "deferred":
 * checked at its write turn, when every batch before it is resolved, exactly as one writer would. A
 * refusal found ahead of unwritten batches is deferred too, as those batches may still fail. A
 * refused batch therefore never leaves state behind for later batches: its lots never enter the
 * overlay the next checks see.
 *
 * <p>Writing is itself two steps. {@link #commit} stores the batch in its turn (the single writer,
 * the bound of the pipeline); {@link #publish} then applies it to the custody graph and tells the
 * listeners, in the same order, but after the turn has passed to the next batch: so the graph
 * update and detection run beside the next batch's transaction, not in front of it. A batch
 * committed and not yet published is part of the overlay every check sees, like the batches ahead;
 * it leaves the overlay under the check lock, together with its application to the graph, so a
 * check sees it exactly once. {@link #write} is both, and returns once the batch is published.
 */
public final class Recorder {

  private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);

  private final Store store;
  private final CustodyGraph graph;
  private final List<Consumer<AcceptedBatch>> listeners = new CopyOnWriteArrayList<>();

  /** Held while a batch is checked, so that tickets follow the order of the checks. */
  private final ReentrantLock checking = new ReentrantLock();

  /** Guards the queue below; writers wait on it for their turn. */
  private final Object turns = new Object();

  /** Checked batches not yet resolved (written or failed), in ticket order. */
  private final ArrayDeque<Checked> queued = new ArrayDeque<>();

  private long nextTicket;
  private long nextToWrite;

  /** Writes that did not store their batch; a check that saw one start is redone at its turn. */
  private long failedWrites;

  /** Batches committed and not yet applied to the graph, in commit order; under turns. */
  private final ArrayDeque<AcceptedBatch> unpublished = new ArrayDeque<>();

  private long nextToCommitForPublishing;
  private long nextToPublish;

  private Recorder(Store store, CustodyGraph graph) {
    this.store = store;
    this.graph = graph;
  }

  /**
   * Opens a recorder over a store, rebuilding the custody graph from what the store holds. The
   * writer's start signs what an earlier process committed and left unsigned (killed within the
   * ledger's signing interval), so the stored checkpoint covers the whole log again before any new
   * event is taken.
   */
  public static Recorder open(Store store) {
    requireNonNull(store, "store is null");
    store.ledger().latestCheckpoint();
    List<Lot> lots = new ArrayList<>();
    List<LineageEdge> edges = new ArrayList<>();
    store.custody().forEachLot(lots::add);
    store.custody().forEachEdge(edges::add);
    CustodyGraph graph = new CustodyGraph();
    graph.restore(lots, edges);
    return new Recorder(store, graph);
  }

  /** The in-memory custody graph, for lookups and traces. */
  public CustodyGraph graph() {
    return graph;
  }

  public Store store() {
    return store;
  }

  /**
   * Registers a listener called, in order, after each batch is stored and applied to the graph: on
   * the thread that wrote the batch, while the next batch may already be committing ({@link
   * #publish}), and before the batch's {@link #write} returns.
   */
  public void addListener(Consumer<AcceptedBatch> listener) {
    listeners.add(requireNonNull(listener, "listener is null"));
  }

  /** Records a batch without idempotency key. */
  public Recorded record(List<CustodyEvent> events) {
    return record(events, null);
  }

  /**
   * Records a batch: {@link #record(EncodedBatch, IdempotencyRequest)} of the batch encoded on the
   * caller's thread.
   */
  public Recorded record(List<CustodyEvent> events, IdempotencyRequest idempotency) {
    return record(EncodedBatch.of(requireNonNull(events, "events is null")), idempotency);
  }

  /**
   * Records a batch already encoded: {@link #check} then {@link #write}. Encoding needs no lock, so
   * a caller that must keep batches in order (a pipeline) may encode the next batch while this one
   * is written.
   *
   * @param idempotency the request's key and body hash, or null
   * @throws InvalidInputException when any event breaks a rule; nothing is written then
   * @throws IdempotencyConflictException when the key was used for another request
   */
  public Recorded record(EncodedBatch encoded, IdempotencyRequest idempotency) {
    return write(check(encoded, idempotency));
  }

  /**
   * The first stage of {@link #record}: checks a batch against the rules as the batches checked
   * before it will leave the graph, and takes its place in the writing order. The caller must then
   * {@link #write} it, and soon: every later batch waits for it. A batch refused here takes no
   * place and need not be written.
   *
   * @throws InvalidInputException when any event breaks a rule whatever the batches ahead do
   * @throws IdempotencyConflictException when the key was used for another request
   */
  public Checked check(EncodedBatch encoded, IdempotencyRequest idempotency) {
    requireNonNull(encoded, "encoded is null");
    checking.lock();
    try {
      List<AcceptedBatch> ahead = new ArrayList<>();
      boolean defer = false;
      boolean uncommitted;
      long failuresSeen;
      synchronized (turns) {
        // Committed batches cannot fail any more: they are ahead, but never a reason to defer.
        ahead.addAll(unpublished);
        for (Checked queuedBatch : queued) {
          AcceptedBatch accepted = queuedBatch.accepted;
          defer |= accepted == null || sameKey(queuedBatch.idempotency, idempotency);
          if (accepted != null) {
            ahead.add(accepted);
          }
        }
        uncommitted = !queued.isEmpty();
        failuresSeen = failedWrites;
      }
      if (defer) {
        return enqueue(new Checked(encoded, idempotency, null), failuresSeen);
      }
      if (idempotency != null) {
        Recorded replay = replay(idempotency);
        if (replay != null) {
          return new Checked(replay);
        }
      }
      AcceptedBatch accepted;
      try {
        accepted = verify(encoded.events(), ahead);
      } catch (InvalidInputException e) {
        if (!uncommitted) {
          throw e;
        }
        return enqueue(new Checked(encoded, idempotency, null), failuresSeen);
      }
      Checked placed = enqueue(new Checked(encoded, idempotency, accepted), failuresSeen);
      if (!placed.checkedAhead()) {
        graph.discard(accepted);
      }
      return placed;
    } finally {
      checking.unlock();
    }
  }

  /**
   * The second stage of {@link #record}: {@link #commit} then {@link #publish}.
   *
   * @throws InvalidInputException when a deferred batch breaks a rule; nothing is written then
   * @throws IllegalStateException when the batch was already written
   */
  public Recorded write(Checked checked) {
    return publish(commit(checked));
  }

  /**
   * Waits until every batch checked before this one is committed or has failed, then stores this
   * one in its own transaction. A deferred batch is checked here first. The caller must then {@link
   * #publish} it, and soon: the batches behind wait for it to be applied before they are published.
   *
   * @throws InvalidInputException when a deferred batch breaks a rule; nothing is written then
   * @throws IllegalStateException when the batch was already written
   */
  public Committed commit(Checked checked) {
    requireNonNull(checked, "checked is null");
    if (checked.replay != null) {
      return new Committed(checked.replay);
    }
    if (checked.taken.getAndSet(true)) {
      throw new IllegalStateException("this batch was already written");
    }
    AcceptedBatch accepted = awaitTurn(checked);
    // Whether the batches behind may stand as they were checked: false when this one was to be
    // stored and was not.
    boolean settled = false;
    Committed committed = null;
    try {
      if (accepted == null) {
        // Every batch before this one is committed: check it as a lone writer would, over the
        // graph and the batches committed but not yet published.
        if (checked.idempotency != null) {
          Recorded replay = replay(checked.idempotency);
          if (replay != null) {
            settled = true;
            return new Committed(replay);
          }
        }
        accepted = verifyOverUnpublished(checked.encoded.events());
      }
      List<String> ids = accepted.events().stream().map(CustodyEvent::id).toList();
      IdempotencyRecord record =
          checked.idempotency == null
              ? null
              : new IdempotencyRecord(
                  checked.idempotency.key(), checked.idempotency.requestHash(), ids);
      store.custody().append(accepted, checked.encoded, record);
      settled = true;
      committed = new Committed(accepted, ids);
      return committed;
    } finally {
      List<AcceptedBatch> discarded = resolve(checked, settled, committed);
      if (!settled && accepted != null) {
        // Checked, not stored, never to be applied: its overlay goes now, not when the cache fills.
        graph.discard(accepted);
      }
      discarded.forEach(graph::discard);
    }
  }

  /**
   * Applies a committed batch to the custody graph and tells the listeners, once every batch
   * committed before it is published; returns the answer to the batch. A failing listener is
   * logged: the batch is stored and acknowledged whatever detection does.
   *
   * @throws IllegalStateException when the batch was already published
   */
  public Recorded publish(Committed committed) {
    requireNonNull(committed, "committed is null");
    if (committed.replay != null) {
      return committed.replay;
    }
    if (committed.published.getAndSet(true)) {
      throw new IllegalStateException("this batch was already published");
    }
    AcceptedBatch accepted = committed.accepted;
    awaitPublishingTurn(committed);
    try {
      checking.lock();
      try {
        graph.apply(accepted);
      } finally {
        synchronized (turns) {
          unpublished.removeFirst();
        }
        checking.unlock();
      }
      for (Consumer<AcceptedBatch> listener : listeners) {
        try {
          listener.accept(accepted);
        } catch (RuntimeException e) {
          // The batch is stored and acknowledged; a failing listener (detection) must not turn
          // that into an error for the sender. It is logged for the operator instead.
          LOG.error(
              "a listener failed on a batch of {} events; the batch is stored",
              committed.ids.size(),
              e);
        }
      }
      return new Recorded(committed.ids, false);
    } finally {
      synchronized (turns) {
        nextToPublish++;
        turns.notifyAll();
      }
    }
  }

  /**
   * Checks a deferred batch at its turn: over the graph and the batches committed but not yet
   * published, under the check lock so that none of them is applied meanwhile.
   */
  private AcceptedBatch verifyOverUnpublished(List<CustodyEvent> events) {
    checking.lock();
    try {
      List<AcceptedBatch> ahead;
      synchronized (turns) {
        ahead = List.copyOf(unpublished);
      }
      return verify(events, ahead);
    } finally {
      checking.unlock();
    }
  }

  private static boolean sameKey(IdempotencyRequest queued, IdempotencyRequest request) {
    return queued != null && request != null && queued.key().equals(request.key());
  }

  /** The first answer to a request with this key, or null when the key is new. */
  private Recorded replay(IdempotencyRequest idempotency) {
    Optional<IdempotencyRecord> previous = store.custody().idempotencyRecord(idempotency.key());
    if (previous.isEmpty()) {
      return null;
    }
    if (!previous.get().requestHash().equals(idempotency.requestHash())) {
      throw new IdempotencyConflictException(idempotency.key());
    }
    return new Recorded(previous.get().eventIds(), true);
  }

  /**
   * Checks the events against what is stored and the batches ahead: no id recorded or queued
   * before, and the structural rules.
   */
  private AcceptedBatch verify(List<CustodyEvent> events, List<AcceptedBatch> ahead) {
    if (events.isEmpty()) {
      throw InvalidInputException.of("", "the batch holds no event");
    }
    // A loop rather than a stream: this runs for every batch captured. The ids the batches ahead
    // hold are the graph's to find, in the sets their checks built.
    List<String> ids = new ArrayList<>(events.size());
    for (CustodyEvent event : events) {
      ids.add(event.id());
    }
    Set<String> stored = store.custody().existingEventIds(ids);
    return graph.check(events, store.registry(), ahead, stored::contains);
  }

  /**
   * Gives a checked batch its ticket, or defers it when a write failed since its check began (it
   * may have been checked over that batch).
   */
  private Checked enqueue(Checked checked, long failuresSeen) {
    synchronized (turns) {
      Checked placed =
          failedWrites == failuresSeen || checked.accepted == null
              ? checked
              : new Checked(checked.encoded, checked.idempotency, null);
      placed.ticket = nextTicket++;
      queued.addLast(placed);
      return placed;
    }
  }

  /** Waits for the batch's turn and returns its accepted form, or null to check it now. */
  private AcceptedBatch awaitTurn(Checked checked) {
    synchronized (turns) {
      // Not interruptible: the batches behind this one wait for it to be resolved.
      awaitUninterruptibly(() -> nextToWrite == checked.ticket);
      return checked.accepted;
    }
  }

  /**
   * Takes a batch out of the queue once written or failed; when it failed, the batches behind it
   * are to be checked again at their turn, and their checks' results are returned, for the graph to
   * discard.
   */
  private List<AcceptedBatch> resolve(Checked checked, boolean settled, Committed committed) {
    List<AcceptedBatch> discarded = List.of();
    synchronized (turns) {
      queued.remove(checked);
      if (committed != null) {
        // Into the overlay of the checks before it leaves the queue's, under the same lock.
        unpublished.addLast(committed.accepted);
        committed.publishingTicket = nextToCommitForPublishing++;
      }
      if (!settled) {
        // The batches behind were checked as if this one were stored: check them at their turn.
        failedWrites++;
        discarded = new ArrayList<>();
        for (Checked behind : queued) {
          if (behind.accepted != null) {
            discarded.add(behind.accepted);
          }
          behind.accepted = null;
        }
      }
      nextToWrite++;
      turns.notifyAll();
    }
    return discarded;
  }

  /** Waits until every batch committed before this one is published. */
  private void awaitPublishingTurn(Committed committed) {
    synchronized (turns) {
      // Not interruptible: the batches behind this one wait for it to be published.
      awaitUninterruptibly(() -> nextToPublish == committed.publishingTicket);
    }
  }

  /**
   * Waits on {@code turns}, whose lock the caller holds, until the condition holds; an interrupt
   * meanwhile is kept for the caller's thread rather than abandoning the wait.
   */
  private void awaitUninterruptibly(BooleanSupplier condition) {
    boolean interrupted = false;
    while (!condition.getAsBoolean()) {
      try {
        turns.wait();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A batch stored by {@link #commit}, waiting for {@link #publish} with its place in the order of
   * publishing; or the first answer to a retried request, which publishing returns as it is.
   */
  public static final class Committed {
    private final AcceptedBatch accepted;
    private final List<String> ids;
    private final Recorded replay;
    private final AtomicBoolean published = new AtomicBoolean();
    // Set under the recorder's turns before the batch is handed back.
    private long publishingTicket;

    private Committed(AcceptedBatch accepted, List<String> ids) {
      this.accepted = accepted;
      this.ids = ids;
      this.replay = null;
    }

    private Committed(Recorded replay) {
      this.accepted = null;
      this.ids = replay.eventIds();
      this.replay = replay;
    }
  }

  /**
   * A batch that passed {@link #check}, waiting for {@link #write}: with its place in the writing
   * order and what it changes, or, when deferred, to be checked at its turn; or the first answer to
   * a retried request.
   */
  public static final class Checked {
    private final EncodedBatch encoded;
    private final IdempotencyRequest idempotency;
    private final Recorded replay;
    private final AtomicBoolean taken = new AtomicBoolean();
    // Set under the recorder's turns; read there too, but for checkedAhead.
    private volatile AcceptedBatch accepted;
    private long ticket;

    private Checked(EncodedBatch encoded, IdempotencyRequest idempotency, AcceptedBatch accepted) {
      this.encoded = encoded;
      this.idempotency = idempotency;
      this.accepted = accepted;
      this.replay = null;
    }

    private Checked(Recorded replay) {
      this.encoded = null;
      this.idempotency = null;
      this.replay = replay;
    }

    /** Whether the batch is checked against what the batches ahead will store. */
    public boolean checkedAhead() {
      return replay == null && accepted != null;
    }
  }

  /** A request's idempotency key and a hash of its body. */
  public record IdempotencyRequest(String key, String requestHash) {
    public IdempotencyRequest {
      requireNonNull(key, "key is null");
      requireNonNull(requestHash, "requestHash is null");
      if (key.isBlank() || key.length() > 255) {
        throw new IllegalArgumentException("an idempotency key must be 1 to 255 characters");
      }
    }
  }

  /**
   * The answer to a recorded batch: the ids of its events, and whether it was a replay of an
   * earlier request with the same idempotency key (then nothing was written).
   */
  public record Recorded(List<String> eventIds, boolean replayed) {
    public Recorded {
      eventIds = List.copyOf(requireNonNull(eventIds, "eventIds is null"));
    }
  }
}
