package org.oretrace.store.jdbc;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.oretrace.store.EvidenceStore;
import org.oretrace.store.StoreException;

/**
 * Evidence files in the data folder, {@code evidence/<first two hex digits>/<sha256>}, listed in
 * the {@code evidence} table. A file is written to a temporary name, forced to disk and renamed, so
 * that a reader (or a restart after kill -9) sees a whole file or none; only then is its row
 * inserted. A row therefore always has its file; a file without a row (a crash in between) is
 * harmless and adopted by the next upload of the same bytes. Reads re-hash the bytes, so a file
 * changed on disk is reported, never served.
 */
final class JdbcEvidenceStore implements EvidenceStore {

  private final Database database;
  private final Path folder;

  JdbcEvidenceStore(Database database, Path folder) {
    this.database = database;
    this.folder = folder;
  }

  @Override
  public EvidenceFile put(byte[] content, String mediaType) {
    if (content.length > MAX_BYTES) {
      throw new IllegalArgumentException("an evidence file is at most " + MAX_BYTES + " bytes");
    }
    String sha256 = sha256(content);
    Optional<EvidenceFile> existing = describe(sha256);
    if (existing.isPresent()) {
      return existing.get();
    }
    Path file = file(sha256);
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), sha256, ".part");
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.write(java.nio.ByteBuffer.wrap(content));
        channel.force(true);
      }
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new StoreException("cannot store evidence " + sha256 + ": " + e.getMessage(), e);
    }
    EvidenceFile stored = new EvidenceFile(sha256, content.length, mediaType, Instant.now());
    database.write(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO evidence (sha256, size_bytes, media_type, stored_at_millis)"
                      + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            statement.setString(1, sha256);
            statement.setLong(2, content.length);
            statement.setString(3, mediaType);
            statement.setLong(4, stored.storedAt().toEpochMilli());
            statement.executeUpdate();
          }
          return null;
        });
    return describe(sha256).orElse(stored);
  }

  @Override
  public Optional<EvidenceFile> describe(String sha256) {
    return database.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT size_bytes, media_type, stored_at_millis FROM evidence WHERE sha256 = ?")) {
            statement.setString(1, sha256);
            try (ResultSet rows = statement.executeQuery()) {
              if (!rows.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new EvidenceFile(
                      sha256,
                      rows.getLong(1),
                      rows.getString(2),
                      Instant.ofEpochMilli(rows.getLong(3))));
            }
          }
        });
  }

  @Override
  public Optional<byte[]> read(String sha256) {
    if (describe(sha256).isEmpty()) {
      return Optional.empty();
    }
    byte[] content;
    try {
      content = Files.readAllBytes(file(sha256));
    } catch (IOException e) {
      throw new StoreException("evidence " + sha256 + " is listed but unreadable", e);
    }
    if (!sha256(content).equals(sha256)) {
      throw new StoreException("evidence " + sha256 + " was changed on disk; it is not served");
    }
    return Optional.of(content);
  }

  private Path file(String sha256) {
    return folder.resolve(sha256.substring(0, 2)).resolve(sha256);
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
