package org.oretrace.store.jdbc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.oretrace.core.ledger.Checkpoint;
import org.oretrace.core.ledger.ConsistencyProof;
import org.oretrace.core.ledger.InclusionProof;
import org.oretrace.core.ledger.LogKey;
import org.oretrace.core.ledger.MerkleHash;
import org.oretrace.core.ledger.MerkleLog;
import org.oretrace.core.ledger.SignedNote;
import org.oretrace.core.ledger.VerifierKey;
import org.oretrace.store.Ledger;
import org.oretrace.store.StoreException;
import org.oretrace.store.json.EventJson;
import org.oretrace.store.json.Json;
import org.oretrace.store.ledger.LedgerEntries;

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
 * O(log n) indexed reads like the proof itself.
 */
final class JdbcLedger implements Ledger {

  private final Database database;
  private final LogKey key;

  // Writer state, touched only under the append lock.
  private final ReentrantLock appendLock = new ReentrantLock();
  private JdbcMerkleNodeStore writerNodes;
  private MerkleLog writerLog;
  private SignedNote pendingCheckpoint;

  private volatile long size;
  private volatile SignedNote latestCheckpoint;

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
          if (longQuery(connection, "SELECT COUNT(*) FROM log_checkpoint") > 0) {
            return null;
          }
          startAppending(connection, committedSize(connection));
          appendStoredEvents(connection);
          finish(connection, System.currentTimeMillis());
          return null;
        },
        () -> {});
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

  private void appendStoredEvents(Connection connection) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT sequence, document FROM events WHERE sequence >= ? ORDER BY sequence")) {
      statement.setLong(1, writerLog.size());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          if (rows.getLong(1) != writerLog.size()) {
            throw new StoreException(
                "cannot build the ledger: no event at position " + writerLog.size());
          }
          append(LedgerEntries.encode(decode(rows.getString(2))));
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

  /** Writes the appended nodes and the new signed checkpoint. */
  void finish(Connection connection, long signedAtMillis) throws SQLException {
    writerNodes.flush();
    Checkpoint checkpoint = new Checkpoint(key.name(), writerLog.size(), writerLog.root());
    pendingCheckpoint = SignedNote.sign(checkpoint.toNoteBody(), key);
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
    if (cached != null && database.soleWriter()) {
      return cached;
    }
    String text =
        database.read(
            connection -> {
              try (PreparedStatement statement =
                      connection.prepareStatement(
                          "SELECT signed_note FROM log_checkpoint WHERE id = 1");
                  ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
              }
            });
    if (text == null) {
      throw new StoreException("the ledger has no checkpoint");
    }
    try {
      SignedNote note = SignedNote.parse(text);
      latestCheckpoint = note;
      return note;
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
              new JdbcMerkleNodeStore(database, connection, treeSize)) {
            return question.apply(MerkleLog.over(nodes));
          }
        });
  }

  @Override
  public List<Entry> entries(long start, int limit) {
    return database.read(
        connection -> {
          List<Entry> entries = new ArrayList<>(Math.min(limit, 4096));
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT sequence, id, document FROM events WHERE sequence >= ?"
                      + " ORDER BY sequence LIMIT ?")) {
            statement.setLong(1, start);
            statement.setInt(2, limit);
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                entries.add(entry(rows.getLong(1), rows.getString(2), rows.getString(3)));
              }
            }
          }
          return entries;
        });
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
