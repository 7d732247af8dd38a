package org.oretrace.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.oretrace.core.community.CommunityReport;
import org.oretrace.store.CommunityReportStore;
import org.oretrace.store.Page;
import org.oretrace.store.PageRequest;
import org.oretrace.store.json.CommunityReportJson;
import org.oretrace.store.json.Json;

/**
 * Community reports in SQL, one document each beside the hash of its receipt code. A change is a
 * compare-and-set on the whole document (its encoding is deterministic), so a reporter's answer and
 * a regulator's question arriving at once never overwrite each other: the later one is retried by
 * the caller on the newer report.
 */
final class JdbcCommunityReportStore implements CommunityReportStore {

  private final Database database;

  JdbcCommunityReportStore(Database database) {
    this.database = database;
  }

  @Override
  public void add(CommunityReport report, String receiptHash) {
    database.write(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO community_reports (id, receipt_hash, site_id, kind, status,"
                      + " received_at_millis, document, photo_sha256)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, report.id());
            statement.setString(2, receiptHash);
            statement.setString(3, report.siteId());
            statement.setString(4, report.kind().wireName());
            statement.setString(5, report.status().wireName());
            statement.setLong(6, report.receivedAt().toEpochMilli());
            statement.setString(7, document(report));
            statement.setString(8, report.photoSha256());
            statement.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public boolean replace(CommunityReport current, CommunityReport next) {
    if (!current.id().equals(next.id())) {
      throw new IllegalArgumentException("a report is replaced by its own next form");
    }
    return database.write(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "UPDATE community_reports SET status = ?, document = ?"
                      + " WHERE id = ? AND document = ?")) {
            statement.setString(1, next.status().wireName());
            statement.setString(2, document(next));
            statement.setString(3, next.id());
            statement.setString(4, document(current));
            return statement.executeUpdate() == 1;
          }
        });
  }

  @Override
  public Optional<CommunityReport> find(String id) {
    return findBy("id", id);
  }

  @Override
  public Optional<CommunityReport> findByReceipt(String receiptHash) {
    return findBy("receipt_hash", receiptHash);
  }

  private Optional<CommunityReport> findBy(String column, String value) {
    return database.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT document FROM community_reports WHERE " + column + " = ?")) {
            statement.setString(1, value);
            try (ResultSet rows = statement.executeQuery()) {
              return rows.next() ? Optional.of(decode(rows.getString(1))) : Optional.empty();
            }
          }
        });
  }

  @Override
  public Page<CommunityReport> list(PageRequest page) {
    Sql where = new Sql();
    return database.read(
        connection ->
            where.page(
                connection,
                "document",
                "community_reports",
                "received_at_millis DESC, id DESC",
                page,
                rows -> decode(rows.getString(1))));
  }

  @Override
  public boolean share(String reportId, Share share) {
    return database.write(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO community_report_shares (report_id, organisation, at_millis,"
                      + " by_organisation, by_username) VALUES (?, ?, ?, ?, ?)"
                      + " ON CONFLICT DO NOTHING")) {
            statement.setString(1, reportId);
            statement.setString(2, share.organisation());
            statement.setLong(3, share.at().toEpochMilli());
            statement.setString(4, share.byOrganisation());
            statement.setString(5, share.byUsername());
            if (statement.executeUpdate() == 0) {
              return false;
            }
          }
          appendShareChange(connection, reportId, false, share);
          return true;
        });
  }

  @Override
  public boolean withdraw(String reportId, Share withdrawal) {
    return database.write(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "DELETE FROM community_report_shares WHERE report_id = ? AND organisation = ?")) {
            statement.setString(1, reportId);
            statement.setString(2, withdrawal.organisation());
            if (statement.executeUpdate() == 0) {
              return false;
            }
          }
          appendShareChange(connection, reportId, true, withdrawal);
          return true;
        });
  }

  private static void appendShareChange(
      Connection connection, String reportId, boolean withdrawal, Share change)
      throws SQLException {
    long sequence;
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT COALESCE(MAX(sequence), 0) + 1 FROM community_report_share_trail"
                + " WHERE report_id = ?")) {
      statement.setString(1, reportId);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        sequence = rows.getLong(1);
      }
    }
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO community_report_share_trail (report_id, sequence, action, organisation,"
                + " at_millis, by_organisation, by_username) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      statement.setString(1, reportId);
      statement.setLong(2, sequence);
      statement.setString(3, withdrawal ? "withdraw" : "share");
      statement.setString(4, change.organisation());
      statement.setLong(5, change.at().toEpochMilli());
      statement.setString(6, change.byOrganisation());
      statement.setString(7, change.byUsername());
      statement.executeUpdate();
    }
  }

  @Override
  public List<ShareChange> shareTrail(String reportId) {
    return database.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT sequence, action, organisation, at_millis, by_organisation, by_username"
                      + " FROM community_report_share_trail WHERE report_id = ?"
                      + " ORDER BY sequence")) {
            statement.setString(1, reportId);
            List<ShareChange> trail = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                trail.add(
                    new ShareChange(
                        rows.getLong(1),
                        "withdraw".equals(rows.getString(2)),
                        new Share(
                            rows.getString(3),
                            Instant.ofEpochMilli(rows.getLong(4)),
                            rows.getString(5),
                            rows.getString(6))));
              }
            }
            return trail;
          }
        });
  }

  @Override
  public List<Share> shares(String reportId) {
    return database.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT organisation, at_millis, by_organisation, by_username"
                      + " FROM community_report_shares WHERE report_id = ?"
                      + " ORDER BY at_millis, organisation")) {
            statement.setString(1, reportId);
            List<Share> shares = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                shares.add(
                    new Share(
                        rows.getString(1),
                        Instant.ofEpochMilli(rows.getLong(2)),
                        rows.getString(3),
                        rows.getString(4)));
              }
            }
            return shares;
          }
        });
  }

  @Override
  public Set<String> sharedWith(String organisation) {
    return database.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT report_id FROM community_report_shares WHERE organisation = ?")) {
            statement.setString(1, organisation);
            Set<String> ids = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                ids.add(rows.getString(1));
              }
            }
            return Set.copyOf(ids);
          }
        });
  }

  @Override
  public List<CommunityReport> withPhoto(String sha256) {
    return database.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT document FROM community_reports WHERE photo_sha256 = ?")) {
            statement.setString(1, sha256);
            List<CommunityReport> reports = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                reports.add(decode(rows.getString(1)));
              }
            }
            return reports;
          }
        });
  }

  private static String document(CommunityReport report) {
    return Json.text(CommunityReportJson.encode(report, true));
  }

  private static CommunityReport decode(String document) {
    return CommunityReportJson.decodeStored(Json.parse(document.getBytes(StandardCharsets.UTF_8)));
  }
}
