package org.oretrace.store.jdbc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.oretrace.core.audit.Audit;
import org.oretrace.core.cases.AuditEntry;
import org.oretrace.core.ledger.Checkpoint;
import org.oretrace.core.ledger.ConsistencyProof;
import org.oretrace.core.ledger.Cosignature;
import org.oretrace.core.ledger.InclusionProof;
import org.oretrace.core.ledger.LogKey;
import org.oretrace.core.ledger.MerkleHash;
import org.oretrace.core.ledger.MerkleLog;
import org.oretrace.core.ledger.SignedNote;
import org.oretrace.core.ledger.VerifierKey;
import org.oretrace.core.ledger.WitnessKey;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Site;
import org.oretrace.store.Ledger;
import org.oretrace.store.StoreException;
import org.oretrace.store.UnknownWitnessException;
import org.oretrace.store.json.AuditJson;
import org.oretrace.store.json.CaseJson;
import org.oretrace.store.json.EventJson;
import org.oretrace.store.json.Json;
import org.oretrace.store.json.RegistryJson;
import org.oretrace.store.ledger.LedgerEntries;
import org.oretrace.store.ledger.LedgerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger in SQL: the Merkle log's nodes in {@code merkle_tiles} ({@link MerkleTiles}), its
 * latest signed checkpoint in {@code log_checkpoint}, and the entries themselves re-encoded from
 * the {@code events} table, which stays the one copy of each event.
 *
 * <p>Writing. {@link JdbcCustodyStore#append} runs its transaction through {@link #appending},
 * which holds this process's append lock and, inside the transaction, the database's ledger lock
 * ({@link Database#lockLedger}: nothing for SQLite's single writer, an advisory lock for
 * PostgreSQL, where other processes may append too). It calls {@link #append} for each event and
 * {@link #finish}, then {@link #committed()} or {@link #rolledBack()} follow under the same locks.
 * When the database may have other writers, {@link #startAppending} first compares the writer's log
 * with the committed size in the table, and rebuilds it when another process has appended since.
 * The writer's {@link MerkleLog} keeps the right edge of the tree in memory, so a rolled-back
 * transaction would leave it ahead of the table: it is dropped then, and rebuilt from the table
 * (one read per set bit of the size) at the next append. It is also built lazily at the first
 * append, so that opening a damaged database to verify it never fails on the damage.
 *
 * <p>Reading. {@link MerkleLog} is single-threaded, and the writer's moves under the readers' feet;
 * so each read builds a log of its own over a pooled reader connection at a committed size. Nodes,
 * once committed, never change, so such a view is consistent without a read transaction, and costs
 * O(log n) indexed reads like the proof itself; the readers share a {@link MerkleTileCache} of the
 * tiles every proof reads (the upper tile levels, the right edge), so that a proof at ten million
 * leaves reads one row, the leaf's tile.
 *
 * <p>Signing (group commit). Neither a batch of events nor a record (a registry change, an audit, a
 * case action) signs a checkpoint each: its transaction signs only when the last signature is at
 * least {@link #SIGNING_INTERVAL_MILLIS} old ({@link #finishWithinInterval}), otherwise it leaves
 * the stored checkpoint behind and a single catch-up, scheduled for the end of the interval on the
 * {@code ledger-signer} thread, signs once for everything committed meanwhile. A capture of fifty
 * batches a second so signs once a second, not fifty times (an Ed25519 signature is about 0.7 ms of
 * the single writer's time). Readers never see the lag: {@link #latestCheckpoint()} signs (and
 * stores) a fresh checkpoint when the tree grew past the one stored, so every checkpoint served
 * covers everything committed before it was asked for; {@link #close()} signs what this process
 * left unsigned, and a process killed within the interval leaves its last entries for the next
 * writer's start to sign ({@code Recorder.open}). {@link #storedCheckpoint()} is what verification
 * reads: it never signs, since a verifier that signed the tree it is checking would vouch for it.
 */
final class JdbcLedger implements Ledger {

  /** A record's transaction signs only when the last signature is at least this old. */
  static final long SIGNING_INTERVAL_MILLIS = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(JdbcLedger.class);

  private final Database database;
  private final LogKey key;

  // Writer state, touched only under the append lock.
  private final ReentrantLock appendLock = new ReentrantLock();
  private JdbcMerkleNodeStore writerNodes;
  private MerkleLog writerLog;
  private SignedNote pendingCheckpoint;
  private long pendingCheckpointSize;
  private long signingIntervalMillis = SIGNING_INTERVAL_MILLIS;
  private long lastSignedAtMillis;
  private boolean leftUnsigned;
  private ScheduledExecutorService signer;
  private ScheduledFuture<?> catchUp;

  // Readers' tiles of the upper levels and the right edge, shared by every proof (committed nodes
  // never change, so it needs no invalidation: see MerkleTileCache).
  private final MerkleTileCache tileCache = new MerkleTileCache();

  private volatile long size;
  private volatile SignedNote latestCheckpoint;
  private volatile long latestCheckpointSize = -1;
  private final AtomicLong signatures = new AtomicLong();

  JdbcLedger(Database database, LogKey key) {
    this.database = requireNonNull(database, "database is null");
    this.key = requireNonNull(key, "key is null");
    this.size = database.read(JdbcLedger::storedSize);
  }

  /**
   * Gives a log that has no checkpoint yet its first one. A database written before the ledger
   * existed (events but no checkpoint) is brought up to date first: its events are appended in
   * sequence order. A database with a checkpoint is never changed here, however it disagrees with
   * its events: that is for {@code oretrace verify} to report.
   */
  void initialise() {
    appending(
        connection -> {
          boolean fresh = longQuery(connection, "SELECT COUNT(*) FROM log_checkpoint") == 0;
          boolean backfill = longQuery(connection, "SELECT COUNT(*) FROM log_records_backfill") > 0;
          boolean auditBackfill =
              longQuery(connection, "SELECT COUNT(*) FROM log_audits_backfill") > 0;
          if (!fresh && !backfill && !auditBackfill) {
            return null;
          }
          startAppending(connection, committedSize(connection));
          if (fresh) {
            appendStoredEvents(connection);
          }
          if (backfill) {
            appendStoredRecords(connection);
          }
          if (auditBackfill) {
            appendStoredAudits(connection);
          }
          finish(connection, System.currentTimeMillis());
          return null;
        },
        () -> {});
  }

  /**
   * Appends a record for every site, actor, owner change and case action written before records
   * were logged (schema version 15), once: sites and actors in id order, owner changes in their
   * sequence, case actions in time order.
   */
  private void appendStoredRecords(Connection connection) throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement("SELECT document FROM sites ORDER BY id");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        Site site = RegistryJson.decodeSite(parse(rows.getString(1)));
        appendRecord(connection, LedgerRecords.SITE, site.id(), LedgerRecords.site(site));
      }
    }
    try (PreparedStatement statement =
            connection.prepareStatement("SELECT document FROM actors ORDER BY id");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        Actor actor = RegistryJson.decodeActor(parse(rows.getString(1)));
        appendRecord(connection, LedgerRecords.ACTOR, actor.id(), LedgerRecords.actor(actor));
      }
    }
    try (PreparedStatement statement =
            connection.prepareStatement(
                "SELECT sequence, subject_id, changed_at_millis, changed_by, document"
                    + " FROM entity_changes ORDER BY sequence");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        appendRecord(
            connection,
            LedgerRecords.OWNERS,
            LedgerRecords.ownersSubject(rows.getLong(1)),
            ownersEntry(rows.getLong(1), rows));
      }
    }
    try (PreparedStatement statement =
            connection.prepareStatement(
                "SELECT case_id, sequence, at_millis, organisation, role, client_address,"
                    + " document FROM case_audit ORDER BY at_millis, case_id, sequence");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        AuditEntry entry = caseAction(rows.getString(1), rows.getLong(2), rows, 3);
        appendRecord(
            connection,
            LedgerRecords.CASE_ACTION,
            LedgerRecords.caseActionSubject(entry.caseId(), entry.sequence()),
            LedgerRecords.caseAction(entry));
      }
    }
    try (PreparedStatement statement =
        connection.prepareStatement("DELETE FROM log_records_backfill")) {
      statement.executeUpdate();
    }
  }

  /**
   * Appends a record for every audit written before audits were logged (schema version 23), once,
   * in the order of their dates.
   */
  private void appendStoredAudits(Connection connection) throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement("SELECT document FROM audits ORDER BY audit_date, id");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        Audit audit = AuditJson.decodeStored(parse(rows.getString(1)));
        appendRecord(connection, LedgerRecords.AUDIT, audit.id(), LedgerRecords.audit(audit));
      }
    }
    try (PreparedStatement statement =
        connection.prepareStatement("DELETE FROM log_audits_backfill")) {
      statement.executeUpdate();
    }
  }

  /** The owner change of the row (sequence, subject, at, by, document) from column 2 on. */
  private static byte[] ownersEntry(long sequence, ResultSet rows) throws SQLException {
    return LedgerRecords.owners(
        sequence,
        rows.getString(2),
        Instant.ofEpochMilli(rows.getLong(3)),
        rows.getString(4),
        rows.getString(5));
  }

  /** The case action of a row whose (at, organisation, role, address, document) start at column. */
  private static AuditEntry caseAction(String caseId, long sequence, ResultSet rows, int column)
      throws SQLException {
    return CaseJson.entry(
        caseId,
        sequence,
        Instant.ofEpochMilli(rows.getLong(column)),
        rows.getString(column + 1),
        rows.getString(column + 2),
        rows.getString(column + 3),
        parse(rows.getString(column + 4)));
  }

  private static JsonNode parse(String document) {
    return Json.parse(document.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Runs a transaction that changes records and appends an entry for each ({@link RecordSink}),
   * under the ledger's locks, then signs the new checkpoint; {@code afterCommit} runs once it is
   * committed. The entries take the next positions of the log's one sequence.
   */
  <T> T recording(RecordWork<T> work, Runnable afterCommit) {
    return appending(
        connection -> {
          startAppending(connection, committedSize(connection));
          T result =
              work.run(
                  connection,
                  (kind, subject, entry) -> appendRecord(connection, kind, subject, entry));
          finishWithinInterval(connection, System.currentTimeMillis());
          return result;
        },
        () -> {
          afterCommit.run();
          signLaterIfLeftBehind();
        });
  }

  /**
   * Ends an appending transaction's ledger work, inside {@link #appending}: writes the appended
   * nodes, and signs a checkpoint only when the last signature is at least the signing interval
   * old. Otherwise the stored checkpoint is left behind, and {@link #signLaterIfLeftBehind} (after
   * the commit) schedules the one signing that catches up.
   */
  void finishWithinInterval(Connection connection, long now) throws SQLException {
    if (now - lastSignedAtMillis >= signingIntervalMillis) {
      finish(connection, now);
    } else {
      writerNodes.flush();
    }
  }

  /**
   * After a transaction that {@link #finishWithinInterval} left unsigned has committed, under the
   * append lock: schedules the catch-up signing at the end of the interval.
   */
  void signLaterIfLeftBehind() {
    if (pendingCheckpoint == null && writerLog != null) {
      leftUnsigned = true;
      scheduleCatchUp();
    }
  }

  /**
   * Schedules one signing at the end of the current interval, unless one is due already; under the
   * append lock.
   */
  private void scheduleCatchUp() {
    if (catchUp != null && !catchUp.isDone()) {
      return;
    }
    if (signer == null) {
      signer =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().daemon().name("ledger-signer").factory());
    }
    long delay =
        Math.max(0, lastSignedAtMillis + signingIntervalMillis - System.currentTimeMillis());
    catchUp = signer.schedule(this::catchUp, delay, TimeUnit.MILLISECONDS);
  }

  private void catchUp() {
    appendLock.lock();
    try {
      if (signer != null
          && System.currentTimeMillis() < lastSignedAtMillis + signingIntervalMillis) {
        // Signed since this was scheduled, or the interval changed: wait for the new end.
        catchUp = null;
        scheduleCatchUp();
        return;
      }
    } finally {
      appendLock.unlock();
    }
    try {
      signIfBehind();
    } catch (RuntimeException e) {
      // The next write, read of the checkpoint or close signs instead; nothing is lost.
      LOG.warn("could not sign the ledger's checkpoint: {}", e.toString());
    }
  }

  /**
   * Signs and stores a checkpoint of the committed log when the stored one covers fewer entries,
   * and returns the stored checkpoint's text. A stored checkpoint larger than the log (a log cut
   * short behind the store's back) is left for verification to report.
   */
  private String signIfBehind() {
    return appending(
        connection -> {
          long committed = committedSize(connection);
          StoredCheckpoint stored = readStoredCheckpoint(connection);
          if (stored != null && stored.size() >= committed) {
            return stored.text();
          }
          startAppending(connection, committed);
          finish(connection, System.currentTimeMillis());
          return pendingCheckpoint.serialize();
        },
        () -> {});
  }

  /** The stored checkpoint's size and text. */
  private record StoredCheckpoint(long size, String text) {}

  private static StoredCheckpoint readStoredCheckpoint(Connection connection) throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement(
                "SELECT tree_size, signed_note FROM log_checkpoint WHERE id = 1");
        ResultSet rows = statement.executeQuery()) {
      return rows.next() ? new StoredCheckpoint(rows.getLong(1), rows.getString(2)) : null;
    }
  }

  /** Sets the signing interval of records (tests). */
  void signingInterval(long millis) {
    appendLock.lock();
    try {
      signingIntervalMillis = millis;
    } finally {
      appendLock.unlock();
    }
  }

  /** How many checkpoints this ledger signed since it was opened. */
  long signatures() {
    return signatures.get();
  }

  /**
   * Signs what this process appended and left unsigned, and stops the catch-up signer; before the
   * database closes.
   */
  void close() {
    ScheduledExecutorService stopping;
    boolean unsigned;
    appendLock.lock();
    try {
      stopping = signer;
      signer = null;
      unsigned = leftUnsigned;
      if (catchUp != null) {
        catchUp.cancel(false);
      }
    } finally {
      appendLock.unlock();
    }
    if (stopping != null) {
      stopping.shutdown();
      try {
        if (!stopping.awaitTermination(10, TimeUnit.SECONDS)) {
          LOG.warn("the ledger's signer did not stop in time");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (unsigned) {
      catchUp();
    }
  }

  /** A transaction's work that appends records through the sink it is given. */
  interface RecordWork<T> {
    T run(Connection connection, RecordSink records) throws SQLException;
  }

  /** Appends one record's entry to the log, inside {@link #recording}. */
  interface RecordSink {
    void append(String kind, String subject, byte[] entry) throws SQLException;
  }

  /** Appends a record at the log's next position and keeps its entry in {@code log_records}. */
  private void appendRecord(Connection connection, String kind, String subject, byte[] entry)
      throws SQLException {
    PreparedStatement statement =
        database.prepared(
            connection,
            "INSERT INTO log_records (position, kind, subject, entry) VALUES (?, ?, ?, ?)");
    statement.setLong(1, writerLog.size());
    statement.setString(2, kind);
    statement.setString(3, subject);
    statement.setString(4, new String(entry, StandardCharsets.UTF_8));
    statement.executeUpdate();
    writerLog.append(entry);
  }

  /** Whether a record is logged at {@code position}. */
  boolean recordAt(Connection connection, long position) throws SQLException {
    PreparedStatement statement =
        database.prepared(connection, "SELECT COUNT(*) FROM log_records WHERE position = ?");
    statement.setLong(1, position);
    try (ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1) > 0;
    }
  }

  /**
   * The position the next entry takes, inside {@link #appending}: the committed size of the log,
   * which events and records share.
   */
  long nextPosition(Connection connection) throws SQLException {
    return committedSize(connection);
  }

  /**
   * Runs an appending transaction under the append lock and the database's ledger lock, then {@code
   * afterCommit} and {@link #committed()}, or {@link #rolledBack()}.
   */
  <T> T appending(Database.Work<T> work, Runnable afterCommit) {
    appendLock.lock();
    try {
      return database.write(
          connection -> {
            database.lockLedger(connection);
            return work.run(connection);
          },
          () -> {
            afterCommit.run();
            committed();
          },
          this::rolledBack);
    } finally {
      appendLock.unlock();
    }
  }

  /** The number of leaves committed, as this transaction sees it. */
  private long committedSize(Connection connection) throws SQLException {
    return database.soleWriter() ? size : storedSize(connection);
  }

  /**
   * The number of leaves in the table: the bottom row of the last tile of tile level 0, whose width
   * follows from its length ({@link MerkleTiles}). A damaged length counts the nodes it holds
   * whole.
   */
  private static long storedSize(Connection connection) throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement(
                "SELECT tile_index, length(hashes) FROM merkle_tiles WHERE tile_level = 0"
                    + " ORDER BY tile_index DESC LIMIT 1");
        ResultSet rows = statement.executeQuery()) {
      return rows.next()
          ? rows.getLong(1) * MerkleTiles.WIDTH + MerkleTiles.widthOfLength(rows.getInt(2))
          : 0;
    }
  }

  /**
   * Appends the stored events in sequence order, and the records already logged between them (a log
   * whose nodes were lost) with their logged entries.
   */
  private void appendStoredEvents(Connection connection) throws SQLException {
    try (PreparedStatement events =
            connection.prepareStatement(
                "SELECT sequence, document FROM events WHERE sequence >= ? ORDER BY sequence");
        PreparedStatement records =
            connection.prepareStatement(
                "SELECT position, entry FROM log_records WHERE position >= ? ORDER BY position")) {
      events.setLong(1, writerLog.size());
      records.setLong(1, writerLog.size());
      try (ResultSet eventRows = events.executeQuery();
          ResultSet recordRows = records.executeQuery()) {
        boolean event = eventRows.next();
        boolean record = recordRows.next();
        while (event || record) {
          long position = writerLog.size();
          if (event && eventRows.getLong(1) == position) {
            append(LedgerEntries.encode(decode(eventRows.getString(2))));
            event = eventRows.next();
          } else if (record && recordRows.getLong(1) == position) {
            append(recordRows.getString(2).getBytes(StandardCharsets.UTF_8));
            record = recordRows.next();
          } else {
            throw new StoreException(
                "cannot build the ledger: no event or record at position " + position);
          }
        }
      }
    }
  }

  // ---- writing, under the append lock

  /** Prepares to append events numbered from {@code firstSequence}, inside {@link #appending}. */
  void startAppending(Connection connection, long firstSequence) throws SQLException {
    long committed = committedSize(connection);
    if (writerLog != null && writerLog.size() != committed) {
      // Another process appended since this one last did: its right edge is stale.
      rolledBack();
    }
    if (writerLog == null) {
      writerNodes = new JdbcMerkleNodeStore(database, connection, committed);
      writerLog = MerkleLog.over(writerNodes);
    } else {
      writerNodes.use(connection);
    }
    if (writerLog.size() != firstSequence) {
      throw new StoreException(
          "the ledger holds "
              + writerLog.size()
              + " entries but the next event would be number "
              + firstSequence
              + "; run oretrace verify");
    }
  }

  void append(byte[] entry) {
    writerLog.append(entry);
  }

  /** Appends a leaf by its hash, computed from its entry before the writer's turn. */
  void appendLeafHash(MerkleHash leafHash) {
    writerLog.appendLeafHash(leafHash);
  }

  /** Writes the appended nodes and the new signed checkpoint. */
  void finish(Connection connection, long signedAtMillis) throws SQLException {
    writerNodes.flush();
    Checkpoint checkpoint = new Checkpoint(key.name(), writerLog.size(), writerLog.root());
    pendingCheckpoint = SignedNote.sign(checkpoint.toNoteBody(), key);
    pendingCheckpointSize = checkpoint.size();
    signatures.incrementAndGet();
    PreparedStatement statement =
        database.prepared(
            connection,
            "INSERT INTO log_checkpoint (id, tree_size, signed_note, signed_at_millis)"
                + " VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                + " tree_size = excluded.tree_size, signed_note = excluded.signed_note,"
                + " signed_at_millis = excluded.signed_at_millis");
    statement.setLong(1, checkpoint.size());
    statement.setString(2, pendingCheckpoint.serialize());
    statement.setLong(3, signedAtMillis);
    statement.executeUpdate();
  }

  void committed() {
    if (writerLog != null) {
      writerNodes.committed();
      size = writerLog.size();
      if (pendingCheckpoint != null) {
        latestCheckpoint = pendingCheckpoint;
        latestCheckpointSize = pendingCheckpointSize;
        lastSignedAtMillis = System.currentTimeMillis();
        if (pendingCheckpointSize == size) {
          leftUnsigned = false;
        }
      }
      pendingCheckpoint = null;
    }
  }

  void rolledBack() {
    if (writerNodes != null) {
      writerNodes.discard();
      writerNodes.close();
    }
    writerNodes = null;
    writerLog = null;
    pendingCheckpoint = null;
  }

  // ---- reading

  @Override
  public VerifierKey verifierKey() {
    return key.verifierKey();
  }

  @Override
  public long size() {
    if (database.soleWriter()) {
      return size;
    }
    return database.read(connection -> committedSize(connection));
  }

  @Override
  public SignedNote sealStatement(String statement) {
    requireNonNull(statement, "statement is null");
    if (!statement.startsWith(Ledger.STATEMENT_PREFIX) || !statement.endsWith("\n")) {
      throw new IllegalArgumentException(
          "a sealed statement starts with '"
              + Ledger.STATEMENT_PREFIX
              + "' and ends with a newline");
    }
    return SignedNote.sign(statement, key);
  }

  @Override
  public SignedNote latestCheckpoint() {
    SignedNote cached = latestCheckpoint;
    if (cached != null && database.soleWriter() && latestCheckpointSize == size) {
      return cached;
    }
    String stored =
        database.read(
            connection -> {
              StoredCheckpoint checkpoint = readStoredCheckpoint(connection);
              return checkpoint != null && checkpoint.size() >= committedSize(connection)
                  ? checkpoint.text()
                  : null;
            });
    return parseCheckpoint(stored != null ? stored : signIfBehind());
  }

  @Override
  public SignedNote storedCheckpoint() {
    return parseCheckpoint(
        database.read(
            connection -> {
              StoredCheckpoint checkpoint = readStoredCheckpoint(connection);
              return checkpoint == null ? null : checkpoint.text();
            }));
  }

  private SignedNote parseCheckpoint(String text) {
    if (text == null) {
      throw new StoreException("the ledger has no checkpoint");
    }
    try {
      return SignedNote.parse(text);
    } catch (IllegalArgumentException e) {
      throw new StoreException("the stored checkpoint is damaged: " + e.getMessage(), e);
    }
  }

  @Override
  public MerkleHash root(long treeSize) {
    return atSize(treeSize, log -> log.root(treeSize));
  }

  @Override
  public InclusionProof inclusionProof(long leafIndex, long treeSize) {
    return atSize(treeSize, log -> log.inclusionProof(leafIndex, treeSize));
  }

  @Override
  public ConsistencyProof consistencyProof(long fromSize, long toSize) {
    return atSize(toSize, log -> log.consistencyProof(fromSize, toSize));
  }

  private <T> T atSize(long treeSize, Function<MerkleLog, T> question) {
    long committed = size();
    if (treeSize < 0 || treeSize > committed) {
      throw new IllegalArgumentException(
          "tree size must be within 0.." + committed + " (the log's size), got " + treeSize);
    }
    return database.read(
        connection -> {
          try (JdbcMerkleNodeStore nodes =
              new JdbcMerkleNodeStore(database, connection, treeSize, tileCache)) {
            return question.apply(MerkleLog.over(nodes));
          }
        });
  }

  @Override
  public List<Entry> entries(long start, int limit) {
    return database.read(
        connection -> {
          List<Entry> events = new ArrayList<>(Math.min(limit, 4096));
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT sequence, id, document FROM events WHERE sequence >= ?"
                      + " ORDER BY sequence LIMIT ?")) {
            statement.setLong(1, start);
            statement.setInt(2, limit);
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                events.add(entry(rows.getLong(1), rows.getString(2), rows.getString(3)));
              }
            }
          }
          List<Entry> records = records(connection, start, limit);
          if (records.isEmpty()) {
            return events;
          }
          List<Entry> merged = new ArrayList<>(Math.min(limit, events.size() + records.size()));
          int event = 0;
          int record = 0;
          while (merged.size() < limit && (event < events.size() || record < records.size())) {
            boolean takeEvent =
                record == records.size()
                    || (event < events.size()
                        && events.get(event).position() <= records.get(record).position());
            merged.add(takeEvent ? events.get(event++) : records.get(record++));
          }
          return merged;
        });
  }

  /**
   * The records with positions from {@code start}, recomputed from the rows they record: a case
   * action or an owner change from its row (append-only); the latest record of a site or an actor
   * from the site or actor as stored now, older ones being the history kept in {@code log_records}.
   * A record whose row is gone is left out, a gap the verifier reports as removed.
   */
  private List<Entry> records(Connection connection, long start, int limit) throws SQLException {
    List<Entry> records = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT r.position, r.kind, r.subject, r.entry, (SELECT MAX(l.position) FROM"
                + " log_records l WHERE l.kind = r.kind AND l.subject = r.subject)"
                + " FROM log_records r WHERE r.position >= ? ORDER BY r.position LIMIT ?")) {
      statement.setLong(1, start);
      statement.setInt(2, limit);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          long position = rows.getLong(1);
          String kind = rows.getString(2);
          String subject = rows.getString(3);
          boolean latest = rows.getLong(5) == position;
          try {
            byte[] entry = recordEntry(connection, kind, subject, rows.getString(4), latest);
            if (entry != null) {
              records.add(
                  new Entry(
                      position, kind, subject, new String(entry, StandardCharsets.UTF_8), null));
            }
          } catch (RuntimeException e) {
            records.add(
                new Entry(
                    position, kind, subject, null, "the stored record does not decode: " + e));
          }
        }
      }
    }
    return records;
  }

  /** A record's entry recomputed from what it records, or null when that is no longer stored. */
  private static byte[] recordEntry(
      Connection connection, String kind, String subject, String logged, boolean latest)
      throws SQLException {
    return switch (kind) {
      case LedgerRecords.SITE -> {
        if (!latest) {
          yield logged.getBytes(StandardCharsets.UTF_8);
        }
        String document = single(connection, "SELECT document FROM sites WHERE id = ?", subject);
        yield document == null
            ? null
            : LedgerRecords.site(RegistryJson.decodeSite(parse(document)));
      }
      case LedgerRecords.ACTOR -> {
        if (!latest) {
          yield logged.getBytes(StandardCharsets.UTF_8);
        }
        String document = single(connection, "SELECT document FROM actors WHERE id = ?", subject);
        yield document == null
            ? null
            : LedgerRecords.actor(RegistryJson.decodeActor(parse(document)));
      }
      case LedgerRecords.AUDIT -> {
        if (!latest) {
          yield logged.getBytes(StandardCharsets.UTF_8);
        }
        String document = single(connection, "SELECT document FROM audits WHERE id = ?", subject);
        yield document == null
            ? null
            : LedgerRecords.audit(AuditJson.decodeStored(parse(document)));
      }
      case LedgerRecords.OWNERS -> {
        long sequence = Long.parseLong(subject);
        try (PreparedStatement statement =
            connection.prepareStatement(
                "SELECT sequence, subject_id, changed_at_millis, changed_by, document"
                    + " FROM entity_changes WHERE sequence = ?")) {
          statement.setLong(1, sequence);
          try (ResultSet rows = statement.executeQuery()) {
            yield rows.next() ? ownersEntry(sequence, rows) : null;
          }
        }
      }
      case LedgerRecords.CASE_ACTION -> {
        int slash = subject.lastIndexOf('/');
        String caseId = subject.substring(0, slash);
        long sequence = Long.parseLong(subject.substring(slash + 1));
        try (PreparedStatement statement =
            connection.prepareStatement(
                "SELECT at_millis, organisation, role, client_address, document"
                    + " FROM case_audit WHERE case_id = ? AND sequence = ?")) {
          statement.setString(1, caseId);
          statement.setLong(2, sequence);
          try (ResultSet rows = statement.executeQuery()) {
            yield rows.next()
                ? LedgerRecords.caseAction(caseAction(caseId, sequence, rows, 1))
                : null;
          }
        }
      }
      default -> throw new IllegalArgumentException("no record kind " + kind);
    };
  }

  private static String single(Connection connection, String sql, String parameter)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  private static Entry entry(long position, String eventId, String document) {
    try {
      String canonical = new String(LedgerEntries.encode(decode(document)), StandardCharsets.UTF_8);
      return new Entry(position, eventId, canonical, null);
    } catch (RuntimeException e) {
      return new Entry(position, eventId, null, "the stored event does not decode: " + e);
    }
  }

  private static JsonNode decode(String document) {
    // Decoding before encoding makes the entry a function of the event, not of the stored text.
    return EventJson.encode(
        EventJson.decode(Json.parse(document.getBytes(StandardCharsets.UTF_8)), 0));
  }

  /**
   * For each kind of record, the rows it records that no record names: the subject key computed in
   * SQL the way {@link LedgerRecords} forms it, looked up in the index on (kind, subject).
   */
  private static final List<List<String>> UNLOGGED_QUERIES =
      List.of(
          List.of(LedgerRecords.SITE, "id", "sites", "id"),
          List.of(LedgerRecords.ACTOR, "id", "actors", "id"),
          List.of(LedgerRecords.AUDIT, "id", "audits", "id"),
          List.of(LedgerRecords.OWNERS, "CAST(t.sequence AS TEXT)", "entity_changes", "sequence"),
          List.of(
              LedgerRecords.CASE_ACTION,
              "t.case_id || '/' || CAST(t.sequence AS TEXT)",
              "case_audit",
              "case_id, sequence"));

  @Override
  public List<Unlogged> unloggedRecords(int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return database.read(
        connection -> {
          List<Unlogged> found = new ArrayList<>();
          for (List<String> query : UNLOGGED_QUERIES) {
            String kind = query.get(0);
            String subject = query.get(1).equals("id") ? "t.id" : query.get(1);
            try (PreparedStatement statement =
                connection.prepareStatement(
                    "SELECT "
                        + subject
                        + " FROM "
                        + query.get(2)
                        + " t WHERE NOT EXISTS (SELECT 1 FROM log_records r WHERE r.kind = ?"
                        + " AND r.subject = "
                        + subject
                        + ") ORDER BY "
                        + query.get(3)
                        + " LIMIT ?")) {
              statement.setString(1, kind);
              statement.setInt(2, limit - found.size());
              try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                  found.add(new Unlogged(kind, rows.getString(1)));
                }
              }
            }
            if (found.size() >= limit) {
              break;
            }
          }
          return found;
        });
  }

  @Override
  public boolean addWitness(WitnessKey witness) {
    String witnessText = requireNonNull(witness, "witness is null").publicOnly().toString();
    return database.write(
        connection -> {
          if (witnessAccepted(connection, witnessText)) {
            return false;
          }
          if (longQuery(connection, "SELECT COUNT(*) FROM log_witnesses") >= MAX_WITNESSES) {
            throw new IllegalArgumentException(
                "the log accepts at most " + MAX_WITNESSES + " witnesses; remove one first");
          }
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO log_witnesses (witness_key, witness, added_at_millis)"
                      + " VALUES (?, ?, ?)")) {
            statement.setString(1, witnessText);
            statement.setString(2, witness.name());
            statement.setLong(3, System.currentTimeMillis());
            statement.executeUpdate();
          }
          return true;
        });
  }

  @Override
  public boolean removeWitness(WitnessKey witness) {
    String witnessText = requireNonNull(witness, "witness is null").publicOnly().toString();
    return database.write(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement("DELETE FROM log_cosignatures WHERE witness_key = ?")) {
            statement.setString(1, witnessText);
            statement.executeUpdate();
          }
          try (PreparedStatement statement =
              connection.prepareStatement("DELETE FROM log_witnesses WHERE witness_key = ?")) {
            statement.setString(1, witnessText);
            return statement.executeUpdate() > 0;
          }
        });
  }

  @Override
  public List<WitnessKey> witnesses() {
    return database.read(
        connection -> {
          List<WitnessKey> found = new ArrayList<>();
          try (PreparedStatement statement =
                  connection.prepareStatement(
                      "SELECT witness_key FROM log_witnesses ORDER BY witness, witness_key");
              ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              found.add(WitnessKey.parse(rows.getString(1)));
            }
          }
          return found;
        });
  }

  private static boolean witnessAccepted(Connection connection, String witnessText)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT COUNT(*) FROM log_witnesses WHERE witness_key = ?")) {
      statement.setString(1, witnessText);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1) > 0;
      }
    }
  }

  @Override
  public SignedNote addCosignature(WitnessKey witness, long treeSize, Cosignature cosignature) {
    requireNonNull(witness, "witness is null");
    requireNonNull(cosignature, "cosignature is null");
    String witnessText = witness.publicOnly().toString();
    // Asked first, so that an unknown key costs one indexed read, not a root and a signature check.
    if (!database.read(connection -> witnessAccepted(connection, witnessText))) {
      throw new UnknownWitnessException(witness.name());
    }
    if (treeSize < 1) {
      throw new IllegalArgumentException("a cosigned checkpoint has at least one entry");
    }
    String body = new Checkpoint(key.name(), treeSize, root(treeSize)).toNoteBody();
    if (!cosignature.verifies(body, witness.publicOnly())) {
      throw new IllegalArgumentException(
          "the cosignature is not "
              + witness.name()
              + "'s signature of this log's checkpoint of size "
              + treeSize);
    }
    // Ed25519 is deterministic: the log's signature of an earlier size is the one it made then.
    SignedNote checkpoint = SignedNote.sign(body, key);
    long receivedAt = System.currentTimeMillis();
    database.write(
        connection -> {
          if (!witnessAccepted(connection, witnessText)) {
            throw new UnknownWitnessException(witness.name());
          }
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT tree_size, cosignature FROM log_cosignatures WHERE witness_key = ?")) {
            statement.setString(1, witnessText);
            try (ResultSet rows = statement.executeQuery()) {
              if (rows.next()) {
                refuseOlder(witness, treeSize, cosignature, rows.getLong(1), rows.getString(2));
              }
            }
          }
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO log_cosignatures (witness_key, witness, tree_size, checkpoint,"
                      + " cosignature, received_at_millis) VALUES (?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (witness_key) DO UPDATE SET tree_size = excluded.tree_size,"
                      + " checkpoint = excluded.checkpoint, cosignature = excluded.cosignature,"
                      + " received_at_millis = excluded.received_at_millis")) {
            statement.setString(1, witnessText);
            statement.setString(2, witness.name());
            statement.setLong(3, treeSize);
            statement.setString(4, checkpoint.serialize());
            statement.setString(5, cosignature.toLine());
            statement.setLong(6, receivedAt);
            statement.executeUpdate();
          }
          return null;
        });
    return checkpoint;
  }

  /**
   * Refuses a cosignature that is not the witness's newest: of a smaller tree than the one kept, or
   * of the same tree with an earlier timestamp.
   */
  private static void refuseOlder(
      WitnessKey witness, long treeSize, Cosignature cosignature, long keptSize, String keptLine) {
    if (keptSize > treeSize) {
      throw new IllegalArgumentException(
          witness.name()
              + " already cosigned the checkpoint of size "
              + keptSize
              + ", a larger one");
    }
    if (keptSize == treeSize) {
      long keptTimestamp;
      try {
        keptTimestamp = Cosignature.parseLine(keptLine).timestamp();
      } catch (IllegalArgumentException e) {
        return; // a damaged row is replaced
      }
      if (keptTimestamp > cosignature.timestamp()) {
        throw new IllegalArgumentException(
            witness.name()
                + " already cosigned the checkpoint of size "
                + keptSize
                + " later (timestamp "
                + keptTimestamp
                + ")");
      }
    }
  }

  @Override
  public List<WitnessCosignature> cosignatures() {
    return database.read(
        connection -> {
          List<WitnessCosignature> found = new ArrayList<>();
          try (PreparedStatement statement =
                  connection.prepareStatement(
                      "SELECT c.witness_key, c.checkpoint, c.cosignature, c.received_at_millis"
                          + " FROM log_cosignatures c JOIN log_witnesses w"
                          + " ON w.witness_key = c.witness_key"
                          + " ORDER BY c.tree_size DESC, c.witness_key");
              ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              try {
                found.add(
                    new WitnessCosignature(
                        WitnessKey.parse(rows.getString(1)),
                        SignedNote.parse(rows.getString(2)),
                        Cosignature.parseLine(rows.getString(3)),
                        Instant.ofEpochMilli(rows.getLong(4))));
              } catch (IllegalArgumentException e) {
                // A damaged row proves nothing; a verifier counting witnesses will miss it.
                continue;
              }
            }
          }
          return found;
        });
  }

  @Override
  public List<Node> nodes(int level, long fromIndex, int limit) {
    if (level < 0 || level >= 63 || fromIndex < 0 || limit <= 0) {
      return List.of();
    }
    int tileLevel = MerkleTiles.tileLevel(level);
    int perTile = MerkleTiles.WIDTH >>> (level % MerkleTiles.HEIGHT);
    // Enough tiles for a page (the first may start before fromIndex); a damaged tile that holds
    // fewer nodes than it should leaves the page short, so the next tiles are read then too.
    int tilesPerQuery = (limit + perTile - 1) / perTile + 1;
    return database.read(
        connection -> {
          List<Node> nodes = new ArrayList<>(Math.min(limit, 4096));
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT tile_index, hashes FROM merkle_tiles"
                      + " WHERE tile_level = ? AND tile_index >= ? ORDER BY tile_index LIMIT ?")) {
            long nextTile = MerkleTiles.tileIndex(level, fromIndex);
            int rowsRead = tilesPerQuery;
            while (nodes.size() < limit && rowsRead == tilesPerQuery) {
              statement.setInt(1, tileLevel);
              statement.setLong(2, nextTile);
              statement.setInt(3, tilesPerQuery);
              rowsRead = 0;
              try (ResultSet rows = statement.executeQuery()) {
                while (nodes.size() < limit && rows.next()) {
                  rowsRead++;
                  long tileIndex = rows.getLong(1);
                  nextTile = tileIndex + 1;
                  addNodes(
                      nodes,
                      level,
                      Math.max(fromIndex, tileIndex * perTile),
                      (tileIndex + 1) * perTile,
                      rows.getBytes(2),
                      limit);
                }
              }
            }
          }
          return nodes;
        });
  }

  /** Adds the nodes [from, to) of one level held whole by {@code tile}, up to {@code limit}. */
  private static void addNodes(
      List<Node> nodes, int level, long from, long to, byte[] tile, int limit) {
    for (long index = from; index < to && nodes.size() < limit; index++) {
      int offset = MerkleTiles.position(level, index) * MerkleHash.LENGTH_BYTES;
      if (tile == null || tile.length < offset + MerkleHash.LENGTH_BYTES) {
        return;
      }
      nodes.add(
          new Node(
              level,
              index,
              MerkleHash.of(Arrays.copyOfRange(tile, offset, offset + MerkleHash.LENGTH_BYTES))));
    }
  }

  private static long longQuery(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
