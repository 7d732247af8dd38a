package org.oretrace.store.ledger;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.oretrace.core.ledger.LogKey;
import org.oretrace.store.StoreException;

/**
 * The log's signing key in the data folder ({@code log.key}), created on first use: one line, the
 * signed-note private key text of {@link LogKey}, readable by its owner only where the file system
 * has POSIX permissions (mode 600). The key's name is the log's origin, so an existing file decides
 * the origin whatever is asked for.
 */
public final class LogKeyFile {

  /** The file name in the data folder. */
  public static final String FILE_NAME = "log.key";

  /** The origin of a log that was not given one. */
  public static final String DEFAULT_ORIGIN = "oretrace.local/log";

  private LogKeyFile() {}

  /** Loads the key in {@code file}, or creates one named {@code origin} if there is none. */
  public static LogKey loadOrCreate(Path file, String origin) {
    requireNonNull(file, "file is null");
    requireNonNull(origin, "origin is null");
    if (Files.exists(file)) {
      return load(file);
    }
    LogKey key = LogKey.generate(origin);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      create(file);
      Files.writeString(file, key.toPrivateKeyText() + "\n", StandardCharsets.UTF_8);
    } catch (FileAlreadyExistsException e) {
      return load(file); // another process created it first
    } catch (IOException e) {
      throw new StoreException("cannot create the log key " + file + ": " + e.getMessage(), e);
    }
    return key;
  }

  /** Loads the key in {@code file}. */
  public static LogKey load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the log key " + file + ": " + e.getMessage(), e);
    }
    try {
      return LogKey.parse(text);
    } catch (IllegalArgumentException e) {
      throw new StoreException("the log key " + file + " is damaged: " + e.getMessage(), e);
    }
  }

  private static void create(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
    }
  }
}
