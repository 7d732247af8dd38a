package org.oretrace.store.postgres;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.oretrace.core.ledger.LogKey;
import org.oretrace.store.StoreException;
import org.oretrace.store.jdbc.ForwardingStore;
import org.oretrace.store.jdbc.JdbcStore;

/**
 * The store of a national deployment: one PostgreSQL database, migrated by Flyway on open from
 * {@code db/migration-postgres} (the same versions and tables as SQLite's {@code db/migration}),
 * shared by every server instance that opens it. The tables and statements are the shared ones
 * ({@link JdbcStore}); what is PostgreSQL's own is the connection pool and the advisory lock that
 * keeps the ledger one sequence ({@link PostgresDatabase}). The log key is the caller's: every
 * instance writing to one database must sign with the same key.
 */
public final class PostgresStore extends ForwardingStore {

  /** The prefix of the JDBC URLs this store opens. */
  public static final String URL_PREFIX = "jdbc:postgresql:";

  private PostgresStore(JdbcStore store) {
    super(store);
  }

  /**
   * Opens (migrating when needed) the database at this JDBC URL, such as {@code
   * jdbc:postgresql://localhost:5432/oretrace?user=oretrace&password=...}, signing with logKey and
   * keeping evidence files in {@code evidenceFolder}.
   */
  public static PostgresStore open(String url, LogKey logKey, Path evidenceFolder) {
    if (!url.startsWith(URL_PREFIX)) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
    }
    PostgresDatabase database = new PostgresDatabase(url);
    try {
      Flyway.configure()
          .dataSource(database.dataSource())
          .locations("classpath:db/migration-postgres")
          // Versions are handed out to parallel work, so a folder at V20 may still lack V18: apply
          // it.
          .outOfOrder(true)
          .loggers("slf4j")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      database.close();
      throw new StoreException(
          "cannot migrate " + database.description() + ": " + e.getMessage(), e);
    }
    return new PostgresStore(JdbcStore.open(database, logKey, evidenceFolder));
  }

  /** The URL with any password parameter masked, for messages and logs. */
  public static String withoutPassword(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }
}
