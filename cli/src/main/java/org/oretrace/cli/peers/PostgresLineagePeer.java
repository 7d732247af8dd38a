package org.oretrace.cli.peers;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.oretrace.core.custody.LineageEdge;
import org.oretrace.core.custody.Lot;
import org.oretrace.store.StoreException;
import org.oretrace.store.Stores;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL as the peer of the lineage index: the PostgreSQL store's own tables ({@code lots} and
 * {@code lineage_edges}, created by its Flyway migrations with their btree indexes on both edge
 * ends) in a scratch schema, filled with the benchmark's world by {@code COPY} (the bulk path: the
 * Recorder would take hours for ten million lots, and what is timed is the query, not the load),
 * and queried with the recursive CTE a PostgreSQL user would write for a lot's upstream.
 */
public final class PostgresLineagePeer implements AutoCloseable {

  /** Every lot upstream of one, the lot itself first, each once ({@code UNION} removes repeats). */
  static final String UPSTREAM =
      """
      WITH RECURSIVE upstream(lot_id) AS (
        SELECT CAST(? AS TEXT)
        UNION
        SELECT edge.from_lot FROM lineage_edges edge JOIN upstream ON edge.to_lot = upstream.lot_id
      )
      SELECT lot_id FROM upstream""";

  private final ScratchSchema schema;
  private final Connection connection;
  private final CopyManager copy;
  private final PreparedStatement upstream;
  private long edgeSequence;

  private PostgresLineagePeer(ScratchSchema schema, Connection connection) throws SQLException {
    this.schema = schema;
    this.connection = connection;
    this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
    this.upstream = connection.prepareStatement(UPSTREAM);
  }

  /**
   * Creates a scratch schema on the server and the store's tables in it.
   *
   * @param folder a folder for the store's log key (the store opens it to migrate)
   */
  public static PostgresLineagePeer open(String serverUrl, Path folder) {
    ScratchSchema schema = ScratchSchema.create(serverUrl, "bench_trace");
    try {
      // Opening the store runs its migrations: the tables are the store's own.
      Stores.open(schema.url(), folder).close();
      Connection connection = ScratchSchema.connect(schema.url());
      connection.setAutoCommit(true);
      return new PostgresLineagePeer(schema, connection);
    } catch (SQLException | RuntimeException e) {
      schema.close();
      throw e instanceof RuntimeException runtime
          ? runtime
          : new StoreException("cannot prepare PostgreSQL: " + e.getMessage(), e);
    }
  }

  /** The schema the world is loaded in, for messages. */
  public String schemaName() {
    return schema.name();
  }

  /** The server's version, for the table. */
  public String version() {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SHOW server_version")) {
      result.next();
      String version = result.getString(1);
      int detail = version.indexOf(' ');
      return "PostgreSQL " + (detail < 0 ? version : version.substring(0, detail));
    } catch (SQLException e) {
      throw new StoreException("cannot read the server's version: " + e.getMessage(), e);
    }
  }

  /** Appends lots and edges as the store would hold them, in one COPY a table. */
  public void load(List<Lot> lots, List<LineageEdge> edges) {
    StringBuilder rows = new StringBuilder(lots.size() * 96);
    for (Lot lot : lots) {
      field(rows, lot.id()).append('\t');
      field(rows, lot.tagNumber()).append('\t');
      rows.append(lot.mineral().wireName()).append('\t');
      rows.append(lot.massGrams()).append('\t');
      nullable(rows, lot.grade() == null ? null : Long.toString(lot.grade().partsPerMillion()));
      nullable(rows, lot.originSiteId());
      field(rows, lot.holderId()).append('\t');
      rows.append(lot.state().wireName()).append('\t');
      rows.append(lot.createdAt().toEpochMilli()).append('\t');
      rows.append(lot.updatedAt().toEpochMilli()).append('\n');
    }
    copyIn(
        "COPY lots (id, tag_number, mineral, mass_grams, grade_ppm, origin_site, holder, state,"
            + " created_at_millis, updated_at_millis) FROM STDIN",
        rows);
    rows.setLength(0);
    for (LineageEdge edge : edges) {
      field(rows, edge.fromLotId()).append('\t');
      field(rows, edge.toLotId()).append('\t');
      rows.append(edge.massGrams()).append('\t');
      field(rows, edge.eventId()).append('\t');
      rows.append(edge.eventType().wireName()).append('\t');
      rows.append(edgeSequence++).append('\n');
    }
    copyIn(
        "COPY lineage_edges (from_lot, to_lot, mass_grams, event_id, event_type, sequence)"
            + " FROM STDIN",
        rows);
  }

  /** Updates the planner's statistics once the world is loaded. */
  public void analyze() {
    try (Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE lots");
      statement.execute("ANALYZE lineage_edges");
    } catch (SQLException e) {
      throw new StoreException("ANALYZE failed: " + e.getMessage(), e);
    }
  }

  /** The ids of every lot upstream of {@code lotId}, the lot first, by the recursive CTE. */
  public List<String> upstream(String lotId) {
    try {
      upstream.setString(1, lotId);
      List<String> ids = new ArrayList<>();
      try (ResultSet result = upstream.executeQuery()) {
        while (result.next()) {
          ids.add(result.getString(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new StoreException("the recursive query failed: " + e.getMessage(), e);
    }
  }

  /** Drops the schema and everything in it. */
  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // The schema is dropped over a connection of its own.
    }
    schema.close();
  }

  private void copyIn(String sql, CharSequence rows) {
    try {
      copy.copyIn(sql, new StringReader(rows.toString()));
    } catch (SQLException | IOException e) {
      throw new StoreException(sql + " failed: " + e.getMessage(), e);
    }
  }

  private static void nullable(StringBuilder rows, String value) {
    if (value == null) {
      rows.append("\\N\t");
    } else {
      field(rows, value).append('\t');
    }
  }

  /** A text field in COPY's text format: backslash, tab and line ends escaped. */
  private static StringBuilder field(StringBuilder rows, String value) {
    for (int index = 0; index < value.length(); index++) {
      char character = value.charAt(index);
      switch (character) {
        case '\\' -> rows.append("\\\\");
        case '\t' -> rows.append("\\t");
        case '\n' -> rows.append("\\n");
        case '\r' -> rows.append("\\r");
        default -> rows.append(character);
      }
    }
    return rows;
  }
}
