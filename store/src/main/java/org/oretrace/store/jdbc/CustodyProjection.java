package org.oretrace.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.oretrace.core.InvalidInputException;
import org.oretrace.core.custody.AcceptedBatch;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyGraph;
import org.oretrace.core.custody.Lot;
import org.oretrace.store.RegistryStore;
import org.oretrace.store.StoreException;
import org.oretrace.store.json.EventJson;
import org.oretrace.store.json.Json;

/**
 * The {@code lots} and {@code event_lots} tables written behind the events, when this process is
 * the database's only writer (SQLite). The events, their ledger leaves and lineage edges are
 * written in each batch's transaction as always; a lot's row and the rows naming the events of a
 * lot are a projection of those events, and writing them batch by batch was about half of the
 * single writer's time: a lot is touched about five times in its life, each time rewriting its row,
 * its index entries and, at the commit, every page they sit on. So the writer keeps the latest
 * state of each lot changed since the last flush, and the (lot, event) pairs, in memory, and writes
 * them together, in key order and once per lot, inside the transaction of the batch that finds
 * {@link #FLUSH_EVENTS} events pending or the oldest pending for {@link #FLUSH_MILLIS} (or in an
 * idle flush of its own, scheduled by the store, when no batch follows).
 *
 * <p>Invariants. The row of {@code custody_projection_behind}, when present, says from which
 * sequence the two tables may lag the events; the tables hold exactly the projection of the events
 * before it. It is written in the same transaction as the first batch left pending and as every
 * flush, and deleted by a flush that leaves nothing pending (a reader's or closing). Every reader
 * of the two tables ({@code lot}, {@code lots}, {@code forEachLot}, {@code eventsOfLot}) flushes
 * first, through the ledger's append lock and a transaction of its own, so that it answers exactly
 * what is committed. A process killed with rows pending leaves the marker: the next one to use the
 * tables replays the events after it onto them (their documents decoded and checked against a
 * custody graph restored from the lagging rows, as the writer checked them), before anything else.
 * The marker names its writer (process id and start, instance), so that a store in another process
 * (a command run beside the server) reads the lagging tables as they are instead of replaying what
 * a live writer holds back, and refuses to append while that writer lives.
 *
 * <p>Threads. The fields are touched only under the ledger's append lock: by the writer in its
 * turn, or by a reader's flush. A transaction's work changes nothing here; {@link #committed}
 * applies it once the transaction is committed, so a rolled-back batch or flush leaves the
 * projection as it was.
 */
final class CustodyProjection {

  /** A batch that finds this many events pending writes them all in its transaction. */
  static final int FLUSH_EVENTS = 50_000;

  /**
   * Nor are rows held back longer than this (a batch after it, or the idle flush, writes them), so
   * that another process reading the file (a command run beside the server) lags by about this.
   */
  static final long FLUSH_MILLIS = 1000;

  private static final String MARK =
      "INSERT INTO custody_projection_behind (id, from_sequence, writer) VALUES (1, ?, ?)"
          + " ON CONFLICT (id) DO UPDATE SET from_sequence = excluded.from_sequence,"
          + " writer = excluded.writer";

  /** The projections of this process still open, by {@link #writer} name. */
  private static final Set<String> OPEN = ConcurrentHashMap.newKeySet();

  private static final AtomicLong INSTANCES = new AtomicLong();

  /**
   * A lot named by the events since the last flush: its latest state and how its row must be
   * written (no state when the events named it without changing it), and the sequences of those
   * events, ascending.
   */
  private static final class PendingLot {
    private final String id;
    private Lot lot;
    private boolean stored;
    private boolean moved;
    private long[] sequences = new long[4];
    private int sequenceCount;

    PendingLot(String id) {
      this.id = id;
    }

    void addSequence(long sequence) {
      if (sequenceCount == sequences.length) {
        sequences = Arrays.copyOf(sequences, sequenceCount * 2);
      }
      sequences[sequenceCount++] = sequence;
    }
  }

  /** What a transaction did to the projection, applied by {@link #committed} after the commit. */
  record Step(boolean flushed, boolean marked, boolean recovered) {}

  private final Database database;
  private final RegistryStore registry;

  private final Map<String, PendingLot> lots = new HashMap<>();
  private volatile int pendingEvents;
  private long pendingSinceMillis;
  private boolean marked;
  private boolean recovered;

  /**
   * This projection's name in the marker: process id, process start and instance, so that the next
   * one can tell a marker left by a killed process (replayed) from one of a live writer (left).
   */
  private final String writer;

  /** Whether a reader must flush (or recover) before it reads; written under the append lock. */
  private volatile boolean readersMustFlush = true;

  CustodyProjection(Database database, RegistryStore registry) {
    this.database = database;
    this.registry = registry;
    ProcessHandle self = ProcessHandle.current();
    this.writer =
        self.pid()
            + "@"
            + self.info().startInstant().map(Instant::toEpochMilli).orElse(0L)
            + "#"
            + INSTANCES.incrementAndGet();
    OPEN.add(writer);
  }

  /** After the last flush, when the store closes. */
  void close() {
    OPEN.remove(writer);
  }

  /** Whether the writer named in a marker is alive: this process's open projection, or another. */
  private static boolean alive(String writer) {
    int at = writer.indexOf('@');
    int hash = writer.indexOf('#');
    if (at < 0 || hash < at) {
      return false;
    }
    long pid = Long.parseLong(writer.substring(0, at));
    long started = Long.parseLong(writer.substring(at + 1, hash));
    if (pid == ProcessHandle.current().pid()) {
      return OPEN.contains(writer);
    }
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(
            process ->
                started == 0
                    || process.info().startInstant().map(Instant::toEpochMilli).orElse(0L)
                        == started)
        .isPresent();
  }

  /**
   * The marker's writer when another live one holds rows back (a reader must not replay them, nor a
   * writer append), or null. Read on any connection.
   */
  String liveOtherWriter(Connection connection) throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement(
                "SELECT writer FROM custody_projection_behind WHERE id = 1");
        ResultSet rows = statement.executeQuery()) {
      if (!rows.next()) {
        return null;
      }
      String other = rows.getString(1);
      return !other.equals(writer) && alive(other) ? other : null;
    }
  }

  /** Whether rows have been held back for {@link #FLUSH_MILLIS} or longer. */
  boolean pendingLongerThanInterval(long nowMillis) {
    return pendingEvents > 0 && nowMillis - pendingSinceMillis >= FLUSH_MILLIS;
  }

  /** Whether events are pending (their rows not written yet). */
  boolean hasPending() {
    return pendingEvents > 0;
  }

  /** Whether a reader of the two tables must call {@link #flushAll} first. */
  boolean readersMustFlush() {
    return readersMustFlush;
  }

  /**
   * In a batch's transaction, before its events are left pending: recovers what an earlier process
   * left behind, flushes when {@link #FLUSH_EVENTS} are pending, and marks the tables behind from
   * {@code first} when they were not marked yet.
   */
  Step beforeBatch(Connection connection, long first) throws SQLException {
    String other = recovered ? null : liveOtherWriter(connection);
    if (other != null) {
      throw new StoreException(
          "another process (" + other + ") is writing this database; one writer at a time");
    }
    boolean recovering = recoverIfNeeded(connection);
    boolean flushing =
        pendingEvents >= FLUSH_EVENTS || pendingLongerThanInterval(System.currentTimeMillis());
    if (flushing) {
      write(connection);
    }
    boolean marking = flushing || recovering || !marked;
    if (marking) {
      PreparedStatement mark = database.prepared(connection, MARK);
      mark.setLong(1, first);
      mark.setString(2, writer);
      mark.executeUpdate();
    }
    return new Step(flushing, marking, recovering);
  }

  /** In a transaction of its own: recovers, writes everything pending and removes the marker. */
  Step flushAll(Connection connection) throws SQLException {
    boolean recovering = recoverIfNeeded(connection);
    write(connection);
    PreparedStatement unmark =
        database.prepared(connection, "DELETE FROM custody_projection_behind WHERE id = 1");
    unmark.executeUpdate();
    return new Step(true, false, recovering);
  }

  /**
   * After the transaction of {@code step} committed: forgets what it wrote, then takes the batch's
   * lots and pairs ({@code batch} null for a flush of its own).
   */
  void committed(Step step, AcceptedBatch batch, List<CustodyEvent> events, long first) {
    if (step.recovered()) {
      recovered = true;
    }
    if (step.flushed()) {
      lots.clear();
      pendingEvents = 0;
      marked = false;
    }
    if (step.marked()) {
      marked = true;
    }
    if (batch != null) {
      if (pendingEvents == 0) {
        pendingSinceMillis = System.currentTimeMillis();
      }
      add(batch, events, first);
    }
    readersMustFlush = !recovered || pendingEvents > 0;
  }

  private void add(AcceptedBatch batch, List<CustodyEvent> events, long first) {
    for (Lot lot : batch.lots()) {
      PendingLot pending = lots.computeIfAbsent(lot.id(), PendingLot::new);
      if (pending.lot == null) {
        pending.stored = !batch.isNew(lot);
      }
      pending.lot = lot;
      if (!pending.moved) {
        pending.moved = batch.isMoved(lot);
      }
    }
    long sequence = first;
    for (CustodyEvent event : events) {
      for (String lotId : event.lotIds()) {
        lots.computeIfAbsent(lotId, PendingLot::new).addSequence(sequence);
      }
      sequence++;
    }
    pendingEvents = pendingEvents + events.size();
  }

  /**
   * Writes the pending lots and their events' pairs, in key order: each B-tree page they fall on is
   * then written once per flush, not once per batch.
   */
  private void write(Connection connection) throws SQLException {
    PendingLot[] pending = lots.values().toArray(new PendingLot[0]);
    Arrays.sort(pending, (left, right) -> left.id.compareTo(right.id));
    List<Lot> changed = new ArrayList<>(pending.length);
    BitSet created = new BitSet(pending.length);
    BitSet moved = new BitSet(pending.length);
    for (PendingLot lot : pending) {
      if (lot.lot != null) {
        created.set(changed.size(), !lot.stored);
        moved.set(changed.size(), lot.moved);
        changed.add(lot.lot);
      }
    }
    JdbcCustodyStore.writeLots(database, connection, changed, created, moved);
    PreparedStatement pairs = database.prepared(connection, JdbcCustodyStore.INSERT_EVENT_LOT);
    for (PendingLot lot : pending) {
      for (int index = 0; index < lot.sequenceCount; index++) {
        pairs.setString(1, lot.id);
        pairs.setLong(2, lot.sequences[index]);
        pairs.addBatch();
      }
    }
    pairs.executeBatch();
  }

  /**
   * Replays, once per process, the events an earlier process left pending when it was killed:
   * whether it had to is returned. The lagging rows are restored into a custody graph; the events
   * from the marker on are checked against it in sequence order, as the writer checked them, and
   * the lots they leave, and their pairs, are written.
   */
  private boolean recoverIfNeeded(Connection connection) throws SQLException {
    if (recovered) {
      return false;
    }
    long from;
    try (PreparedStatement statement =
            connection.prepareStatement(
                "SELECT from_sequence, writer FROM custody_projection_behind WHERE id = 1");
        ResultSet rows = statement.executeQuery()) {
      if (!rows.next()) {
        return true;
      }
      from = rows.getLong(1);
      if (!rows.getString(2).equals(writer) && alive(rows.getString(2))) {
        throw new StoreException(
            "another process (" + rows.getString(2) + ") is writing this database");
      }
    }
    List<Lot> stored = new ArrayList<>();
    try (PreparedStatement statement =
            connection.prepareStatement("SELECT " + JdbcCustodyStore.LOT_COLUMNS + " FROM lots");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        stored.add(JdbcCustodyStore.lot(rows));
      }
    }
    Set<String> storedIds = new HashSet<>();
    stored.forEach(lot -> storedIds.add(lot.id()));
    CustodyGraph graph = new CustodyGraph();
    graph.restore(stored, List.of());
    Map<String, Lot> changed = new HashMap<>();
    PreparedStatement pairs = database.prepared(connection, JdbcCustodyStore.INSERT_EVENT_LOT);
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT sequence, document FROM events WHERE sequence >= ? ORDER BY sequence")) {
      statement.setLong(1, from);
      try (ResultSet rows = statement.executeQuery()) {
        List<CustodyEvent> chunk = new ArrayList<>();
        long chunkFirst = from;
        while (rows.next()) {
          long sequence = rows.getLong(1);
          if (chunk.isEmpty()) {
            chunkFirst = sequence;
          }
          CustodyEvent event =
              EventJson.decode(Json.parse(rows.getString(2).getBytes(StandardCharsets.UTF_8)), 0);
          chunk.add(event);
          for (String lotId : event.lotIds()) {
            pairs.setString(1, lotId);
            pairs.setLong(2, sequence);
            pairs.addBatch();
          }
          if (chunk.size() == 1000) {
            replay(graph, chunk, chunkFirst, changed);
            chunk.clear();
          }
        }
        replay(graph, chunk, chunkFirst, changed);
      }
    }
    pairs.executeBatch();
    List<Lot> lotsChanged = new ArrayList<>(changed.values());
    lotsChanged.sort((left, right) -> left.id().compareTo(right.id()));
    // Every stored lot's holder is written: which ones changed holder is not worth working out.
    JdbcCustodyStore.writeLots(
        database, connection, lotsChanged, lot -> !storedIds.contains(lot.id()), lot -> true);
    return true;
  }

  private void replay(
      CustodyGraph graph, List<CustodyEvent> chunk, long first, Map<String, Lot> changed) {
    if (chunk.isEmpty()) {
      return;
    }
    AcceptedBatch batch;
    try {
      batch = graph.check(List.copyOf(chunk), registry);
    } catch (InvalidInputException e) {
      throw new StoreException(
          "the events from sequence "
              + first
              + " do not replay onto the stored lots ("
              + e.getMessage()
              + "); run oretrace verify");
    }
    graph.apply(batch);
    batch.lots().forEach(lot -> changed.put(lot.id(), lot));
  }
}
