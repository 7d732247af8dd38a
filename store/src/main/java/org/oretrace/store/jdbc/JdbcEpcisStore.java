package org.oretrace.store.jdbc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oretrace.core.Violation;
import org.oretrace.store.epcis.CaptureJob;
import org.oretrace.store.epcis.EpcisQuery;
import org.oretrace.store.epcis.EpcisQuery.Match;
import org.oretrace.store.epcis.EpcisRecord;
import org.oretrace.store.epcis.EpcisRecord.EpcReference;
import org.oretrace.store.epcis.EpcisStore;
import org.oretrace.store.epcis.NamedQuery;
import org.oretrace.store.epcis.QuerySubscription;
import org.oretrace.store.json.Json;

/**
 * EPCIS events in SQLite (schema V4). An event is one row with its JSON-LD and the columns the
 * simple event query filters on; the identifiers it names are rows of epcis_event_epcs keyed by
 * (epc, role), so that MATCH_ parameters are index look-ups. Record sequences are assigned here,
 * under the single writer, so that a batch is written with batched statements.
 */
final class JdbcEpcisStore implements EpcisStore {

  private static final String COLUMNS =
      "record_sequence, event_id, event_type, event_time_millis, record_time_millis, action,"
          + " biz_step, disposition, read_point, biz_location, capture_id, context, document,"
          + " custody_event_ids";

  private static final Map<Match, List<String>> ROLES =
      Map.of(
          Match.EPC, List.of("epc"),
          Match.PARENT_ID, List.of("parent"),
          Match.INPUT_EPC, List.of("input"),
          Match.OUTPUT_EPC, List.of("output"),
          Match.ANY_EPC, List.of("epc", "parent", "input", "output"),
          Match.EPC_CLASS, List.of("epc_class"),
          Match.INPUT_EPC_CLASS, List.of("input_class"),
          Match.OUTPUT_EPC_CLASS, List.of("output_class"),
          Match.ANY_EPC_CLASS, List.of("epc_class", "input_class", "output_class"),
          Match.ANY_IDENTIFIER,
              List.of(
                  "epc", "parent", "input", "output", "epc_class", "input_class", "output_class"));

  private static final Map<Match, String> COLUMN_OF =
      Map.of(
          Match.EVENT_TYPE, "event_type",
          Match.ACTION, "action",
          Match.BIZ_STEP, "biz_step",
          Match.DISPOSITION, "disposition",
          Match.READ_POINT, "read_point",
          Match.BIZ_LOCATION, "biz_location",
          Match.EVENT_ID, "event_id");

  private final Database database;

  JdbcEpcisStore(Database database) {
    this.database = database;
  }

  @Override
  public void append(List<EpcisRecord> records, List<String> eventTexts, long projectedUpTo) {
    write(records, eventTexts, projectedUpTo, true, null);
  }

  @Override
  public void appendCaptured(
      List<EpcisRecord> records, List<String> eventTexts, long projectedUpTo, CaptureJob job) {
    write(records, eventTexts, projectedUpTo, false, requireNonNull(job, "job is null"));
  }

  /**
   * One transaction: the records (replacing stored ones of the same eventID when {@code replacing};
   * otherwise a stored one breaks the UNIQUE eventID and rolls everything back), the projection's
   * watermark, and the job when there is one. Statements are the writer's prepared ones, kept
   * across transactions.
   */
  private void write(
      List<EpcisRecord> records,
      List<String> eventTexts,
      long projectedUpTo,
      boolean replacing,
      CaptureJob job) {
    if (eventTexts.size() != records.size()) {
      throw new IllegalArgumentException("one event text per record");
    }
    database.write(
        connection -> {
          if (replacing) {
            deleteExisting(connection, records);
          }
          long next;
          try (ResultSet rows =
              database
                  .prepared(
                      connection, "SELECT COALESCE(MAX(record_sequence), 0) + 1 FROM epcis_events")
                  .executeQuery()) {
            rows.next();
            next = rows.getLong(1);
          }
          PreparedStatement events =
              database.prepared(
                  connection,
                  "INSERT INTO epcis_events ("
                      + COLUMNS
                      + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
          PreparedStatement epcs =
              database.prepared(
                  connection,
                  "INSERT INTO epcis_event_epcs (epc, role, record_sequence)"
                      + " VALUES (?,?,?) ON CONFLICT DO NOTHING");
          PreparedStatement links =
              database.prepared(
                  connection,
                  "INSERT INTO epcis_custody_links (custody_event_id, epcis_event_id)"
                      + " VALUES (?,?) ON CONFLICT (custody_event_id) DO UPDATE SET"
                      + " epcis_event_id = excluded.epcis_event_id");
          // The records of one capture share their document's context: write its text once.
          Map<JsonNode, String> contextTexts = new IdentityHashMap<>();
          boolean anyEpc = false;
          boolean anyLink = false;
          for (int index = 0; index < records.size(); index++) {
            EpcisRecord record = records.get(index);
            long sequence = next++;
            events.setLong(1, sequence);
            events.setString(2, record.eventId());
            events.setString(3, record.eventType());
            events.setLong(4, record.eventTime().toEpochMilli());
            events.setLong(5, record.recordTime().toEpochMilli());
            setText(events, 6, record.action());
            setText(events, 7, record.bizStep());
            setText(events, 8, record.disposition());
            setText(events, 9, record.readPoint());
            setText(events, 10, record.bizLocation());
            setText(events, 11, record.captureId());
            events.setString(12, contextTexts.computeIfAbsent(record.context(), Json::text));
            events.setString(13, eventTexts.get(index));
            List<String> custodyEventIds = record.custodyEventIds();
            setText(
                events,
                14,
                custodyEventIds.isEmpty()
                    ? null
                    : custodyEventIds.size() == 1
                        ? custodyEventIds.getFirst()
                        : String.join(" ", custodyEventIds));
            events.addBatch();
            for (EpcReference epc : record.epcs()) {
              epcs.setString(1, epc.epc());
              epcs.setString(2, epc.role());
              epcs.setLong(3, sequence);
              epcs.addBatch();
              anyEpc = true;
            }
            for (String custodyEventId : custodyEventIds) {
              links.setString(1, custodyEventId);
              links.setString(2, record.eventId());
              links.addBatch();
              anyLink = true;
            }
          }
          if (!records.isEmpty()) {
            events.executeBatch();
          }
          if (anyEpc) {
            epcs.executeBatch();
          }
          if (anyLink) {
            links.executeBatch();
          }
          if (projectedUpTo >= 0) {
            PreparedStatement statement =
                database.prepared(
                    connection,
                    "UPDATE epcis_projection SET next_sequence = ? WHERE singleton = 1");
            statement.setLong(1, projectedUpTo);
            statement.executeUpdate();
          }
          if (job != null) {
            putCaptureJob(connection, job);
          }
          return null;
        });
  }

  /**
   * Removes the stored events that these records replace (looked up 500 ids at a time), with their
   * identifier rows and their links.
   */
  private static void deleteExisting(Connection connection, List<EpcisRecord> records)
      throws SQLException {
    List<String> ids = records.stream().map(EpcisRecord::eventId).toList();
    List<Object[]> existing = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += 500) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      try (PreparedStatement find =
          connection.prepareStatement(
              "SELECT event_id, record_sequence, custody_event_ids FROM epcis_events"
                  + " WHERE event_id IN ("
                  + placeholders(chunk.size())
                  + ")")) {
        for (int index = 0; index < chunk.size(); index++) {
          find.setString(index + 1, chunk.get(index));
        }
        try (ResultSet rows = find.executeQuery()) {
          while (rows.next()) {
            existing.add(new Object[] {rows.getString(1), rows.getLong(2), rows.getString(3)});
          }
        }
      }
    }
    if (existing.isEmpty()) {
      return;
    }
    try (PreparedStatement deleteEpcs =
            connection.prepareStatement("DELETE FROM epcis_event_epcs WHERE record_sequence = ?");
        PreparedStatement deleteEvent =
            connection.prepareStatement("DELETE FROM epcis_events WHERE record_sequence = ?");
        PreparedStatement deleteLink =
            connection.prepareStatement(
                "DELETE FROM epcis_custody_links WHERE custody_event_id = ?"
                    + " AND epcis_event_id = ?")) {
      for (Object[] event : existing) {
        deleteEpcs.setLong(1, (Long) event[1]);
        deleteEpcs.executeUpdate();
        deleteEvent.setLong(1, (Long) event[1]);
        deleteEvent.executeUpdate();
        for (String custodyEventId : custodyEventIds((String) event[2])) {
          deleteLink.setString(1, custodyEventId);
          deleteLink.setString(2, (String) event[0]);
          deleteLink.executeUpdate();
        }
      }
    }
  }

  /** The custody event ids of the custody_event_ids column: space-separated, NULL for none. */
  private static List<String> custodyEventIds(String column) {
    return column == null ? List.of() : List.of(column.split(" "));
  }

  @Override
  public long projectedUpTo() {
    return database.read(
        connection -> {
          try (PreparedStatement statement =
                  connection.prepareStatement(
                      "SELECT next_sequence FROM epcis_projection WHERE singleton = 1");
              ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0L;
          }
        });
  }

  @Override
  public Set<String> linkedCustodyEventIds(Collection<String> custodyEventIds) {
    if (custodyEventIds.isEmpty()) {
      return Set.of();
    }
    return database.read(
        connection -> {
          Set<String> linked = new HashSet<>();
          List<String> ids = List.copyOf(custodyEventIds);
          for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            try (PreparedStatement statement =
                connection.prepareStatement(
                    "SELECT custody_event_id FROM epcis_custody_links WHERE custody_event_id IN ("
                        + placeholders(chunk.size())
                        + ")")) {
              for (int index = 0; index < chunk.size(); index++) {
                statement.setString(index + 1, chunk.get(index));
              }
              try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                  linked.add(rows.getString(1));
                }
              }
            }
          }
          return linked;
        });
  }

  @Override
  public Optional<EpcisRecord> event(String eventId) {
    return Optional.ofNullable(events(List.of(eventId)).get(eventId));
  }

  @Override
  public Map<String, EpcisRecord> events(Collection<String> eventIds) {
    if (eventIds.isEmpty()) {
      return Map.of();
    }
    return database.read(
        connection -> {
          Map<String, EpcisRecord> found = new HashMap<>();
          List<String> ids = List.copyOf(eventIds);
          for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            try (PreparedStatement statement =
                connection.prepareStatement(
                    "SELECT "
                        + COLUMNS
                        + " FROM epcis_events WHERE event_id IN ("
                        + placeholders(chunk.size())
                        + ")")) {
              for (int index = 0; index < chunk.size(); index++) {
                statement.setString(index + 1, chunk.get(index));
              }
              for (EpcisRecord record : read(statement)) {
                found.put(record.eventId(), record);
              }
            }
          }
          return found;
        });
  }

  @Override
  public List<EpcisRecord> query(EpcisQuery query, long offset, int limit) {
    List<String> conditions = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    for (Map.Entry<Match, List<String>> match : query.matches().entrySet()) {
      List<String> values = match.getValue();
      if (values.isEmpty()) {
        continue;
      }
      String column = COLUMN_OF.get(match.getKey());
      if (column != null) {
        conditions.add(column + " IN (" + placeholders(values.size()) + ")");
        parameters.addAll(values);
      } else {
        List<String> roles = ROLES.get(match.getKey());
        List<String> alternatives = new ArrayList<>();
        for (String value : values) {
          int star = value.indexOf('*');
          if (star >= 0) {
            alternatives.add("x.epc LIKE ? ESCAPE '\\'");
            parameters.add(
                likePrefix(value.substring(0, star).replace("urn:epc:idpat:", "urn:epc:id:")));
          } else {
            alternatives.add("x.epc = ?");
            parameters.add(value);
          }
        }
        conditions.add(
            "EXISTS (SELECT 1 FROM epcis_event_epcs x WHERE x.record_sequence = e.record_sequence"
                + " AND x.role IN ("
                + String.join(",", roles.stream().map(role -> "'" + role + "'").toList())
                + ") AND ("
                + String.join(" OR ", alternatives)
                + "))");
      }
    }
    addTime(conditions, parameters, "event_time_millis >= ?", query.eventTimeFrom());
    addTime(conditions, parameters, "event_time_millis < ?", query.eventTimeBefore());
    addTime(conditions, parameters, "record_time_millis >= ?", query.recordTimeFrom());
    addTime(conditions, parameters, "record_time_millis < ?", query.recordTimeBefore());
    String order =
        switch (query.orderBy()) {
          case EVENT_TIME -> "event_time_millis";
          case RECORD_TIME -> "record_time_millis";
        };
    String direction = query.ascending() ? " ASC" : " DESC";
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM epcis_events e"
            + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
            + " ORDER BY "
            + order
            + direction
            + ", record_sequence"
            + direction
            + " LIMIT ? OFFSET ?";
    return database.read(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int position = 1;
            for (Object parameter : parameters) {
              statement.setObject(position++, parameter);
            }
            statement.setInt(position++, limit);
            statement.setLong(position, offset);
            return read(statement);
          }
        });
  }

  private static void addTime(
      List<String> conditions, List<Object> parameters, String condition, Instant time) {
    if (time != null) {
      conditions.add(condition);
      parameters.add(time.toEpochMilli());
    }
  }

  private static String likePrefix(String prefix) {
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  @Override
  public List<String> bizSteps() {
    return database.read(
        connection -> {
          List<String> steps = new ArrayList<>();
          try (PreparedStatement statement =
                  connection.prepareStatement(
                      "SELECT DISTINCT biz_step FROM epcis_events WHERE biz_step IS NOT NULL"
                          + " ORDER BY biz_step");
              ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              steps.add(rows.getString(1));
            }
          }
          return steps;
        });
  }

  @Override
  public void putCaptureJob(CaptureJob job) {
    database.write(
        connection -> {
          putCaptureJob(connection, job);
          return null;
        });
  }

  private static void putCaptureJob(Connection connection, CaptureJob job) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO epcis_capture_jobs (capture_id, created_at_millis,"
                + " finished_at_millis, running, success, event_count, errors)"
                + " VALUES (?,?,?,?,?,?,?) ON CONFLICT (capture_id) DO UPDATE SET"
                + " created_at_millis = excluded.created_at_millis,"
                + " finished_at_millis = excluded.finished_at_millis,"
                + " running = excluded.running, success = excluded.success,"
                + " event_count = excluded.event_count, errors = excluded.errors")) {
      statement.setString(1, job.captureId());
      statement.setLong(2, job.createdAt().toEpochMilli());
      if (job.finishedAt() == null) {
        statement.setNull(3, Types.BIGINT);
      } else {
        statement.setLong(3, job.finishedAt().toEpochMilli());
      }
      statement.setInt(4, job.running() ? 1 : 0);
      statement.setInt(5, job.success() ? 1 : 0);
      statement.setInt(6, job.eventCount());
      statement.setString(7, Json.text(errors(job.errors())));
      statement.executeUpdate();
    }
  }

  @Override
  public Optional<CaptureJob> captureJob(String captureId) {
    return database.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT capture_id, created_at_millis, finished_at_millis, running, success,"
                      + " event_count, errors FROM epcis_capture_jobs WHERE capture_id = ?")) {
            statement.setString(1, captureId);
            List<CaptureJob> jobs = readJobs(statement);
            return jobs.isEmpty() ? Optional.empty() : Optional.of(jobs.getFirst());
          }
        });
  }

  @Override
  public List<CaptureJob> captureJobs(long offset, int limit) {
    return database.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT capture_id, created_at_millis, finished_at_millis, running, success,"
                      + " event_count, errors FROM epcis_capture_jobs"
                      + " ORDER BY created_at_millis DESC, capture_id DESC LIMIT ? OFFSET ?")) {
            statement.setInt(1, limit);
            statement.setLong(2, offset);
            return readJobs(statement);
          }
        });
  }

  @Override
  public boolean putNamedQuery(NamedQuery query) {
    return database.write(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO epcis_named_queries (name, owner, query, created_at_millis)"
                      + " VALUES (?,?,?,?) ON CONFLICT (name) DO NOTHING")) {
            statement.setString(1, query.name());
            statement.setString(2, query.owner());
            statement.setString(3, Json.text(query.parameters()));
            statement.setLong(4, query.createdAt().toEpochMilli());
            return statement.executeUpdate() == 1;
          }
        });
  }

  @Override
  public Optional<NamedQuery> namedQuery(String name) {
    return database.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT name, owner, query, created_at_millis FROM epcis_named_queries"
                      + " WHERE name = ?")) {
            statement.setString(1, name);
            List<NamedQuery> found = readNamedQueries(statement);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
          }
        });
  }

  @Override
  public List<NamedQuery> namedQueries(String owner, long offset, int limit) {
    return database.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT name, owner, query, created_at_millis FROM epcis_named_queries"
                      + (owner == null ? "" : " WHERE owner = ?")
                      + " ORDER BY name LIMIT ? OFFSET ?")) {
            int next = 1;
            if (owner != null) {
              statement.setString(next++, owner);
            }
            statement.setInt(next++, limit);
            statement.setLong(next, offset);
            return readNamedQueries(statement);
          }
        });
  }

  @Override
  public boolean deleteNamedQuery(String name) {
    return database.write(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement("DELETE FROM epcis_named_queries WHERE name = ?")) {
            statement.setString(1, name);
            boolean deleted = statement.executeUpdate() == 1;
            try (PreparedStatement subscriptions =
                connection.prepareStatement(
                    "DELETE FROM epcis_subscriptions WHERE query_name = ?")) {
              subscriptions.setString(1, name);
              subscriptions.executeUpdate();
            }
            return deleted;
          }
        });
  }

  private static final String SUBSCRIPTION_COLUMNS =
      "subscription_id, query_name, destination, signature_token, stream, schedule,"
          + " report_if_empty, organisation, role, created_at_millis, min_record_time_millis,"
          + " last_notified_at_millis";

  @Override
  public void putSubscription(QuerySubscription subscription) {
    database.write(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO epcis_subscriptions ("
                      + SUBSCRIPTION_COLUMNS
                      + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            statement.setString(1, subscription.subscriptionId());
            statement.setString(2, subscription.queryName());
            statement.setString(3, subscription.destination());
            statement.setString(4, subscription.signatureToken());
            statement.setInt(5, subscription.stream() ? 1 : 0);
            statement.setString(
                6, subscription.schedule() == null ? null : Json.text(subscription.schedule()));
            statement.setInt(7, subscription.reportIfEmpty() ? 1 : 0);
            statement.setString(8, subscription.organisation());
            statement.setString(9, subscription.role());
            statement.setLong(10, subscription.createdAt().toEpochMilli());
            statement.setLong(11, subscription.minRecordTime().toEpochMilli());
            if (subscription.lastNotifiedAt() == null) {
              statement.setNull(12, Types.BIGINT);
            } else {
              statement.setLong(12, subscription.lastNotifiedAt().toEpochMilli());
            }
            statement.executeUpdate();
            return null;
          }
        });
  }

  @Override
  public Optional<QuerySubscription> subscription(String subscriptionId) {
    return database.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT "
                      + SUBSCRIPTION_COLUMNS
                      + " FROM epcis_subscriptions WHERE subscription_id = ?")) {
            statement.setString(1, subscriptionId);
            List<QuerySubscription> found = readSubscriptions(statement);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
          }
        });
  }

  @Override
  public List<QuerySubscription> subscriptions(String queryName, long offset, int limit) {
    return database.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT "
                      + SUBSCRIPTION_COLUMNS
                      + " FROM epcis_subscriptions"
                      + (queryName == null ? "" : " WHERE query_name = ?")
                      + " ORDER BY created_at_millis, subscription_id LIMIT ? OFFSET ?")) {
            int parameter = 1;
            if (queryName != null) {
              statement.setString(parameter++, queryName);
            }
            statement.setInt(parameter++, limit);
            statement.setLong(parameter, offset);
            return readSubscriptions(statement);
          }
        });
  }

  @Override
  public boolean deleteSubscription(String subscriptionId) {
    return database.write(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "DELETE FROM epcis_subscriptions WHERE subscription_id = ?")) {
            statement.setString(1, subscriptionId);
            return statement.executeUpdate() == 1;
          }
        });
  }

  @Override
  public void subscriptionDelivered(
      String subscriptionId, Instant minRecordTime, Instant notifiedAt) {
    database.write(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "UPDATE epcis_subscriptions SET min_record_time_millis = ?,"
                      + " last_notified_at_millis = ? WHERE subscription_id = ?")) {
            statement.setLong(1, minRecordTime.toEpochMilli());
            statement.setLong(2, notifiedAt.toEpochMilli());
            statement.setString(3, subscriptionId);
            statement.executeUpdate();
            return null;
          }
        });
  }

  private static List<QuerySubscription> readSubscriptions(PreparedStatement statement)
      throws SQLException {
    List<QuerySubscription> found = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        String schedule = rows.getString(6);
        long notified = rows.getLong(12);
        boolean neverNotified = rows.wasNull();
        found.add(
            new QuerySubscription(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                rows.getInt(5) == 1,
                schedule == null
                    ? null
                    : (ObjectNode) Json.parse(schedule.getBytes(StandardCharsets.UTF_8)),
                rows.getInt(7) == 1,
                rows.getString(8),
                rows.getString(9),
                Instant.ofEpochMilli(rows.getLong(10)),
                Instant.ofEpochMilli(rows.getLong(11)),
                neverNotified ? null : Instant.ofEpochMilli(notified)));
      }
    }
    return found;
  }

  private static List<NamedQuery> readNamedQueries(PreparedStatement statement)
      throws SQLException {
    List<NamedQuery> queries = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        queries.add(
            new NamedQuery(
                rows.getString(1),
                rows.getString(2),
                (ObjectNode) Json.parse(rows.getString(3).getBytes(StandardCharsets.UTF_8)),
                Instant.ofEpochMilli(rows.getLong(4))));
      }
    }
    return queries;
  }

  private static List<CaptureJob> readJobs(PreparedStatement statement) throws SQLException {
    List<CaptureJob> jobs = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        long finished = rows.getLong(3);
        Instant finishedAt = rows.wasNull() ? null : Instant.ofEpochMilli(finished);
        List<Violation> errors = new ArrayList<>();
        for (JsonNode error : Json.parse(rows.getString(7).getBytes(StandardCharsets.UTF_8))) {
          errors.add(
              Violation.of(
                  error.get("item").asInt(),
                  error.get("field").asText(),
                  error.get("message").asText()));
        }
        jobs.add(
            new CaptureJob(
                rows.getString(1),
                Instant.ofEpochMilli(rows.getLong(2)),
                finishedAt,
                rows.getInt(4) == 1,
                rows.getInt(5) == 1,
                rows.getInt(6),
                errors));
      }
    }
    return jobs;
  }

  private static ArrayNode errors(List<Violation> violations) {
    ArrayNode array = Json.array();
    for (Violation violation : violations) {
      array
          .addObject()
          .put("item", violation.item())
          .put("field", violation.field())
          .put("message", violation.message());
    }
    return array;
  }

  private static List<EpcisRecord> read(PreparedStatement statement) throws SQLException {
    List<EpcisRecord> records = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        ObjectNode event =
            (ObjectNode) Json.parse(rows.getString(13).getBytes(StandardCharsets.UTF_8));
        JsonNode context = Json.parse(rows.getString(12).getBytes(StandardCharsets.UTF_8));
        records.add(
            EpcisRecord.of(
                event,
                context,
                Instant.ofEpochMilli(rows.getLong(5)),
                custodyEventIds(rows.getString(14)),
                rows.getString(11)));
      }
    }
    return records;
  }

  private static void setText(PreparedStatement statement, int position, String value)
      throws SQLException {
    if (value == null) {
      statement.setNull(position, Types.VARCHAR);
    } else {
      statement.setString(position, value);
    }
  }

  private static String placeholders(int count) {
    return String.join(",", Collections.nCopies(count, "?"));
  }
}
