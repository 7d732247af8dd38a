package org.oretrace.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.oretrace.store.sqlite.SqliteStore;

/** Real SQLite stores for tests, each in a fresh temporary folder removed when the JVM exits. */
public final class TestStores {

  private TestStores() {}

  public static SqliteStore sqlite() {
    try {
      Path folder = Files.createTempDirectory("oretrace-server-test");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folder)));
      return SqliteStore.open(folder.resolve("oretrace.db"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A temporary folder left behind is harmless.
    }
  }
}
