/**
 * The engines {@code oretrace bench compare} holds Oretrace against, spoken to in their own SQL:
 * PostgreSQL (a recursive query over the store's own tables) and DuckDB (in process). The only
 * package outside the stores that uses JDBC, and only for these peers.
 */
package org.oretrace.cli.peers;
