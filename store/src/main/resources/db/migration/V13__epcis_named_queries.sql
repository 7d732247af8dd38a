-- Oretrace schema, version 13: EPCIS named queries (docs/epcis.md, REST binding /queries).
-- A named query is a simple event query saved under a unique name; its parameters are kept as the
-- JSON object the client sent ({"eventType": ["ObjectEvent"], "EQ_bizStep": ["shipping"]}).

CREATE TABLE epcis_named_queries (
  name TEXT PRIMARY KEY,
  query TEXT NOT NULL,             -- JSON object of query parameters
  created_at_millis BIGINT NOT NULL
);
