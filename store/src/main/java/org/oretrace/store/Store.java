package org.oretrace.store;

/**
 * Oretrace's persistence, behind interfaces narrow enough that each database (SQLite embedded, and
 * PostgreSQL later) implements them without the domain or the HTTP layer knowing which one runs.
 * Custody events enter through {@link Recorder}, never through these interfaces directly.
 */
public interface Store extends AutoCloseable {

  RegistryStore registry();

  CustodyStore custody();

  TokenStore tokens();

  Ledger ledger();

  AlertStore alerts();

  WatchListStore watchLists();

  @Override
  void close();
}
