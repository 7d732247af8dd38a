-- Oretrace schema, version 20: EPCIS query subscriptions (docs/epcis.md, REST binding
-- /queries/{queryName}/subscriptions). A subscription posts a named query's new events to a
-- webhook, as they are captured (stream = 1) or on a schedule (the binding's schedule object as
-- JSON). min_record_time_millis is where the next delivery starts. Deleting a named query deletes
-- its subscriptions (in the store code, in the same transaction).

CREATE TABLE epcis_subscriptions (
  subscription_id TEXT PRIMARY KEY,
  query_name TEXT NOT NULL,
  destination TEXT NOT NULL,
  signature_token TEXT,
  stream INTEGER NOT NULL,          -- 1 for a stream, 0 for a scheduled subscription
  schedule TEXT,                    -- JSON object, null for a stream
  report_if_empty INTEGER NOT NULL,
  organisation TEXT NOT NULL,       -- the subscriber, whose need-to-know scope applies
  role TEXT NOT NULL,
  created_at_millis BIGINT NOT NULL,
  min_record_time_millis BIGINT NOT NULL,
  last_notified_at_millis BIGINT
);

CREATE INDEX epcis_subscriptions_by_query ON epcis_subscriptions (query_name, created_at_millis);
