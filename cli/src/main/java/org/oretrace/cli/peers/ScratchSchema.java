package org.oretrace.cli.peers;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.oretrace.store.StoreException;
import org.oretrace.store.postgres.PostgresStore;

/**
 * A schema of its own on a PostgreSQL server for one benchmark phase, so that a run never touches
 * the data of the database it is pointed at: created empty, named by a random suffix, reached
 * through {@link #url()} ({@code currentSchema}), and dropped with everything in it on close.
 */
public final class ScratchSchema implements AutoCloseable {

  private final String serverUrl;
  private final String name;

  private ScratchSchema(String serverUrl, String name) {
    this.serverUrl = serverUrl;
    this.name = name;
  }

  /** Creates {@code prefix_<random hex>} on the server at this JDBC URL. */
  public static ScratchSchema create(String serverUrl, String prefix) {
    requireNonNull(serverUrl, "serverUrl is null");
    if (!serverUrl.startsWith(PostgresStore.URL_PREFIX)) {
      throw new IllegalArgumentException(
          "not a PostgreSQL JDBC URL: " + PostgresStore.withoutPassword(serverUrl));
    }
    String name = prefix + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    execute(serverUrl, "CREATE SCHEMA " + name);
    return new ScratchSchema(serverUrl, name);
  }

  public String name() {
    return name;
  }

  /** The server's URL with this schema as the current one. */
  public String url() {
    return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
  }

  @Override
  public void close() {
    execute(serverUrl, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
  }

  static Connection connect(String url) {
    try {
      return DriverManager.getConnection(url);
    } catch (SQLException e) {
      throw new StoreException(
          "cannot connect to PostgreSQL at "
              + PostgresStore.withoutPassword(url)
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static void execute(String url, String sql) {
    try (Connection connection = connect(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new StoreException(sql + " failed: " + e.getMessage(), e);
    }
  }
}
