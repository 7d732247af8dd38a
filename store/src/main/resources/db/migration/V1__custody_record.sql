-- Oretrace schema, version 1: registry, custody record, tokens, idempotency.
-- SQLite dialect (PostgreSQL gets its own paired migrations); documents are JSON text in the wire format
-- (store/json), with the columns that queries filter on kept beside them.

CREATE TABLE sites (
  id TEXT PRIMARY KEY,
  country TEXT NOT NULL,
  icglr_status TEXT NOT NULL,
  minerals TEXT NOT NULL,          -- ',coltan,cassiterite,' for filtering
  document TEXT NOT NULL
);
CREATE INDEX sites_country ON sites (country);

CREATE TABLE actors (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  country TEXT NOT NULL,
  document TEXT NOT NULL
);
CREATE INDEX actors_country ON actors (country);

-- Every accepted custody event; sequence is its position in the ledger, from 0. INTEGER PRIMARY
-- KEY makes sequence the rowid: one B-tree for the rows, not a rowid table plus an index on it.
CREATE TABLE events (
  sequence INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  time_millis BIGINT NOT NULL,
  recorded_at_millis BIGINT NOT NULL,
  document TEXT NOT NULL
);

-- Which events touched which lot.
CREATE TABLE event_lots (
  lot_id TEXT NOT NULL,
  sequence BIGINT NOT NULL,
  PRIMARY KEY (lot_id, sequence)
) WITHOUT ROWID;

-- Current state of every lot. WITHOUT ROWID: the rows are small and always found by id, so the
-- table is its own primary-key index. Only the columns that lot listings filter on selectively are
-- indexed (holder, origin site): every index is one more B-tree each capture batch rewrites, and
-- nothing queries lots by tag number (the custody graph in memory checks tags) or by mineral
-- alone (seven values: a scan in id order finds a page of them as fast as an index would).
CREATE TABLE lots (
  id TEXT PRIMARY KEY,
  tag_number TEXT NOT NULL,
  mineral TEXT NOT NULL,
  mass_grams BIGINT NOT NULL,
  grade_ppm BIGINT,
  origin_site TEXT,
  holder TEXT NOT NULL,
  state TEXT NOT NULL,
  created_at_millis BIGINT NOT NULL,
  updated_at_millis BIGINT NOT NULL
) WITHOUT ROWID;
CREATE INDEX lots_origin_site ON lots (origin_site);
CREATE INDEX lots_holder ON lots (holder);

-- "mass_grams of from_lot went into to_lot", by a split, merge or process event. Read whole, in
-- sequence order, to rebuild the lineage index in memory, which answers every trace; so no index.
CREATE TABLE lineage_edges (
  from_lot TEXT NOT NULL,
  to_lot TEXT NOT NULL,
  mass_grams BIGINT NOT NULL,
  event_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  sequence BIGINT NOT NULL
);

CREATE TABLE idempotency_keys (
  idempotency_key TEXT PRIMARY KEY,
  request_hash TEXT NOT NULL,
  event_ids TEXT NOT NULL,
  created_at_millis BIGINT NOT NULL
);

CREATE TABLE api_tokens (
  secret_hash TEXT PRIMARY KEY,
  organisation TEXT NOT NULL,
  role TEXT NOT NULL,
  created_at_millis BIGINT NOT NULL
);
