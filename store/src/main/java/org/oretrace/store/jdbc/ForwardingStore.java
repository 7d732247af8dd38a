package org.oretrace.store.jdbc;

import static java.util.Objects.requireNonNull;

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
 * A store that hands every part to the shared {@link JdbcStore} it wraps: what the SQLite and
 * PostgreSQL stores have in common, so that each of them says only how it opens its database.
 */
public abstract class ForwardingStore implements Store {

  private final JdbcStore store;

  protected ForwardingStore(JdbcStore store) {
    this.store = requireNonNull(store, "store is null");
  }

  /** The file, or the server and database, this store is in. */
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
  public AccountStore accounts() {
    return store.accounts();
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

  @Override
  public WatchListStore watchLists() {
    return store.watchLists();
  }

  @Override
  public AuditStore audits() {
    return store.audits();
  }

  @Override
  public CommunityReportStore communityReports() {
    return store.communityReports();
  }

  @Override
  public EntityStore entities() {
    return store.entities();
  }

  @Override
  public ActorScreening screening() {
    return store.screening();
  }

  @Override
  public TradeStatisticsStore tradeStatistics() {
    return store.tradeStatistics();
  }

  @Override
  public TradeTotalsStore tradeTotals() {
    return store.tradeTotals();
  }

  @Override
  public void close() {
    store.close();
  }
}
