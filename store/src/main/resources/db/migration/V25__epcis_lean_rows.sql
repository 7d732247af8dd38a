-- Oretrace schema, version 25: fewer rows and B-trees for each captured EPCIS event (docs/epcis.md,
-- "Speed"). Pairs with db/migration-postgres/V25__epcis_lean_rows.sql; change the two together.
-- An event's custody event ids are a column of its row (space-separated, in order; NULL when it
-- has none), read with the event instead of a second query. epcis_custody_links keeps one row per
-- custody event, for the projection's question "is this custody event linked?", and becomes a
-- table without rowid keyed by the custody event id: one B-tree where there were three (the rowid
-- table, its primary key index and the index by EPCIS event, which nothing needs any more).

ALTER TABLE epcis_events ADD COLUMN custody_event_ids TEXT;
UPDATE epcis_events SET custody_event_ids = (
  SELECT group_concat(custody_event_id, ' ' ORDER BY position, custody_event_id)
  FROM epcis_custody_links l WHERE l.epcis_event_id = epcis_events.event_id);

CREATE TABLE epcis_custody_links_lean (
  custody_event_id TEXT PRIMARY KEY,
  epcis_event_id TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO epcis_custody_links_lean (custody_event_id, epcis_event_id)
  SELECT custody_event_id, epcis_event_id FROM epcis_custody_links;
DROP TABLE epcis_custody_links;
ALTER TABLE epcis_custody_links_lean RENAME TO epcis_custody_links;
