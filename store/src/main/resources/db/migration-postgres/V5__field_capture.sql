-- Oretrace schema, version 5: field capture (docs/field-capture.md).
-- PostgreSQL dialect. Pairs with db/migration/V5__field_capture.sql (SQLite): the same tables, columns and
-- meaning, so that the shared store code (store/jdbc) runs on both; change the two together.
-- Field devices sign batches of events with an Ed25519 key; the server holds the public key and
-- what the device may record for (one actor, one or more sites). A revoked device keeps its row so
-- that what it signed before stays explainable. Field batches themselves need no table: a batch is
-- recorded with the idempotency key 'field-batch:<batchId>' in the transaction of its events, which
-- makes a second upload a replay and a kill -9 between the two impossible.

CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  actor_id TEXT NOT NULL,
  public_key TEXT NOT NULL,        -- base64 of the raw 32-byte Ed25519 public key
  registered_at_millis BIGINT NOT NULL,
  revoked_at_millis BIGINT,        -- null while the device is trusted
  document TEXT NOT NULL           -- the device in its wire form (store/json/DeviceJson)
);
CREATE INDEX devices_actor ON devices (actor_id);

-- Evidence files (photos, weighing slips) are stored in the data folder by their SHA-256; this
-- table lists them with what was said about them on upload.
CREATE TABLE evidence (
  sha256 TEXT PRIMARY KEY,
  size_bytes BIGINT NOT NULL,
  media_type TEXT NOT NULL,
  stored_at_millis BIGINT NOT NULL
);
