-- Oretrace schema, version 3: alerts raised by detection (core/detection).
-- PostgreSQL dialect. Pairs with db/migration/V3__alerts.sql (SQLite); change the two together.
-- The document is the alert in its wire form (store/json/AlertJson); the columns beside it are what
-- listings filter and sort on. alert_subjects indexes the sites, actors, countries and lots an alert
-- names, so that "alerts about this actor" is one index range. The score is DOUBLE PRECISION, the
-- 8-byte float that SQLite's REAL is (PostgreSQL's REAL has 4 bytes).

CREATE TABLE alerts (
  id TEXT PRIMARY KEY,
  detector TEXT NOT NULL,
  severity TEXT NOT NULL,
  score DOUBLE PRECISION NOT NULL,
  occurred_at_millis BIGINT NOT NULL,
  raised_at_millis BIGINT NOT NULL,
  document TEXT NOT NULL
);
CREATE INDEX alerts_occurred ON alerts (occurred_at_millis, id);
CREATE INDEX alerts_detector ON alerts (detector, occurred_at_millis);

CREATE TABLE alert_subjects (
  kind TEXT NOT NULL,              -- 'site', 'actor', 'country' or 'lot'
  value TEXT NOT NULL,
  alert_id TEXT NOT NULL,
  PRIMARY KEY (kind, value, alert_id)
);
