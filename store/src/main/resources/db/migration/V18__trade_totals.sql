-- Oretrace schema, version 18: the custody record's own trade figures for D10 (RecordedTrade),
-- kept so that a start or import-trade counts only the events past the watermark instead of
-- replaying the whole record. The figures and the watermark are written in one transaction.
-- No watermark row means nothing counted yet: the first attach counts every event and fills them.

-- Declared mass per country, partner, mined mineral, month (UTC) and direction.
CREATE TABLE trade_totals (
  country TEXT NOT NULL,
  partner TEXT NOT NULL,
  mineral TEXT NOT NULL,             -- Mineral enum name
  year INTEGER NOT NULL,
  month INTEGER NOT NULL,            -- 1-12
  flow TEXT NOT NULL,                -- 'export' or 'import'
  grams BIGINT NOT NULL,
  PRIMARY KEY (country, partner, mineral, year, month, flow)
) WITHOUT ROWID;

-- What the count knows of each live lot: its mineral and last known mass (for declarations that
-- give no mass, and for lots split, merged or processed later).
CREATE TABLE trade_lots (
  lot_id TEXT PRIMARY KEY,
  mineral TEXT NOT NULL,
  mass_grams BIGINT NOT NULL
) WITHOUT ROWID;

-- The ledger sequence up to which (exclusive) events are counted in the two tables above.
CREATE TABLE trade_totals_watermark (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  next_sequence BIGINT NOT NULL
);
