package org.oretrace.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.oretrace.core.Country;
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
                  "SELECT document, raised_at_millis FROM alerts WHERE id = ?")) {
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
    subjectFilter(where, "site", filter.siteId());
    subjectFilter(where, "actor", filter.actorId());
    subjectFilter(where, "lot", filter.lotId());
    subjectFilter(where, "country", filter.country() == null ? null : filter.country().code());
    return database.read(
        connection ->
            where.page(
                connection,
                "document, raised_at_millis",
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

  private static StoredAlert decode(ResultSet rows) throws java.sql.SQLException {
    return new StoredAlert(
        AlertJson.decode(Json.parse(rows.getString(1).getBytes(StandardCharsets.UTF_8))),
        Instant.ofEpochMilli(rows.getLong(2)));
  }
}
