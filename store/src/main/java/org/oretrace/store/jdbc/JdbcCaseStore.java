package org.oretrace.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oretrace.core.cases.AuditEntry;
import org.oretrace.core.cases.CaseFile;
import org.oretrace.core.cases.CaseState;
import org.oretrace.store.CaseStore;
import org.oretrace.store.Page;
import org.oretrace.store.PageRequest;
import org.oretrace.store.json.CaseJson;
import org.oretrace.store.json.Json;
import org.oretrace.store.ledger.LedgerRecords;

/**
 * Cases in SQL: the latest version of each in {@code cases}, who may see it in {@code
 * case_organisations}, and the trail in {@code case_audit}, whose primary key (case, sequence) and
 * triggers make it append-only. An update is a compare-and-set on the version column, so two
 * agencies acting at once on SQLite (one writer) or PostgreSQL (many) never lose an action: the
 * later one changes no row, writes nothing, and is told so.
 */
final class JdbcCaseStore implements CaseStore {

  private final Database database;
  private final JdbcLedger ledger;

  JdbcCaseStore(Database database, JdbcLedger ledger) {
    this.database = database;
    this.ledger = ledger;
  }

  @Override
  public void open(CaseFile opened, AuditEntry entry) {
    requireMatching(opened, entry);
    ledger.recording(
        (connection, records) -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO cases (id, owner, state, opened_at_millis, updated_at_millis,"
                      + " version, document) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, opened.id());
            statement.setString(2, opened.owner());
            statement.setString(3, opened.state().wireName());
            statement.setLong(4, opened.openedAt().toEpochMilli());
            statement.setLong(5, opened.updatedAt().toEpochMilli());
            statement.setLong(6, opened.version());
            statement.setString(7, Json.text(CaseJson.encode(opened)));
            statement.executeUpdate();
          }
          writeOrganisations(connection, opened);
          append(connection, records, entry);
          return null;
        },
        () -> {});
  }

  @Override
  public boolean update(CaseFile updated, AuditEntry entry) {
    requireMatching(updated, entry);
    return ledger.recording(
        (connection, records) -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "UPDATE cases SET owner = ?, state = ?, updated_at_millis = ?, version = ?,"
                      + " document = ? WHERE id = ? AND version = ?")) {
            statement.setString(1, updated.owner());
            statement.setString(2, updated.state().wireName());
            statement.setLong(3, updated.updatedAt().toEpochMilli());
            statement.setLong(4, updated.version());
            statement.setString(5, Json.text(CaseJson.encode(updated)));
            statement.setString(6, updated.id());
            statement.setLong(7, updated.version() - 1);
            if (statement.executeUpdate() == 0) {
              return false;
            }
          }
          try (PreparedStatement statement =
              connection.prepareStatement("DELETE FROM case_organisations WHERE case_id = ?")) {
            statement.setString(1, updated.id());
            statement.executeUpdate();
          }
          writeOrganisations(connection, updated);
          append(connection, records, entry);
          return true;
        },
        () -> {});
  }

  private static void requireMatching(CaseFile caseFile, AuditEntry entry) {
    if (!entry.caseId().equals(caseFile.id()) || entry.sequence() != caseFile.version()) {
      throw new IllegalArgumentException(
          "the entry's case and sequence must be the case's id and new version");
    }
  }

  private static void writeOrganisations(Connection connection, CaseFile caseFile)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO case_organisations (organisation, case_id) VALUES (?, ?)")) {
      for (String organisation : caseFile.organisations()) {
        statement.setString(1, organisation);
        statement.setString(2, caseFile.id());
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  /** Appends the entry to the case's trail and logs it as a record. */
  private static void append(Connection connection, JdbcLedger.RecordSink records, AuditEntry entry)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO case_audit (case_id, sequence, at_millis, organisation, role,"
                + " client_address, action, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      statement.setString(1, entry.caseId());
      statement.setLong(2, entry.sequence());
      statement.setLong(3, entry.at().toEpochMilli());
      statement.setString(4, entry.organisation());
      statement.setString(5, entry.role().wireName());
      statement.setString(6, entry.clientAddress());
      statement.setString(7, entry.action().type());
      statement.setString(8, Json.text(CaseJson.encode(entry.action())));
      statement.executeUpdate();
    }
    records.append(
        LedgerRecords.CASE_ACTION,
        LedgerRecords.caseActionSubject(entry.caseId(), entry.sequence()),
        LedgerRecords.caseAction(entry));
  }

  @Override
  public Optional<CaseFile> find(String id) {
    return database.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement("SELECT document FROM cases WHERE id = ?")) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
              return rows.next() ? Optional.of(decode(rows.getString(1))) : Optional.empty();
            }
          }
        });
  }

  @Override
  public Page<CaseFile> visibleTo(String organisation, CaseState state, PageRequest page) {
    Sql where = new Sql();
    where.and(
        "id IN (SELECT case_id FROM case_organisations WHERE organisation = ?)", organisation);
    if (state != null) {
      where.and("state = ?", state.wireName());
    }
    return database.read(
        connection ->
            where.page(
                connection,
                "document",
                "cases",
                "updated_at_millis DESC, id DESC",
                page,
                rows -> decode(rows.getString(1))));
  }

  @Override
  public List<CaseFile> citing(String alertId) {
    // The quoted id in the stored document narrows the search in SQL (LIKE may over-match: '_'
    // is a wildcard, and SQLite ignores case); the case itself decides.
    return database.read(
        connection -> {
          List<CaseFile> found = new ArrayList<>();
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT document FROM cases WHERE document LIKE ? ORDER BY id")) {
            statement.setString(1, "%\"" + alertId + "\"%");
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                CaseFile caseFile = decode(rows.getString(1));
                if (caseFile.cites(alertId)) {
                  found.add(caseFile);
                }
              }
            }
          }
          return found;
        });
  }

  @Override
  public List<AuditEntry> trail(String caseId) {
    return database.read(
        connection -> {
          List<AuditEntry> entries = new ArrayList<>();
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT sequence, at_millis, organisation, role, client_address, document"
                      + " FROM case_audit WHERE case_id = ? ORDER BY sequence")) {
            statement.setString(1, caseId);
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                entries.add(
                    CaseJson.entry(
                        caseId,
                        rows.getLong(1),
                        Instant.ofEpochMilli(rows.getLong(2)),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getString(5),
                        Json.parse(rows.getString(6).getBytes(StandardCharsets.UTF_8))));
              }
            }
          }
          return entries;
        });
  }

  private static CaseFile decode(String document) {
    return CaseJson.decodeStored(Json.parse(document.getBytes(StandardCharsets.UTF_8)));
  }
}
