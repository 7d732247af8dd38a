-- Oretrace schema, version 11: the persons and companies behind actors (M6): beneficial owners,
-- directors, officers, and their relations to actors and to companies. Documents are JSON in the
-- wire form (store/json EntityJson). entity_changes is the append-only history of who changed
-- whose owners, each row's digest being SHA-256(previous digest || the row), hex.

CREATE TABLE parties (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,                -- 'person', 'company'
  name TEXT NOT NULL,
  document TEXT NOT NULL
);

CREATE TABLE party_relations (
  kind TEXT NOT NULL,                -- 'ownership', 'directorship'
  party_id TEXT NOT NULL,
  subject_id TEXT NOT NULL,          -- an actor id or a company party id
  document TEXT NOT NULL,
  PRIMARY KEY (subject_id, party_id, kind)
) WITHOUT ROWID;

CREATE TABLE entity_changes (
  sequence INTEGER PRIMARY KEY,
  subject_id TEXT NOT NULL,
  changed_at_millis BIGINT NOT NULL,
  changed_by TEXT NOT NULL,
  document TEXT NOT NULL,
  digest TEXT NOT NULL
);
CREATE INDEX entity_changes_subject ON entity_changes (subject_id);
