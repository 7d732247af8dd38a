package org.oretrace.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.oretrace.core.ledger.LogKey;
import org.oretrace.store.ledger.LogKeyFile;
import org.oretrace.store.postgres.PostgresStore;
import org.oretrace.store.sqlite.SqliteStore;

/**
 * A database for one test, on either store: opened (and reopened) as a {@link Store}, and reachable
 * with raw SQL, the way someone holding the file or the server could tamper with it.
 *
 * <p>SQLite always runs, in the test's temporary folder. PostgreSQL runs when the environment names
 * a server ({@value #URL_VARIABLE}, a JDBC URL with user and password); each test gets a schema of
 * its own there, dropped afterwards. Without a reachable server the PostgreSQL tests are skipped by
 * an assumption whose message says why, and a line on the error stream says so once.
 */
public abstract class TestDatabase implements AutoCloseable {

  /** The environment variable with the JDBC URL of the PostgreSQL server for tests. */
  public static final String URL_VARIABLE = "ORETRACE_TEST_POSTGRES_URL";

  /** The stores every store test runs on. */
  public enum Kind {
    SQLITE,
    POSTGRESQL;

    /** A new, empty database for one test; skips the test when this kind cannot run here. */
    public TestDatabase create(Path folder) {
      return switch (this) {
        case SQLITE -> new Sqlite(folder);
        case POSTGRESQL -> new Postgres(folder);
      };
    }
  }

  protected final Path folder;
  private final List<Store> opened = new ArrayList<>();

  private TestDatabase(Path folder) {
    this.folder = folder;
  }

  /**
   * Opens a store on this database: new the first time, the same data afterwards. Stores still open
   * at the end of the test are closed by {@link #close()}.
   */
  public final Store open() {
    Store store = openStore();
    opened.add(store);
    return store;
  }

  protected abstract Store openStore();

  /** The SQL expression of {@code count} zero bytes, in this database's dialect. */
  public abstract String zeroBytes(int count);

  /** A raw JDBC connection, in auto-commit mode. */
  public abstract Connection connect() throws SQLException;

  /** Opens a store with the fixture registry (sites and actors). */
  public Store openWithRegistry() {
    Store store = open();
    store.registry().putSites(Fixtures.sites());
    store.registry().putActors(Fixtures.actors());
    return store;
  }

  /** Runs SQL statements directly on the database, as someone with the file or server could. */
  public void tamper(String... statements) {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.executeUpdate(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("tampering failed: " + e.getMessage(), e);
    }
  }

  protected LogKey logKey() {
    return LogKeyFile.loadOrCreate(folder.resolve(LogKeyFile.FILE_NAME), LogKeyFile.DEFAULT_ORIGIN);
  }

  /** Closes the stores the test left open and removes the database. */
  @Override
  public void close() {
    opened.forEach(Store::close);
    drop();
  }

  protected void drop() {}

  private static final class Sqlite extends TestDatabase {

    Sqlite(Path folder) {
      super(folder);
    }

    private Path file() {
      return folder.resolve("oretrace.db");
    }

    @Override
    protected Store openStore() {
      return SqliteStore.open(file());
    }

    @Override
    public String zeroBytes(int count) {
      return "zeroblob(" + count + ")";
    }

    @Override
    public Connection connect() throws SQLException {
      return DriverManager.getConnection("jdbc:sqlite:" + file());
    }

    @Override
    public String toString() {
      return "SQLite " + file();
    }
  }

  private static final class Postgres extends TestDatabase {

    private static final String UNAVAILABLE = unavailable();

    private final String serverUrl;
    private final String schema;

    Postgres(Path folder) {
      super(folder);
      assumeTrue(UNAVAILABLE == null, UNAVAILABLE);
      this.serverUrl = System.getenv(URL_VARIABLE);
      this.schema = "test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
      execute(serverUrl, "CREATE SCHEMA " + schema);
    }

    /** Why PostgreSQL tests cannot run here, or null when they can. */
    private static String unavailable() {
      String url = System.getenv(URL_VARIABLE);
      String reason = null;
      if (url == null || url.isBlank()) {
        reason =
            URL_VARIABLE
                + " is not set, so the PostgreSQL store tests are SKIPPED"
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
                  + "), so the PostgreSQL store tests are SKIPPED";
        }
      }
      if (reason != null) {
        System.err.println("[oretrace tests] " + reason);
      }
      return reason;
    }

    private static void execute(String url, String sql) {
      try (Connection connection = DriverManager.getConnection(url);
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
      }
    }

    private String url() {
      return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    protected Store openStore() {
      return PostgresStore.open(url(), logKey(), folder.resolve("evidence"));
    }

    @Override
    public String zeroBytes(int count) {
      return "decode(repeat('00', " + count + "), 'hex')";
    }

    @Override
    public Connection connect() throws SQLException {
      return DriverManager.getConnection(url());
    }

    @Override
    protected void drop() {
      execute(serverUrl, "DROP SCHEMA " + schema + " CASCADE");
    }

    @Override
    public String toString() {
      return "PostgreSQL schema " + schema;
    }
  }
}
