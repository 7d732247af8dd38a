package org.oretrace.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oretrace.core.Country;
import org.oretrace.core.access.Role;
import org.oretrace.core.detection.Alert;
import org.oretrace.store.AlertStore;
import org.oretrace.store.Page;
import org.oretrace.store.PageRequest;
import org.oretrace.store.json.AlertJson;
import org.oretrace.store.json.Json;

/**
 * Alerts in SQL: one row each with the columns listings filter on, and one row per site, actor,
 * country and lot it names in {@code alert_subjects}, so that filters on them are index lookups.
 */
final class JdbcAlertStore implements AlertStore {

  private final Database database;

  JdbcAlertStore(Database database) {
    this.database = database;
  }

  @Override
  public void add(List<Alert> alerts, Instant raisedAt) {
    if (alerts.isEmpty()) {
      return;
    }
    database.write(
        connection -> {
          try (PreparedStatement alertStatement =
                  connection.prepareStatement(
                      "INSERT INTO alerts (id, detector, severity, score,"
                          + " occurred_at_millis, raised_at_millis, document)"
                          + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
              PreparedStatement subjectStatement =
                  connection.prepareStatement(
                      "INSERT INTO alert_subjects (kind, value, alert_id)"
                          + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Alert alert : alerts) {
              alertStatement.setString(1, alert.id());
              alertStatement.setString(2, alert.detector().name());
              alertStatement.setString(3, alert.severity().wireName());
              alertStatement.setDouble(4, alert.score());
              alertStatement.setLong(5, alert.occurredAt().toEpochMilli());
              alertStatement.setLong(6, raisedAt.toEpochMilli());
              alertStatement.setString(7, Json.text(AlertJson.encode(alert)));
              alertStatement.addBatch();
              for (String site : alert.siteIds()) {
                subject(subjectStatement, "site", site, alert);
              }
              for (String actor : alert.actorIds()) {
                subject(subjectStatement, "actor", actor, alert);
              }
              for (Country country : alert.countries()) {
                subject(subjectStatement, "country", country.code(), alert);
              }
              for (String lot : alert.lotIds()) {
                subject(subjectStatement, "lot", lot, alert);
              }
            }
            alertStatement.executeBatch();
            subjectStatement.executeBatch();
          }
          return null;
        });
  }

  private static void subject(PreparedStatement statement, String kind, String value, Alert alert)
      throws java.sql.SQLException {
    statement.setString(1, kind);
    statement.setString(2, value);
    statement.setString(3, alert.id());
    statement.addBatch();
  }

  @Override
  public Optional<StoredAlert> alert(String id) {
    return database.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT document, raised_at_millis, status FROM alerts WHERE id = ?")) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
              return rows.next() ? Optional.of(decode(rows)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public Page<StoredAlert> alerts(AlertFilter filter, PageRequest page) {
    Sql where = new Sql();
    if (filter.detector() != null) {
      where.and("detector = ?", filter.detector().name());
    }
    if (filter.severity() != null) {
      where.and("severity = ?", filter.severity().wireName());
    }
    if (filter.from() != null) {
      where.and("occurred_at_millis >= ?", filter.from().toEpochMilli());
    }
    if (filter.until() != null) {
      where.and("occurred_at_millis < ?", filter.until().toEpochMilli());
    }
    if (filter.status() != null) {
      where.and("status = ?", filter.status().wireName());
    }
    subjectFilter(where, "site", filter.siteId());
    subjectFilter(where, "actor", filter.actorId());
    subjectFilter(where, "lot", filter.lotId());
    subjectFilter(where, "country", filter.country() == null ? null : filter.country().code());
    return database.read(
        connection ->
            where.page(
                connection,
                "document, raised_at_millis, status",
                "alerts",
                "occurred_at_millis DESC, id DESC",
                page,
                JdbcAlertStore::decode));
  }

  private static void subjectFilter(Sql where, String kind, String value) {
    if (value != null) {
      where.and(
          "id IN (SELECT alert_id FROM alert_subjects WHERE kind = '" + kind + "' AND value = ?)",
          value);
    }
  }

  @Override
  public long count() {
    return database.read(
        connection -> {
          try (PreparedStatement statement =
                  connection.prepareStatement("SELECT COUNT(*) FROM alerts");
              ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
          }
        });
  }

  @Override
  public boolean changeStatus(String alertId, StatusChange change) {
    return database.write(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE alerts SET status = ? WHERE id = ? AND status <> ?")) {
            update.setString(1, change.status().wireName());
            update.setString(2, alertId);
            update.setString(3, change.status().wireName());
            if (update.executeUpdate() != 1) {
              return false;
            }
          }
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO alert_status_changes (alert_id, sequence, at_millis, status,"
                      + " reason, organisation, username, role) VALUES (?, (SELECT"
                      + " COALESCE(MAX(sequence), 0) + 1 FROM alert_status_changes WHERE"
                      + " alert_id = ?), ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, alertId);
            insert.setString(2, alertId);
            insert.setLong(3, change.at().toEpochMilli());
            insert.setString(4, change.status().wireName());
            insert.setString(5, change.reason());
            insert.setString(6, change.organisation());
            insert.setString(7, change.username());
            insert.setString(8, change.role().wireName());
            insert.executeUpdate();
          }
          return true;
        });
  }

  @Override
  public List<StatusChange> statusHistory(String alertId) {
    return database.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT status, reason, organisation, username, role, at_millis"
                      + " FROM alert_status_changes WHERE alert_id = ? ORDER BY sequence")) {
            statement.setString(1, alertId);
            List<StatusChange> changes = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                changes.add(
                    new StatusChange(
                        Status.fromWireName(rows.getString(1)),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        Role.fromWireName(rows.getString(5)),
                        Instant.ofEpochMilli(rows.getLong(6))));
              }
            }
            return changes;
          }
        });
  }

  @Override
  public long version() {
    return database.read(
        connection -> {
          try (PreparedStatement statement =
                  connection.prepareStatement(
                      "SELECT (SELECT COUNT(*) FROM alerts)"
                          + " + (SELECT COUNT(*) FROM alert_status_changes)");
              ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
          }
        });
  }

  private static StoredAlert decode(ResultSet rows) throws java.sql.SQLException {
    return new StoredAlert(
        AlertJson.decode(Json.parse(rows.getString(1).getBytes(StandardCharsets.UTF_8))),
        Instant.ofEpochMilli(rows.getLong(2)),
        Status.fromWireName(rows.getString(3)));
  }
}
