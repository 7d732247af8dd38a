-- Oretrace schema, version 1: registry, custody record, tokens, idempotency.
-- PostgreSQL dialect. Pairs with db/migration/V1__custody_record.sql (SQLite): the same tables,
-- columns and meaning, so that the shared store code (store/jdbc) runs on both; change the two
-- together. Documents are JSON text in the wire format (store/json), kept as TEXT rather than jsonb
-- so that the stored bytes are those written and capture does not pay for jsonb parsing; the columns
-- that queries filter on sit beside them. Times are epoch milliseconds, as in SQLite.

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

-- Every accepted custody event; sequence is its position in the ledger, from 0.
CREATE TABLE events (
  sequence BIGINT PRIMARY KEY,
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
);

-- Current state of every lot.
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
);
CREATE INDEX lots_mineral ON lots (mineral);
CREATE INDEX lots_origin_site ON lots (origin_site);
CREATE INDEX lots_holder ON lots (holder);
CREATE INDEX lots_tag_number ON lots (tag_number);

-- "mass_grams of from_lot went into to_lot", by a split, merge or process event.
CREATE TABLE lineage_edges (
  from_lot TEXT NOT NULL,
  to_lot TEXT NOT NULL,
  mass_grams BIGINT NOT NULL,
  event_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  sequence BIGINT NOT NULL
);
CREATE INDEX lineage_edges_to ON lineage_edges (to_lot);
CREATE INDEX lineage_edges_from ON lineage_edges (from_lot);

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
