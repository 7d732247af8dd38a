package org.oretrace.store;

import org.oretrace.store.epcis.EpcisStore;

/**
 * Oretrace's persistence, behind interfaces narrow enough that each database (SQLite embedded, and
 * PostgreSQL later) implements them without the domain or the HTTP layer knowing which one runs.
 * Custody events enter through {@link Recorder}, never through these interfaces directly.
 */
public interface Store extends AutoCloseable {

  RegistryStore registry();

  CustodyStore custody();

  TokenStore tokens();

  /** Organisations, users and web sessions. */
  AccountStore accounts();

  Ledger ledger();

  AlertStore alerts();

  /** EPCIS events and capture jobs; captured events enter through EpcisCapture. */
  EpcisStore epcis();

  DeviceStore devices();

  EvidenceStore evidence();

  /** Cases agencies work together, with their audit trails. */
  CaseStore cases();

  WatchListStore watchLists();

  /** Third-party audits of sites and the status history they make. */
  AuditStore audits();

  /** Reports from mine communities, kept without their senders' identity. */
  CommunityReportStore communityReports();

  /** Persons and companies behind actors: owners, directors, officers. */
  EntityStore entities();

  /** D9 actor-risk and the entity graph (actors, parties, lists, trades) it walks. */
  ActorScreening screening();

  /** National trade statistics (D10 mirror-trade). */
  TradeStatisticsStore tradeStatistics();

  /** The custody record's own trade figures for D10, with their watermark; none by default. */
  default TradeTotalsStore tradeTotals() {
    return TradeTotalsStore.NONE;
  }

  @Override
  void close();
}
