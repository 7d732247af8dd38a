package org.oretrace.store.jdbc;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import org.oretrace.core.ledger.LogKey;
import org.oretrace.store.AccountStore;
import org.oretrace.store.ActorScreening;
import org.oretrace.store.AlertStore;
import org.oretrace.store.AuditStore;
import org.oretrace.store.CaseStore;
import org.oretrace.store.CommunityReportStore;
import org.oretrace.store.CustodyStore;
import org.oretrace.store.DeviceStore;
import org.oretrace.store.EntityStore;
import org.oretrace.store.EvidenceStore;
import org.oretrace.store.Ledger;
import org.oretrace.store.RegistryStore;
import org.oretrace.store.Store;
import org.oretrace.store.TokenStore;
import org.oretrace.store.TradeStatisticsStore;
import org.oretrace.store.TradeTotalsStore;
import org.oretrace.store.WatchListStore;
import org.oretrace.store.epcis.EpcisStore;

/**
 * The store over any SQL database that the paired migrations have brought to the current schema:
 * the tables, statements, row mapping and JSON documents that SQLite and PostgreSQL share. Only the
 * way connections are made and the ledger lock differ, and those are the {@link Database}'s.
 */
public final class JdbcStore implements Store {

  private final Database database;
  private final JdbcRegistryStore registry;
  private final JdbcCustodyStore custody;
  private final JdbcTokenStore tokens;
  private final JdbcAccountStore accounts;
  private final JdbcLedger ledger;
  private final JdbcAlertStore alerts;
  private final JdbcEpcisStore epcis;
  private final JdbcDeviceStore devices;
  private final JdbcEvidenceStore evidence;
  private final JdbcCaseStore cases;
  private final JdbcWatchListStore watchLists;
  private final JdbcAuditStore audits;
  private final JdbcCommunityReportStore communityReports;
  private final JdbcEntityStore entities;
  private final JdbcTradeStatisticsStore tradeStatistics;
  private final JdbcTradeTotalsStore tradeTotals;
  private final ActorScreening actorScreening;

  private JdbcStore(Database database, LogKey logKey, Path evidenceFolder) {
    this.database = database;
    this.ledger = new JdbcLedger(database, logKey);
    this.registry = new JdbcRegistryStore(database, ledger);
    this.custody = new JdbcCustodyStore(database, ledger, registry);
    this.tokens = new JdbcTokenStore(database);
    this.accounts = new JdbcAccountStore(database);
    this.alerts = new JdbcAlertStore(database);
    this.epcis = new JdbcEpcisStore(database);
    this.devices = new JdbcDeviceStore(database);
    this.evidence = new JdbcEvidenceStore(database, evidenceFolder);
    this.cases = new JdbcCaseStore(database, ledger);
    this.audits = new JdbcAuditStore(database, ledger, registry);
    this.communityReports = new JdbcCommunityReportStore(database);
    this.tradeStatistics = new JdbcTradeStatisticsStore(database);
    this.tradeTotals = new JdbcTradeTotalsStore(database);
    // Actors are screened against the watch lists when they are registered and again when a list
    // is imported; a hit becomes a D9 alert.
    this.watchLists = new JdbcWatchListStore(database, this::listsChanged);
    this.entities = new JdbcEntityStore(database, ledger);
    this.actorScreening =
        new ActorScreening(watchLists, registry, entities, custody, alerts, Clock.systemUTC());
    registry.afterActorsPut(actorScreening::actorsRegistered);
    // Owners and directors are screened too: a change re-assesses the actors.
    entities.afterChange(subjects -> actorScreening.ownersChanged());
  }

  /**
   * A store over a migrated database, signing the ledger with {@code logKey} and keeping evidence
   * files in {@code evidenceFolder}; gives a new log its first checkpoint. Closes the database if
   * that fails.
   */
  public static JdbcStore open(Database database, LogKey logKey, Path evidenceFolder) {
    requireNonNull(database, "database is null");
    requireNonNull(logKey, "logKey is null");
    requireNonNull(evidenceFolder, "evidenceFolder is null");
    try {
      JdbcStore store = new JdbcStore(database, logKey, evidenceFolder);
      store.ledger.initialise();
      return store;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** The file, or the server and database, this store is in. */
  public String description() {
    return database.description();
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
  public AccountStore accounts() {
    return accounts;
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
  public EpcisStore epcis() {
    return epcis;
  }

  @Override
  public DeviceStore devices() {
    return devices;
  }

  @Override
  public EvidenceStore evidence() {
    return evidence;
  }

  @Override
  public CaseStore cases() {
    return cases;
  }

  @Override
  public WatchListStore watchLists() {
    return watchLists;
  }

  @Override
  public AuditStore audits() {
    return audits;
  }

  @Override
  public CommunityReportStore communityReports() {
    return communityReports;
  }

  @Override
  public EntityStore entities() {
    return entities;
  }

  @Override
  public ActorScreening screening() {
    return actorScreening;
  }

  @Override
  public TradeStatisticsStore tradeStatistics() {
    return tradeStatistics;
  }

  @Override
  public TradeTotalsStore tradeTotals() {
    return tradeTotals;
  }

  private void listsChanged() {
    actorScreening.listsChanged();
  }

  @Override
  public void close() {
    try {
      try {
        custody.close();
      } finally {
        ledger.close();
      }
    } finally {
      database.close();
    }
  }
}
