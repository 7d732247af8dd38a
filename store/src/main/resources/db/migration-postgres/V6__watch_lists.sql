-- Oretrace schema, version 6: imported sanctions and watch lists (M6), screened against actors (D9).
-- PostgreSQL dialect. Pairs with db/migration/V6__watch_lists.sql (SQLite): the same tables, columns and
-- meaning, so that the shared store code (store/jdbc) runs on both; change the two together.
-- One row per entry as last imported; the document is the entry in its wire form and the digest its
-- SHA-256, so that a new import tells added, removed and changed entries apart. watch_list_imports
-- keeps one row per import of a list, with what it changed.

CREATE TABLE watch_list_entries (
  source TEXT NOT NULL,              -- 'UN', 'OFAC-SDN', 'OpenSanctions'
  reference TEXT NOT NULL,           -- the entry's reference on its list
  entity_type TEXT NOT NULL,
  primary_name TEXT NOT NULL,
  digest TEXT NOT NULL,
  document TEXT NOT NULL,
  imported_at_millis BIGINT NOT NULL,
  PRIMARY KEY (source, reference)
);

CREATE TABLE watch_list_imports (
  id BIGSERIAL PRIMARY KEY,
  source TEXT NOT NULL,
  file TEXT NOT NULL,
  imported_at_millis BIGINT NOT NULL,
  entries INTEGER NOT NULL,
  added INTEGER NOT NULL,
  removed INTEGER NOT NULL,
  changed INTEGER NOT NULL
);
