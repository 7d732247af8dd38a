package org.oretrace.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.oretrace.store.Store;
import org.oretrace.store.TestDatabase;
import org.oretrace.store.sqlite.SqliteStore;

/**
 * Real stores for server tests, each in a fresh temporary folder (and, on PostgreSQL, a fresh
 * schema) removed when the JVM exits.
 *
 * <p>{@link #open()} gives the store the run asks for: SQLite by default; PostgreSQL when the
 * system property {@value #KIND_PROPERTY} is {@code postgresql}, as the server module's second test
 * run sets it (see server/pom.xml), on the server named by {@value TestDatabase#URL_VARIABLE}.
 * Without a reachable server that run's tests are skipped by an assumption saying why, never
 * silently.
 */
public final class TestStores {

  /** The system property choosing the store of {@link #open()}: sqlite (default) or postgresql. */
  public static final String KIND_PROPERTY = "oretrace.test.store";

  private TestStores() {}

  /** A new, empty store of the kind this test run is for. */
  public static Store open() {
    return "postgresql".equals(System.getProperty(KIND_PROPERTY)) ? postgresql() : sqlite();
  }

  /** A new, empty SQLite store, whatever the run is for. */
  public static SqliteStore sqlite() {
    return SqliteStore.open(temporaryFolder().resolve("oretrace.db"));
  }

  private static Store postgresql() {
    // Skips the test, with a message saying why, when no PostgreSQL server is reachable.
    TestDatabase database = TestDatabase.Kind.POSTGRESQL.create(temporaryFolder());
    Runtime.getRuntime().addShutdownHook(new Thread(database::close));
    return database.open();
  }

  private static Path temporaryFolder() {
    try {
      Path folder = Files.createTempDirectory("oretrace-server-test");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folder)));
      return folder;
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
