-- Oretrace schema, version 25: fewer rows and index entries for each captured EPCIS event
-- (docs/epcis.md, "Speed"). PostgreSQL dialect; pairs with db/migration/V25__epcis_lean_rows.sql.
-- An event's custody event ids are a column of its row (space-separated, in order; NULL when it
-- has none), read with the event instead of a second query. epcis_custody_links keeps one row per
-- custody event, for the projection's question "is this custody event linked?", without the index
-- by EPCIS event (nothing needs it any more) and without position (the column holds the order).

ALTER TABLE epcis_events ADD COLUMN custody_event_ids TEXT;
UPDATE epcis_events e SET custody_event_ids = l.ids
  FROM (SELECT epcis_event_id,
               string_agg(custody_event_id, ' ' ORDER BY position, custody_event_id) AS ids
        FROM epcis_custody_links GROUP BY epcis_event_id) l
  WHERE l.epcis_event_id = e.event_id;

DROP INDEX epcis_custody_links_epcis;
ALTER TABLE epcis_custody_links DROP COLUMN position;
