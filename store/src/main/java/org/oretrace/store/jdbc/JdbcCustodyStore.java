package org.oretrace.store.jdbc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.oretrace.core.Grade;
import org.oretrace.core.custody.AcceptedBatch;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.EventType;
import org.oretrace.core.custody.LineageEdge;
import org.oretrace.core.custody.Lot;
import org.oretrace.core.custody.LotState;
import org.oretrace.core.registry.Mineral;
import org.oretrace.store.CustodyStore;
import org.oretrace.store.EncodedBatch;
import org.oretrace.store.Page;
import org.oretrace.store.PageRequest;
import org.oretrace.store.RegistryStore;
import org.oretrace.store.StoreException;
import org.oretrace.store.StoreUnavailableException;
import org.oretrace.store.json.EventJson;
import org.oretrace.store.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The custody record in SQL. A batch is written with prepared, batched statements in one
 * transaction, together with its ledger entries ({@link JdbcLedger}), under the ledger's locks.
 * Events are numbered in arrival order: from the count kept in memory when this process is the
 * database's only writer (SQLite), which it advances once the transaction is committed; otherwise
 * (PostgreSQL) from the highest stored sequence, read under the ledger lock, so that every process
 * appends to the one sequence.
 */
final class JdbcCustodyStore implements CustodyStore {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcCustodyStore.class);

  static final String LOT_COLUMNS =
      "id, tag_number, mineral, mass_grams, grade_ppm, origin_site, holder, state,"
          + " created_at_millis, updated_at_millis";
  static final String INSERT_EVENT_LOT =
      "INSERT INTO event_lots (lot_id, sequence) VALUES (?, ?) ON CONFLICT DO NOTHING";
  private static final int IDS_PER_QUERY = 500;

  private final Database database;
  private final JdbcLedger ledger;
  private final AtomicLong nextSequence;
  private final AtomicLong eventCount;

  /** The lots and event_lots tables written behind the events; null when others may write. */
  private final CustodyProjection projection;

  private final ScheduledThreadPoolExecutor idleFlusher = idleFlusher();
  private final AtomicBoolean idleFlushScheduled = new AtomicBoolean();

  /**
   * Why writes are refused, once the database and the custody graph were found to disagree (a lot
   * row missing); null while writes are taken. Every later write would fail the same way (the rows
   * held back include the missing lot's), so they are refused at once with this reason, rather than
   * each failing inside an unrelated batch's transaction.
   */
  private volatile String refusal;

  JdbcCustodyStore(Database database, JdbcLedger ledger, RegistryStore registry) {
    this.database = database;
    this.ledger = ledger;
    this.projection = database.soleWriter() ? new CustodyProjection(database, registry) : null;
    this.nextSequence = new AtomicLong(database.read(JdbcCustodyStore::nextSequence));
    this.eventCount = new AtomicLong(database.read(JdbcCustodyStore::countEvents));
  }

  @Override
  public Optional<String> refusingWrites() {
    return Optional.ofNullable(refusal);
  }

  @Override
  public long append(AcceptedBatch batch, EncodedBatch encoded, IdempotencyRecord idempotency) {
    if (encoded.events().size() != batch.events().size()) {
      throw new IllegalArgumentException("the encoded batch is not the batch being stored");
    }
    String refused = refusal;
    if (refused != null) {
      throw new StoreUnavailableException(refused);
    }
    try {
      return appendChecked(batch, encoded, idempotency);
    } catch (LotRowMissingException e) {
      throw refuseWrites(e);
    }
  }

  private long appendChecked(
      AcceptedBatch batch, EncodedBatch encoded, IdempotencyRecord idempotency) {
    long recordedAt = System.currentTimeMillis();
    int count = batch.events().size();
    long[] next = new long[1];
    CustodyProjection.Step[] step = new CustodyProjection.Step[1];
    return ledger.appending(
        connection -> {
          // Events and records share the log's positions: an event's sequence is its leaf index.
          long first = ledger.nextPosition(connection);
          long eventsNext = database.soleWriter() ? nextSequence.get() : nextSequence(connection);
          // The log's last leaf must be the last event or a record: else events were lost.
          if (eventsNext > first
              || (eventsNext < first && !ledger.recordAt(connection, first - 1))) {
            throw new StoreException(
                "the stored events run to position "
                    + eventsNext
                    + " but the ledger holds "
                    + first
                    + " entries; run oretrace verify");
          }
          ledger.startAppending(connection, first);
          if (projection != null) {
            // Before the batch's own events are in the table, which a recovery would replay.
            step[0] = projection.beforeBatch(connection, first);
          }
          insertEvents(connection, batch.events(), encoded, first, recordedAt);
          if (projection == null) {
            writeLots(database, connection, batch.lots(), batch::isNew, batch::isMoved);
          }
          insertEdges(connection, batch.edges(), first, batch.events());
          if (idempotency != null) {
            insertIdempotency(connection, idempotency, recordedAt);
          }
          ledger.finishWithinInterval(connection, recordedAt);
          next[0] = first + count;
          return first;
        },
        () -> {
          nextSequence.set(next[0]);
          eventCount.addAndGet(count);
          if (projection != null) {
            projection.committed(step[0], batch, batch.events(), next[0] - count);
            scheduleIdleFlush();
          }
          ledger.signLaterIfLeftBehind();
        });
  }

  /**
   * Before a read of {@code lots} or {@code event_lots}: writes the rows the projection holds back
   * (and, the first time, replays what a killed process left behind), so that the read answers
   * exactly what is committed.
   */
  private void flushForReaders() {
    if (projection == null || !projection.readersMustFlush() || refusal != null) {
      // Refusing writes, the tables are read as they stand: the rows written before the failure.
      return;
    }
    if (!projection.hasPending() && database.read(projection::liveOtherWriter) != null) {
      // Another process writes this file and holds its rows back for at most a second: read the
      // tables as they are, as a reader in another process always has.
      return;
    }
    try {
      flush();
    } catch (StoreUnavailableException e) {
      // Found now that the database lacks a lot: writes are refused, the tables read as they are.
      LOG.debug("read without the rows held back: {}", e.getMessage());
    }
  }

  /** Writes what the projection holds back; before the database closes. */
  void close() {
    idleFlusher.shutdown();
    if (projection == null) {
      return;
    }
    try {
      if (!idleFlusher.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("the idle flush of the lots held back did not stop in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      if (projection.hasPending() && refusal == null) {
        flush();
      }
    } finally {
      projection.close();
    }
  }

  private void flush() {
    CustodyProjection.Step[] step = new CustodyProjection.Step[1];
    try {
      ledger.appending(
          connection -> {
            step[0] = projection.flushAll(connection);
            return null;
          },
          () -> projection.committed(step[0], null, List.of(), 0));
    } catch (LotRowMissingException e) {
      throw refuseWrites(e);
    }
  }

  /**
   * Found in a transaction (since rolled back) that the database lacks a lot the graph holds: from
   * now on every write is refused with the reason, which health reports.
   */
  private StoreUnavailableException refuseWrites(LotRowMissingException missing) {
    String reason =
        "writes are refused: lot "
            + missing.lotId()
            + " is in the custody graph but its row is missing from the database's lots table"
            + (projection != null ? " (found writing the lots held back since the last flush)" : "")
            + ", changed behind the store's back; nothing more was written. Run oretrace verify"
            + " on the data folder, repair or restore it, and restart";
    if (refusal == null) {
      LOG.error("the store refuses writes from now on: {}", reason);
    }
    refusal = reason;
    return new StoreUnavailableException(reason);
  }

  /**
   * After a batch left rows pending: makes sure they are written within about {@link
   * CustodyProjection#FLUSH_MILLIS} even if no batch follows, for readers in other processes.
   */
  private void scheduleIdleFlush() {
    if (idleFlushScheduled.compareAndSet(false, true)) {
      try {
        idleFlusher.schedule(
            this::idleFlush, CustodyProjection.FLUSH_MILLIS, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        idleFlushScheduled.set(false); // closing: close() flushes
      }
    }
  }

  private static ScheduledThreadPoolExecutor idleFlusher() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().daemon().name("custody-projection").factory());
    // Closing flushes itself: a flush still waiting for its time is dropped.
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    return executor;
  }

  private void idleFlush() {
    idleFlushScheduled.set(false);
    if (refusal != null) {
      return;
    }
    try {
      if (projection.pendingLongerThanInterval(System.currentTimeMillis())) {
        flush();
      }
    } catch (RuntimeException e) {
      LOG.warn("could not write the lots held back: {}", e.toString());
    }
    if (projection.hasPending()) {
      scheduleIdleFlush();
    }
  }

  private static long countEvents(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM events");
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static long nextSequence(Connection connection) throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement("SELECT COALESCE(MAX(sequence) + 1, 0) FROM events");
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /**
   * Inserts the events and appends their ledger entries. The document of an event is its ledger
   * entry: RFC 8785 canonical JSON of the wire form is still the wire form (members sorted, numbers
   * written as ECMAScript does), so one encoding serves both, made before the writer lock with its
   * leaf hash.
   */
  private void insertEvents(
      Connection connection,
      List<CustodyEvent> events,
      EncodedBatch encoded,
      long first,
      long recordedAt)
      throws SQLException {
    // SQLite (the only writer) takes the document's UTF-8 bytes as they are, made text again by the
    // CAST: a String bound as text would be encoded to the same bytes once more. PostgreSQL, whose
    // driver sends text anyway, is given the String.
    boolean bytes = database.soleWriter();
    PreparedStatement eventStatement =
        database.prepared(
            connection,
            "INSERT INTO events (sequence, id, type, time_millis, recorded_at_millis, document)"
                + (bytes
                    ? " VALUES (?, ?, ?, ?, ?, CAST(? AS TEXT))"
                    : " VALUES (?, ?, ?, ?, ?, ?)"));
    // Written here only when others may write; else by the projection, behind the events.
    PreparedStatement lotStatement =
        projection == null ? database.prepared(connection, INSERT_EVENT_LOT) : null;
    long sequence = first;
    for (int index = 0; index < events.size(); index++) {
      CustodyEvent event = events.get(index);
      EncodedBatch.Entry entry = encoded.entry(index, event);
      eventStatement.setLong(1, sequence);
      eventStatement.setString(2, event.id());
      eventStatement.setString(3, event.type().wireName());
      eventStatement.setLong(4, event.context().instant().toEpochMilli());
      eventStatement.setLong(5, recordedAt);
      if (bytes) {
        eventStatement.setBytes(6, entry.bytes());
      } else {
        eventStatement.setString(6, entry.document());
      }
      ledger.appendLeafHash(entry.leafHash());
      eventStatement.addBatch();
      if (lotStatement != null) {
        for (String lotId : event.lotIds()) {
          lotStatement.setString(1, lotId);
          lotStatement.setLong(2, sequence);
          lotStatement.addBatch();
        }
      }
      sequence++;
    }
    eventStatement.executeBatch();
    if (lotStatement != null) {
      lotStatement.executeBatch();
    }
  }

  /**
   * Inserts the lots that are new and updates the others. The batch (or the projection) knows which
   * are which (the custody graph held the others), so no row is first tried as an insert: an upsert
   * would look each key up twice and bind the columns an update leaves alone. It knows too which
   * lots changed holder: only their updates name the holder column, so the others leave the {@code
   * lots_holder} index alone (SQLite rewrites the entries of an index whose column is set, even to
   * the same value). An update that finds no row means the database and the graph disagree, and
   * fails the transaction.
   */
  static void writeLots(
      Database database,
      Connection connection,
      Collection<Lot> lots,
      Predicate<Lot> isNew,
      Predicate<Lot> isMoved)
      throws SQLException {
    List<Lot> list = List.copyOf(lots);
    BitSet created = new BitSet(list.size());
    BitSet moved = new BitSet(list.size());
    for (int index = 0; index < list.size(); index++) {
      created.set(index, isNew.test(list.get(index)));
      moved.set(index, isMoved.test(list.get(index)));
    }
    writeLots(database, connection, list, created, moved);
  }

  /**
   * {@link #writeLots(Database, Connection, Collection, Predicate, Predicate)} with the lots that
   * are new, and those that changed holder, given by their indexes in {@code lots}.
   */
  static void writeLots(
      Database database, Connection connection, List<Lot> lots, BitSet isNew, BitSet isMoved)
      throws SQLException {
    PreparedStatement insert =
        database.prepared(
            connection,
            "INSERT INTO lots (" + LOT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    // Only what an event can change: a lot's tag, mineral and origin are fixed at its creation, and
    // leaving their columns out spares the database their index updates.
    PreparedStatement move =
        database.prepared(
            connection,
            "UPDATE lots SET mass_grams = ?, grade_ppm = ?, state = ?, updated_at_millis = ?,"
                + " holder = ? WHERE id = ?");
    PreparedStatement update =
        database.prepared(
            connection,
            "UPDATE lots SET mass_grams = ?, grade_ppm = ?, state = ?, updated_at_millis = ?"
                + " WHERE id = ?");
    List<Lot> moved = new ArrayList<>();
    List<Lot> updated = new ArrayList<>();
    for (int lotIndex = 0; lotIndex < lots.size(); lotIndex++) {
      Lot lot = lots.get(lotIndex);
      if (isNew.get(lotIndex)) {
        insert.setString(1, lot.id());
        insert.setString(2, lot.tagNumber());
        insert.setString(3, lot.mineral().wireName());
        insert.setLong(4, lot.massGrams());
        setGrade(insert, 5, lot);
        insert.setString(6, lot.originSiteId());
        insert.setString(7, lot.holderId());
        insert.setString(8, lot.state().wireName());
        insert.setLong(9, lot.createdAt().toEpochMilli());
        insert.setLong(10, lot.updatedAt().toEpochMilli());
        insert.addBatch();
        continue;
      }
      PreparedStatement statement;
      if (isMoved.get(lotIndex)) {
        moved.add(lot);
        statement = move;
        statement.setString(5, lot.holderId());
        statement.setString(6, lot.id());
      } else {
        updated.add(lot);
        statement = update;
        statement.setString(5, lot.id());
      }
      statement.setLong(1, lot.massGrams());
      setGrade(statement, 2, lot);
      statement.setString(3, lot.state().wireName());
      statement.setLong(4, lot.updatedAt().toEpochMilli());
      statement.addBatch();
    }
    insert.executeBatch();
    requireRows(move.executeBatch(), moved);
    requireRows(update.executeBatch(), updated);
  }

  private static void requireRows(int[] counts, List<Lot> lots) {
    for (int index = 0; index < counts.length; index++) {
      if (counts[index] == 0) {
        throw new LotRowMissingException(lots.get(index).id());
      }
    }
  }

  /** An update of a lot the custody graph holds found no row: the two disagree. */
  static final class LotRowMissingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String lotId;

    LotRowMissingException(String lotId) {
      super("lot " + lotId + " is in the custody graph but not in the database");
      this.lotId = lotId;
    }

    String lotId() {
      return lotId;
    }
  }

  private static void setGrade(PreparedStatement statement, int parameter, Lot lot)
      throws SQLException {
    if (lot.grade() == null) {
      statement.setNull(parameter, Types.BIGINT);
    } else {
      statement.setLong(parameter, lot.grade().partsPerMillion());
    }
  }

  private void insertEdges(
      Connection connection, List<LineageEdge> edges, long first, List<CustodyEvent> events)
      throws SQLException {
    if (edges.isEmpty()) {
      return;
    }
    Map<String, Long> sequences = HashMap.newHashMap(events.size());
    for (int index = 0; index < events.size(); index++) {
      sequences.put(events.get(index).id(), first + index);
    }
    PreparedStatement statement =
        database.prepared(
            connection,
            "INSERT INTO lineage_edges (from_lot, to_lot, mass_grams, event_id, event_type, sequence)"
                + " VALUES (?, ?, ?, ?, ?, ?)");
    for (LineageEdge edge : edges) {
      statement.setString(1, edge.fromLotId());
      statement.setString(2, edge.toLotId());
      statement.setLong(3, edge.massGrams());
      statement.setString(4, edge.eventId());
      statement.setString(5, edge.eventType().wireName());
      statement.setLong(6, sequences.getOrDefault(edge.eventId(), first));
      statement.addBatch();
    }
    statement.executeBatch();
  }

  private static void insertIdempotency(
      Connection connection, IdempotencyRecord record, long recordedAt) throws SQLException {
    ArrayNode ids = Json.array();
    record.eventIds().forEach(ids::add);
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO idempotency_keys (idempotency_key, request_hash, event_ids, created_at_millis)"
                + " VALUES (?, ?, ?, ?)")) {
      statement.setString(1, record.key());
      statement.setString(2, record.requestHash());
      statement.setString(3, Json.text(ids));
      statement.setLong(4, recordedAt);
      statement.executeUpdate();
    }
  }

  @Override
  public Set<String> existingEventIds(Collection<String> eventIds) {
    if (eventIds.isEmpty()) {
      return Set.of();
    }
    return database.read(
        connection -> {
          // One statement of a fixed width, kept prepared: the last chunk pads with NULL, which
          // matches no id.
          PreparedStatement statement =
              database.prepared(
                  connection,
                  "SELECT id FROM events WHERE id IN ("
                      + String.join(",", Collections.nCopies(IDS_PER_QUERY, "?"))
                      + ")");
          Set<String> found = new HashSet<>();
          List<String> all = List.copyOf(eventIds);
          for (int start = 0; start < all.size(); start += IDS_PER_QUERY) {
            for (int index = 0; index < IDS_PER_QUERY; index++) {
              if (start + index < all.size()) {
                statement.setString(index + 1, all.get(start + index));
              } else {
                statement.setNull(index + 1, Types.VARCHAR);
              }
            }
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                found.add(rows.getString(1));
              }
            }
          }
          return found;
        });
  }

  @Override
  public Optional<IdempotencyRecord> idempotencyRecord(String key) {
    return database.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT request_hash, event_ids FROM idempotency_keys WHERE idempotency_key = ?")) {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
              if (!rows.next()) {
                return Optional.empty();
              }
              List<String> ids = new ArrayList<>();
              Json.parse(rows.getString(2).getBytes(StandardCharsets.UTF_8))
                  .forEach(id -> ids.add(id.asText()));
              return Optional.of(new IdempotencyRecord(key, rows.getString(1), ids));
            }
          }
        });
  }

  @Override
  public long eventCount() {
    if (database.soleWriter()) {
      return eventCount.get();
    }
    return database.read(JdbcCustodyStore::countEvents);
  }

  @Override
  public long nextSequence() {
    if (database.soleWriter()) {
      return nextSequence.get();
    }
    return database.read(JdbcCustodyStore::nextSequence);
  }

  @Override
  public Optional<StoredEvent> event(String eventId) {
    List<StoredEvent> events =
        queryEvents(
            "SELECT sequence, recorded_at_millis, document FROM events WHERE id = ?",
            statement -> statement.setString(1, eventId));
    return events.stream().findFirst();
  }

  @Override
  public List<StoredEvent> eventsOfLot(String lotId) {
    flushForReaders();
    return queryEvents(
        "SELECT e.sequence, e.recorded_at_millis, e.document FROM event_lots l"
            + " JOIN events e ON e.sequence = l.sequence WHERE l.lot_id = ? ORDER BY l.sequence",
        statement -> statement.setString(1, lotId));
  }

  @Override
  public List<StoredEvent> events(long fromSequence, int limit) {
    return queryEvents(
        "SELECT sequence, recorded_at_millis, document FROM events WHERE sequence >= ?"
            + " ORDER BY sequence LIMIT ?",
        statement -> {
          statement.setLong(1, fromSequence);
          statement.setInt(2, limit);
        });
  }

  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private List<StoredEvent> queryEvents(String sql, Binder binder) {
    return database.read(
        connection -> {
          List<StoredEvent> events = new ArrayList<>();
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                CustodyEvent event =
                    EventJson.decode(
                        Json.parse(rows.getString(3).getBytes(StandardCharsets.UTF_8)), 0);
                events.add(
                    new StoredEvent(rows.getLong(1), Instant.ofEpochMilli(rows.getLong(2)), event));
              }
            }
          }
          return events;
        });
  }

  @Override
  public Optional<Lot> lot(String lotId) {
    flushForReaders();
    return database.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement("SELECT " + LOT_COLUMNS + " FROM lots WHERE id = ?")) {
            statement.setString(1, lotId);
            try (ResultSet rows = statement.executeQuery()) {
              return rows.next() ? Optional.of(lot(rows)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public Page<Lot> lots(LotFilter filter, PageRequest page) {
    Sql where = new Sql();
    if (filter.mineral() != null) {
      where.and("mineral = ?", filter.mineral().wireName());
    }
    if (filter.siteId() != null) {
      where.and("origin_site = ?", filter.siteId());
    }
    if (filter.holderId() != null) {
      where.and("holder = ?", filter.holderId());
    }
    if (filter.state() != null) {
      where.and("state = ?", filter.state().wireName());
    }
    if (filter.country() != null) {
      where.and("origin_site IN (SELECT id FROM sites WHERE country = ?)", filter.country().code());
    }
    flushForReaders();
    return database.read(
        connection ->
            where.page(connection, LOT_COLUMNS, "lots", "id", page, JdbcCustodyStore::lot));
  }

  @Override
  public void forEachLot(Consumer<Lot> consumer) {
    flushForReaders();
    database.read(
        connection -> {
          try (PreparedStatement statement =
                  connection.prepareStatement("SELECT " + LOT_COLUMNS + " FROM lots");
              ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              consumer.accept(lot(rows));
            }
          }
          return null;
        });
  }

  @Override
  public void forEachEdge(Consumer<LineageEdge> consumer) {
    database.read(
        connection -> {
          try (PreparedStatement statement =
                  connection.prepareStatement(
                      "SELECT from_lot, to_lot, mass_grams, event_id, event_type FROM lineage_edges"
                          + " ORDER BY sequence");
              ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              consumer.accept(
                  new LineageEdge(
                      rows.getString(1),
                      rows.getString(2),
                      rows.getLong(3),
                      rows.getString(4),
                      EventType.fromWireName(rows.getString(5))));
            }
          }
          return null;
        });
  }

  static Lot lot(ResultSet rows) throws SQLException {
    long grade = rows.getLong(5);
    boolean noGrade = rows.wasNull();
    return new Lot(
        rows.getString(1),
        rows.getString(2),
        Mineral.fromWireName(rows.getString(3)),
        rows.getLong(4),
        noGrade ? null : new Grade(grade),
        rows.getString(6),
        rows.getString(7),
        LotState.fromWireName(rows.getString(8)),
        Instant.ofEpochMilli(rows.getLong(9)),
        Instant.ofEpochMilli(rows.getLong(10)));
  }
}
