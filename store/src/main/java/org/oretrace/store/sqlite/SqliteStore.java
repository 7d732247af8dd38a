package org.oretrace.store.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.oretrace.core.ledger.LogKey;
import org.oretrace.store.ActorScreening;
import org.oretrace.store.AlertStore;
import org.oretrace.store.CustodyStore;
import org.oretrace.store.Ledger;
import org.oretrace.store.RegistryStore;
import org.oretrace.store.Store;
import org.oretrace.store.StoreException;
import org.oretrace.store.TokenStore;
import org.oretrace.store.WatchListStore;
import org.oretrace.store.ledger.LogKeyFile;

/**
 * The embedded store: one SQLite file, migrated by Flyway on open, in WAL mode, and the log key
 * beside it. This is the default for a district office, a laptop in the field and the demo.
 */
public final class SqliteStore implements Store {

  private final Database database;
  private final SqliteRegistryStore registry;
  private final SqliteCustodyStore custody;
  private final SqliteTokenStore tokens;
  private final SqliteLedger ledger;
  private final SqliteAlertStore alerts;
  private final SqliteWatchListStore watchLists;
  private final ActorScreening actorScreening;

  private SqliteStore(Database database, LogKey logKey) {
    this.database = database;
    this.registry = new SqliteRegistryStore(database);
    this.ledger = new SqliteLedger(database, logKey);
    this.custody = new SqliteCustodyStore(database, ledger);
    this.tokens = new SqliteTokenStore(database);
    this.alerts = new SqliteAlertStore(database);
    this.watchLists = new SqliteWatchListStore(database, this::listsChanged);
    this.actorScreening =
        new ActorScreening(watchLists, registry, alerts, java.time.Clock.systemUTC());
    registry.afterActorsPut(actorScreening::actorsRegistered);
  }

  private void listsChanged() {
    actorScreening.listsChanged();
  }

  /**
   * Opens (creating and migrating when needed) the database in this file, with the log key {@value
   * LogKeyFile#FILE_NAME} beside it (created on first open, origin {@value
   * LogKeyFile#DEFAULT_ORIGIN}).
   */
  public static SqliteStore open(Path databaseFile) {
    Path keyFile = databaseFile.toAbsolutePath().resolveSibling(LogKeyFile.FILE_NAME);
    return open(databaseFile, LogKeyFile.loadOrCreate(keyFile, LogKeyFile.DEFAULT_ORIGIN));
  }

  /** Opens (creating and migrating when needed) the database in this file, signing with logKey. */
  public static SqliteStore open(Path databaseFile, LogKey logKey) {
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
    Database database = new Database(databaseFile);
    try {
      SqliteStore store = new SqliteStore(database, logKey);
      store.ledger.initialise();
      return store;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
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
  public Ledger ledger() {
    return ledger;
  }

  @Override
  public AlertStore alerts() {
    return alerts;
  }

  @Override
  public WatchListStore watchLists() {
    return watchLists;
  }

  /** D9: actors screened against the imported lists (see {@link ActorScreening}). */
  public ActorScreening actorScreening() {
    return actorScreening;
  }

  @Override
  public void close() {
    database.close();
  }
}
