-- Oretrace schema, version 13: EPCIS named queries (docs/epcis.md, REST binding /queries).
-- A named query is a simple event query saved under a unique name; its parameters are kept as the
-- JSON object the client sent ({"eventType": ["ObjectEvent"], "EQ_bizStep": ["shipping"]}).

CREATE TABLE epcis_named_queries (
  name TEXT PRIMARY KEY,
  query TEXT NOT NULL,             -- JSON object of query parameters
  created_at_millis BIGINT NOT NULL
);

-- The order of the custody events one EPCIS event was mapped to (X, X#2, X#3...), so that links
-- are read back in order on both databases (SQLite's rowid is not portable). Rows written before
-- version 13 have 0 and fall back to the order of their ids.
ALTER TABLE epcis_custody_links ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
