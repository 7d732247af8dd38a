-- Oretrace schema, version 23: the witnesses whose cosignatures the log accepts, and audits as
-- ledger records (docs/ledger.md, "Records" and "Witnesses").
-- Pairs with db/migration-postgres/V23__ledger_witnesses_and_audit_records.sql; change the two
-- together.

-- The witnesses the operator accepts cosignatures from (oretrace witness add, serve
-- --witness-key): POST /log/cosignatures refuses any other key, so log_cosignatures holds at most
-- one row per row here.
CREATE TABLE log_witnesses (
  witness_key TEXT PRIMARY KEY,      -- the witness's verifier key text
  witness TEXT NOT NULL,             -- the key's name
  added_at_millis BIGINT NOT NULL
);

-- One row while the audits written before version 23 are still to be appended to the log as
-- records; the store does so once, at its first start, and deletes the row.
CREATE TABLE log_audits_backfill (
  id INTEGER PRIMARY KEY CHECK (id = 1)
);
INSERT INTO log_audits_backfill (id) VALUES (1);
