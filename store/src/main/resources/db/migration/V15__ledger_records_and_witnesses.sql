-- Oretrace schema, version 15: the ledger's other entries and its witnesses (docs/ledger.md).
-- The log's leaves share one sequence: an event's leaf index is its sequence number (events), and
-- every other leaf (a registry change, an owner change, a case action) is a row here, keyed by its
-- leaf index. The entry is the canonical JSON appended; for a site or an actor only the subject's
-- latest record is checked against the current row, older ones are the history.
CREATE TABLE log_records (
  position INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,                -- 'site', 'actor', 'owners', 'case-action'
  subject TEXT NOT NULL,             -- site or actor id, entity change sequence, 'case/sequence'
  entry TEXT NOT NULL
);
CREATE INDEX log_records_subject ON log_records (kind, subject, position);

-- One row while the registry, owner changes and case actions written before version 15 are still
-- to be appended to the log; the store does so once, at its first start, and deletes the row.
CREATE TABLE log_records_backfill (
  id INTEGER PRIMARY KEY CHECK (id = 1)
);
INSERT INTO log_records_backfill (id) VALUES (1);

-- Witness cosignatures (C2SP tlog-cosignature) of the log's checkpoints: the latest a witness sent,
-- with the checkpoint it cosigned (signed by the log, the text of a signed note), so that the
-- checkpoint can be served with its cosignatures and a verifier can check both.
CREATE TABLE log_cosignatures (
  witness_key TEXT PRIMARY KEY,      -- the witness's verifier key text
  witness TEXT NOT NULL,             -- the key's name
  tree_size BIGINT NOT NULL,
  checkpoint TEXT NOT NULL,          -- the checkpoint of tree_size as a note signed by the log
  cosignature TEXT NOT NULL,         -- '— <name> <base64(key hash || timestamp || signature)>'
  received_at_millis BIGINT NOT NULL
);
CREATE INDEX log_cosignatures_size ON log_cosignatures (tree_size);
