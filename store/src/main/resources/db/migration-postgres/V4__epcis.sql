-- Oretrace schema, version 4: EPCIS 2.0 events and capture jobs (docs/epcis.md).
-- PostgreSQL dialect. Pairs with db/migration/V4__epcis.sql (SQLite): the same tables, columns and
-- meaning, so that the shared store code (store/jdbc) runs on both; change the two together.
-- Every EPCIS event is kept as its original JSON-LD (XML is converted to it on capture), whether or
-- not it means something for custody; epcis_custody_links ties it to the custody events it was
-- mapped to. Native custody events are projected here too, mapped to EPCIS, so that the EPCIS
-- query interface sees the whole record; epcis_projection remembers how far that went.

CREATE TABLE epcis_events (
  record_sequence BIGINT PRIMARY KEY,
  event_id TEXT NOT NULL UNIQUE,
  event_type TEXT NOT NULL,
  event_time_millis BIGINT NOT NULL,
  record_time_millis BIGINT NOT NULL,
  action TEXT,
  biz_step TEXT,                   -- the bare CBV word when it is a CBV step, else the URI
  disposition TEXT,                -- likewise
  read_point TEXT,
  biz_location TEXT,
  capture_id TEXT,                 -- the capture job that stored it, NULL for native events
  context TEXT NOT NULL,           -- the JSON-LD @context of the document it came in
  document TEXT NOT NULL           -- the event, as JSON-LD
);
CREATE INDEX epcis_events_event_time ON epcis_events (event_time_millis);
CREATE INDEX epcis_events_record_time ON epcis_events (record_time_millis);
CREATE INDEX epcis_events_biz_step ON epcis_events (biz_step);

-- The identifiers an event names, by role: epc (epcList, childEPCs), parent, input, output,
-- epc_class, input_class, output_class (the quantity lists).
CREATE TABLE epcis_event_epcs (
  epc TEXT NOT NULL,
  role TEXT NOT NULL,
  record_sequence BIGINT NOT NULL,
  PRIMARY KEY (epc, role, record_sequence)
);
CREATE INDEX epcis_event_epcs_sequence ON epcis_event_epcs (record_sequence);

-- Which custody event an EPCIS event was mapped to (one EPCIS event may give several).
CREATE TABLE epcis_custody_links (
  custody_event_id TEXT PRIMARY KEY,
  epcis_event_id TEXT NOT NULL
);
CREATE INDEX epcis_custody_links_epcis ON epcis_custody_links (epcis_event_id);

-- The ledger sequence up to which native custody events have been projected as EPCIS events.
CREATE TABLE epcis_projection (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  next_sequence BIGINT NOT NULL
);
INSERT INTO epcis_projection (singleton, next_sequence) VALUES (1, 0);

CREATE TABLE epcis_capture_jobs (
  capture_id TEXT PRIMARY KEY,
  created_at_millis BIGINT NOT NULL,
  finished_at_millis BIGINT,
  running INTEGER NOT NULL,
  success INTEGER NOT NULL,
  event_count INTEGER NOT NULL,
  errors TEXT NOT NULL             -- JSON array of {item, field, message}
);
