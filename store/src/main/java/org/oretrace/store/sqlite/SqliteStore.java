package org.oretrace.store.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.oretrace.store.CustodyStore;
import org.oretrace.store.RegistryStore;
import org.oretrace.store.Store;
import org.oretrace.store.StoreException;
import org.oretrace.store.TokenStore;
import org.oretrace.store.epcis.EpcisStore;

/**
 * The embedded store: one SQLite file, migrated by Flyway on open, in WAL mode. This is the default
 * for a district office, a laptop in the field and the demo.
 */
public final class SqliteStore implements Store {

  private final Database database;
  private final SqliteRegistryStore registry;
  private final SqliteCustodyStore custody;
  private final SqliteTokenStore tokens;
  private final SqliteEpcisStore epcis;

  private SqliteStore(Database database) {
    this.database = database;
    this.registry = new SqliteRegistryStore(database);
    this.custody = new SqliteCustodyStore(database);
    this.tokens = new SqliteTokenStore(database);
    this.epcis = new SqliteEpcisStore(database);
  }

  /** Opens (creating and migrating when needed) the database in this file. */
  public static SqliteStore open(Path databaseFile) {
    try {
      Path parent = databaseFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new StoreException(
          "cannot create the folder of " + databaseFile + ": " + e.getMessage(), e);
    }
    String url = "jdbc:sqlite:" + databaseFile.toAbsolutePath();
    try {
      Flyway.configure()
          .dataSource(url, null, null)
          .locations("classpath:db/migration")
          .loggers("slf4j")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      throw new StoreException("cannot migrate " + databaseFile + ": " + e.getMessage(), e);
    }
    return new SqliteStore(new Database(databaseFile));
  }

  @Override
  public RegistryStore registry() {
    return registry;
  }

  @Override
  public CustodyStore custody() {
    return custody;
  }

  @Override
  public TokenStore tokens() {
    return tokens;
  }

  @Override
  public EpcisStore epcis() {
    return epcis;
  }

  @Override
  public void close() {
    database.close();
  }
}
