-- Oretrace schema, version 10: national trade statistics (Comtrade-like lines) for D10 mirror-trade.
-- PostgreSQL dialect. Pairs with db/migration/V10__trade_statistics.sql (SQLite): the same tables,
-- columns and meaning, so that the shared store code (store/jdbc) runs on both; change the two
-- together.
-- One row per reporter, partner, period, commodity and direction; a later import of the same line
-- replaces its figures. Mass in whole grams and value in US cents keep totals exact; value_usd_cents
-- is -1 when a line has none. month is 1-12, or 0 for a line that covers the whole year.

CREATE TABLE trade_statistics (
  reporter TEXT NOT NULL,
  partner TEXT NOT NULL,
  year INTEGER NOT NULL,
  month INTEGER NOT NULL,
  hs_code TEXT NOT NULL,
  flow TEXT NOT NULL,                -- 'export' or 'import'
  net_mass_grams BIGINT NOT NULL,
  value_usd_cents BIGINT NOT NULL,
  imported_at_millis BIGINT NOT NULL,
  PRIMARY KEY (reporter, partner, year, month, hs_code, flow)
);
CREATE INDEX trade_statistics_partner ON trade_statistics (partner);
