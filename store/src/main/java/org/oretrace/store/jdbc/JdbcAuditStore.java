package org.oretrace.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oretrace.core.audit.ActionStatus;
import org.oretrace.core.audit.Audit;
import org.oretrace.core.audit.CorrectiveAction;
import org.oretrace.core.audit.StatusChange;
import org.oretrace.core.registry.IcglrStatus;
import org.oretrace.core.registry.Site;
import org.oretrace.store.AuditStore;
import org.oretrace.store.json.AuditJson;
import org.oretrace.store.json.Json;
import org.oretrace.store.ledger.LedgerRecords;

/**
 * Audits and site status history in SQL. Recording an audit appends its record to the ledger (its
 * findings and corrective-action plan), as does each change of the plan's statuses. Recording an
 * audit that changes a site's status writes the audit, the history row and the site (through {@link
 * JdbcRegistryStore#writeSites}, the registry's own statement) in one transaction, and refreshes
 * the registry's in-memory copy only after the commit, so the registry, the history and the audits
 * never disagree. The history's sequence is the count of the site's earlier changes, read inside
 * the transaction; its primary key refuses a second writer that read the same count.
 */
final class JdbcAuditStore implements AuditStore {

  private final Database database;
  private final JdbcLedger ledger;
  private final JdbcRegistryStore registry;

  JdbcAuditStore(Database database, JdbcLedger ledger, JdbcRegistryStore registry) {
    this.database = database;
    this.ledger = ledger;
    this.registry = registry;
  }

  @Override
  public Optional<StatusChange> record(Audit audit) {
    List<Site> changed = new ArrayList<>();
    Optional<StatusChange> change =
        ledger.recording(
            (connection, records) -> {
              Site site =
                  registry
                      .site(audit.siteId())
                      .orElseThrow(() -> new IllegalArgumentException("no site " + audit.siteId()));
              insert(connection, audit);
              records.append(LedgerRecords.AUDIT, audit.id(), LedgerRecords.audit(audit));
              IcglrStatus resulting = audit.resultingStatus();
              if (resulting == null || resulting == site.icglrStatus()) {
                return Optional.<StatusChange>empty();
              }
              StatusChange made =
                  new StatusChange(
                      site.id(), site.icglrStatus(), resulting, audit.recordedAt(), audit.id());
              appendHistory(connection, made);
              Site updated =
                  new Site(
                      site.id(),
                      site.name(),
                      site.country(),
                      site.location(),
                      site.minerals(),
                      site.capacityKilogramsPerMonth(),
                      resulting,
                      site.armedGroupPresence(),
                      site.cahra());
              registry.writeSites(connection, records, List.of(updated));
              changed.add(updated);
              return Optional.of(made);
            },
            () -> {});
    registry.cache(changed);
    return change;
  }

  private static void insert(Connection connection, Audit audit) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO audits (id, site_id, audit_date, earliest_open_deadline, document)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      statement.setString(1, audit.id());
      statement.setString(2, audit.siteId());
      statement.setString(3, audit.date().toString());
      statement.setString(4, earliestOpenDeadline(audit));
      statement.setString(5, Json.text(AuditJson.encode(audit, null)));
      statement.executeUpdate();
    }
  }

  private static void appendHistory(Connection connection, StatusChange change)
      throws SQLException {
    long sequence;
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT COUNT(*) FROM site_status_history WHERE site_id = ?")) {
      statement.setString(1, change.siteId());
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        sequence = rows.getLong(1) + 1;
      }
    }
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO site_status_history (site_id, sequence, from_status, to_status,"
                + " at_millis, audit_id) VALUES (?, ?, ?, ?, ?, ?)")) {
      statement.setString(1, change.siteId());
      statement.setLong(2, sequence);
      statement.setString(3, change.from().wireName());
      statement.setString(4, change.to().wireName());
      statement.setLong(5, change.at().toEpochMilli());
      statement.setString(6, change.auditId());
      statement.executeUpdate();
    }
  }

  /** The first deadline among actions not done, as an ISO date (which sorts as text), or null. */
  private static String earliestOpenDeadline(Audit audit) {
    return audit.correctiveActions().stream()
        .filter(action -> action.status() != ActionStatus.DONE)
        .map(CorrectiveAction::deadline)
        .min(LocalDate::compareTo)
        .map(LocalDate::toString)
        .orElse(null);
  }

  @Override
  public Optional<Audit> find(String id) {
    List<Audit> found = select("SELECT document FROM audits WHERE id = ?", id);
    return found.stream().findFirst();
  }

  @Override
  public void updateActions(Audit audit) {
    ledger.recording(
        (connection, records) -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "UPDATE audits SET earliest_open_deadline = ?, document = ? WHERE id = ?")) {
            statement.setString(1, earliestOpenDeadline(audit));
            statement.setString(2, Json.text(AuditJson.encode(audit, null)));
            statement.setString(3, audit.id());
            if (statement.executeUpdate() != 1) {
              throw new IllegalArgumentException("no audit " + audit.id());
            }
          }
          records.append(LedgerRecords.AUDIT, audit.id(), LedgerRecords.audit(audit));
          return null;
        },
        () -> {});
  }

  @Override
  public List<Audit> ofSite(String siteId) {
    return select(
        "SELECT document FROM audits WHERE site_id = ? ORDER BY audit_date DESC, id DESC", siteId);
  }

  @Override
  public List<StatusChange> statusHistory(String siteId) {
    return database.read(
        connection -> {
          List<StatusChange> changes = new ArrayList<>();
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT from_status, to_status, at_millis, audit_id FROM site_status_history"
                      + " WHERE site_id = ? ORDER BY sequence")) {
            statement.setString(1, siteId);
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                changes.add(
                    new StatusChange(
                        siteId,
                        IcglrStatus.fromWireName(rows.getString(1)),
                        IcglrStatus.fromWireName(rows.getString(2)),
                        Instant.ofEpochMilli(rows.getLong(3)),
                        rows.getString(4)));
              }
            }
          }
          return changes;
        });
  }

  @Override
  public List<Audit> withOverdueActions(LocalDate day) {
    // An action is overdue the day after its deadline: deadline < day.
    return select(
        "SELECT document FROM audits WHERE earliest_open_deadline < ? ORDER BY id", day.toString());
  }

  private List<Audit> select(String sql, String parameter) {
    return database.read(
        connection -> {
          List<Audit> audits = new ArrayList<>();
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                audits.add(
                    AuditJson.decodeStored(
                        Json.parse(rows.getString(1).getBytes(StandardCharsets.UTF_8))));
              }
            }
          }
          return audits;
        });
  }
}
