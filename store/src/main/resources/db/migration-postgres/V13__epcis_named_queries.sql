-- Oretrace schema, version 13: EPCIS named queries (docs/epcis.md, REST binding /queries).
-- PostgreSQL dialect. Pairs with db/migration/V13__epcis_named_queries.sql (SQLite): the same
-- tables, columns and meaning, so that the shared store code (store/jdbc) runs on both.

CREATE TABLE epcis_named_queries (
  name TEXT PRIMARY KEY,
  query TEXT NOT NULL,             -- JSON object of query parameters
  created_at_millis BIGINT NOT NULL
);

-- The order of the custody events one EPCIS event was mapped to (X, X#2, X#3...), so that links
-- are read back in order on both databases (SQLite's rowid is not portable). Rows written before
-- version 13 have 0 and fall back to the order of their ids.
ALTER TABLE epcis_custody_links ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
