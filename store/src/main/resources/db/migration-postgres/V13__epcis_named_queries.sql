-- Oretrace schema, version 13: EPCIS named queries (docs/epcis.md, REST binding /queries).
-- PostgreSQL dialect. Pairs with db/migration/V13__epcis_named_queries.sql (SQLite): the same
-- tables, columns and meaning, so that the shared store code (store/jdbc) runs on both.

CREATE TABLE epcis_named_queries (
  name TEXT PRIMARY KEY,
  query TEXT NOT NULL,             -- JSON object of query parameters
  created_at_millis BIGINT NOT NULL
);
