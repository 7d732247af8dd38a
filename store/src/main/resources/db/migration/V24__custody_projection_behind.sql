-- Version 24: the lots and event_lots tables may be written behind the events by a process that is
-- the database's only writer (SQLite). While this one row exists, the two tables hold exactly the
-- projection of the events before from_sequence; the events from it on are replayed onto them
-- before they are read or written again (store/jdbc CustodyProjection).
CREATE TABLE custody_projection_behind (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  from_sequence BIGINT NOT NULL,
  -- The process holding the rows back (process id, start, instance): a marker of a live writer is
  -- left alone, one of a killed process replayed.
  writer TEXT NOT NULL
);
