package org.oretrace.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.oretrace.store.Store;
import org.oretrace.store.ledger.LogKeyFile;
import org.oretrace.store.postgres.PostgresStore;
import org.oretrace.store.sqlite.SqliteStore;

/**
 * Real stores for server tests, each in a fresh temporary folder (and, on PostgreSQL, a fresh
 * schema) removed when the JVM exits.
 *
 * <p>{@link #open()} gives the store the run asks for: SQLite by default; PostgreSQL when the
 * system property {@value #KIND_PROPERTY} is {@code postgresql}, as the server module's second test
 * run sets it (see server/pom.xml), on the server named by {@value #URL_VARIABLE}. Without a
 * reachable server that run's tests are skipped by an assumption saying why, never silently.
 */
public final class TestStores {

  /** The system property choosing the store of {@link #open()}: sqlite (default) or postgresql. */
  public static final String KIND_PROPERTY = "oretrace.test.store";

  /** The environment variable with the JDBC URL of the PostgreSQL server for tests. */
  public static final String URL_VARIABLE = "ORETRACE_TEST_POSTGRES_URL";

  /**
   * The schemas this run made, dropped one after the other by a single hook at exit: a hook per
   * schema ran hundreds of drops at once, and PostgreSQL ran out of shared memory for their locks
   * (each drop locks every table of its schema), leaving schemas behind.
   */
  private static final Queue<String> SCHEMAS_TO_DROP = new ConcurrentLinkedQueue<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  String serverUrl = System.getenv(URL_VARIABLE);
                  for (String schema; (schema = SCHEMAS_TO_DROP.poll()) != null; ) {
                    try {
                      Postgres.execute(serverUrl, "DROP SCHEMA " + schema + " CASCADE");
                    } catch (IllegalStateException e) {
                      System.err.println("test schema left behind: " + e.getMessage());
                    }
                  }
                }));
  }

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
    String unavailable = Postgres.UNAVAILABLE;
    assumeTrue(unavailable == null, unavailable);
    String serverUrl = System.getenv(URL_VARIABLE);
    String schema =
        "server_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    Postgres.execute(serverUrl, "CREATE SCHEMA " + schema);
    SCHEMAS_TO_DROP.add(schema);
    Path folder = temporaryFolder();
    return PostgresStore.open(
        serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema,
        LogKeyFile.loadOrCreate(folder.resolve(LogKeyFile.FILE_NAME), LogKeyFile.DEFAULT_ORIGIN),
        folder.resolve("evidence"));
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

  /**
   * The PostgreSQL server of the tests: checked once per JVM. The store module's TestDatabase does
   * the same; sharing it through a test-jar breaks `./mvnw compile` (the server's npm step resolves
   * test dependencies before the store's test classes exist).
   */
  private static final class Postgres {

    static final String UNAVAILABLE = unavailable();

    private Postgres() {}

    private static String unavailable() {
      String url = System.getenv(URL_VARIABLE);
      String reason = null;
      if (url == null || url.isBlank()) {
        reason =
            URL_VARIABLE
                + " is not set, so the server tests on PostgreSQL are SKIPPED"
                + " (.ci/run starts a server and sets it)";
      } else {
        DriverManager.setLoginTimeout(5);
        try (Connection connection = DriverManager.getConnection(url)) {
          connection.isValid(5);
        } catch (SQLException e) {
          reason =
              "cannot connect to "
                  + PostgresStore.withoutPassword(url)
                  + " ("
                  + e.getMessage()
                  + "), so the server tests on PostgreSQL are SKIPPED";
        }
      }
      if (reason != null) {
        System.err.println("[oretrace tests] " + reason);
      }
      return reason;
    }

    static void execute(String url, String sql) {
      try (Connection connection = DriverManager.getConnection(url);
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
      }
    }
  }
}
