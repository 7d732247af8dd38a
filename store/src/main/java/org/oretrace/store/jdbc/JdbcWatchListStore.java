package org.oretrace.store.jdbc;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.oretrace.core.screening.WatchListEntry;
import org.oretrace.store.WatchListStore;
import org.oretrace.store.json.Json;
import org.oretrace.store.json.WatchListJson;

/**
 * Watch lists in the database: an import reads the list's stored digests, works out what was added,
 * removed and changed, and rewrites the list's rows in one transaction; {@code afterImport} runs
 * once it has committed (the store screens its actors again then).
 */
final class JdbcWatchListStore implements WatchListStore {

  private final Database database;
  private final Runnable afterImport;

  JdbcWatchListStore(Database database, Runnable afterImport) {
    this.database = database;
    this.afterImport = requireNonNull(afterImport, "afterImport is null");
  }

  @Override
  public ImportSummary replace(
      String source, String file, List<WatchListEntry> entries, Instant at) {
    requireNonNull(source, "source is null");
    requireNonNull(file, "file is null");
    requireNonNull(at, "at is null");
    Map<String, WatchListEntry> byReference = new LinkedHashMap<>();
    Map<String, String> documents = new TreeMap<>();
    for (WatchListEntry entry : entries) {
      if (!entry.source().equals(source)) {
        throw new IllegalArgumentException(
            "entry " + entry.reference() + " is on " + entry.source() + ", not on " + source);
      }
      byReference.put(entry.reference(), entry);
      documents.put(entry.reference(), Json.text(WatchListJson.encode(entry)));
    }
    ImportSummary summary =
        database.write(
            connection -> {
              Map<String, String> storedDigests = new TreeMap<>();
              try (PreparedStatement statement =
                  connection.prepareStatement(
                      "SELECT reference, digest FROM watch_list_entries WHERE source = ?")) {
                statement.setString(1, source);
                try (ResultSet rows = statement.executeQuery()) {
                  while (rows.next()) {
                    storedDigests.put(rows.getString(1), rows.getString(2));
                  }
                }
              }
              List<String> added = new ArrayList<>();
              List<String> changed = new ArrayList<>();
              Map<String, String> digests = new TreeMap<>();
              documents.forEach(
                  (reference, document) -> {
                    String digest = sha256(document);
                    digests.put(reference, digest);
                    String stored = storedDigests.get(reference);
                    if (stored == null) {
                      added.add(reference);
                    } else if (!stored.equals(digest)) {
                      changed.add(reference);
                    }
                  });
              List<String> removed = new ArrayList<>();
              storedDigests.keySet().stream()
                  .filter(reference -> !documents.containsKey(reference))
                  .forEach(removed::add);
              try (PreparedStatement delete =
                  connection.prepareStatement("DELETE FROM watch_list_entries WHERE source = ?")) {
                delete.setString(1, source);
                delete.executeUpdate();
              }
              try (PreparedStatement insert =
                  connection.prepareStatement(
                      "INSERT INTO watch_list_entries (source, reference, entity_type,"
                          + " primary_name, digest, document, imported_at_millis)"
                          + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (var document : documents.entrySet()) {
                  WatchListEntry entry = byReference.get(document.getKey());
                  insert.setString(1, source);
                  insert.setString(2, entry.reference());
                  insert.setString(3, entry.type().name());
                  insert.setString(4, entry.primaryName());
                  insert.setString(5, digests.get(entry.reference()));
                  insert.setString(6, document.getValue());
                  insert.setLong(7, at.toEpochMilli());
                  insert.addBatch();
                }
                insert.executeBatch();
              }
              ImportSummary result =
                  new ImportSummary(source, documents.size(), added, removed, changed);
              try (PreparedStatement history =
                  connection.prepareStatement(
                      "INSERT INTO watch_list_imports (source, file, imported_at_millis, entries,"
                          + " added, removed, changed) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                history.setString(1, source);
                history.setString(2, file);
                history.setLong(3, at.toEpochMilli());
                history.setInt(4, result.entries());
                history.setInt(5, added.size());
                history.setInt(6, removed.size());
                history.setInt(7, changed.size());
                history.executeUpdate();
              }
              return result;
            });
    afterImport.run();
    return summary;
  }

  @Override
  public List<WatchListEntry> entries() {
    return database.read(
        connection -> {
          List<WatchListEntry> entries = new ArrayList<>();
          try (PreparedStatement statement =
                  connection.prepareStatement(
                      "SELECT document FROM watch_list_entries ORDER BY source, reference");
              ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              entries.add(
                  WatchListJson.decode(
                      Json.parse(rows.getString(1).getBytes(StandardCharsets.UTF_8))));
            }
          }
          return entries;
        });
  }

  @Override
  public long count() {
    return database.read(
        connection -> {
          try (PreparedStatement statement =
                  connection.prepareStatement("SELECT COUNT(*) FROM watch_list_entries");
              ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0L;
          }
        });
  }

  private static String sha256(String document) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(document.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
