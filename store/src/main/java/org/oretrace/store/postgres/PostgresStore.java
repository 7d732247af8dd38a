package org.oretrace.store.postgres;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.oretrace.core.ledger.LogKey;
import org.oretrace.store.AlertStore;
import org.oretrace.store.CaseStore;
import org.oretrace.store.CustodyStore;
import org.oretrace.store.DeviceStore;
import org.oretrace.store.EvidenceStore;
import org.oretrace.store.Ledger;
import org.oretrace.store.RegistryStore;
import org.oretrace.store.Store;
import org.oretrace.store.StoreException;
import org.oretrace.store.TokenStore;
import org.oretrace.store.epcis.EpcisStore;
import org.oretrace.store.jdbc.JdbcStore;

/**
 * The store of a national deployment: one PostgreSQL database, migrated by Flyway on open from
 * {@code db/migration-postgres} (the same versions and tables as SQLite's {@code db/migration}),
 * shared by every server instance that opens it. The tables and statements are the shared ones
 * ({@link JdbcStore}); what is PostgreSQL's own is the connection pool and the advisory lock that
 * keeps the ledger one sequence ({@link PostgresDatabase}). The log key is the caller's: every
 * instance writing to one database must sign with the same key.
 */
public final class PostgresStore implements Store {

  /** The prefix of the JDBC URLs this store opens. */
  public static final String URL_PREFIX = "jdbc:postgresql:";

  private final JdbcStore store;

  private PostgresStore(JdbcStore store) {
    this.store = store;
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

  /** The server and database, without the password. */
  public String description() {
    return store.description();
  }

  @Override
  public RegistryStore registry() {
    return store.registry();
  }

  @Override
  public CustodyStore custody() {
    return store.custody();
  }

  @Override
  public TokenStore tokens() {
    return store.tokens();
  }

  @Override
  public Ledger ledger() {
    return store.ledger();
  }

  @Override
  public AlertStore alerts() {
    return store.alerts();
  }

  @Override
  public void close() {
    store.close();
  }

  @Override
  public EpcisStore epcis() {
    return store.epcis();
  }

  @Override
  public DeviceStore devices() {
    return store.devices();
  }

  @Override
  public EvidenceStore evidence() {
    return store.evidence();
  }

  @Override
  public CaseStore cases() {
    return store.cases();
  }
}
