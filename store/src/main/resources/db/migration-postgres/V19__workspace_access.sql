-- Oretrace schema, version 19: closing gaps in workspace access (docs/access.md).
-- PostgreSQL dialect. Pairs with db/migration/V19__workspace_access.sql (SQLite): the same
-- tables, columns and meaning, so that the shared store code (store/jdbc) runs on both.

ALTER TABLE epcis_named_queries ADD COLUMN owner TEXT NOT NULL DEFAULT 'oretrace-admin';
CREATE INDEX epcis_named_queries_owner ON epcis_named_queries (owner, name);

ALTER TABLE alerts ADD COLUMN status TEXT NOT NULL DEFAULT 'open';
CREATE INDEX alerts_status ON alerts (status, occurred_at_millis);

CREATE TABLE alert_status_changes (
  alert_id TEXT NOT NULL,
  sequence BIGINT NOT NULL,
  at_millis BIGINT NOT NULL,
  status TEXT NOT NULL,            -- the status after the change
  reason TEXT NOT NULL,
  organisation TEXT NOT NULL,
  username TEXT,                   -- null for an API token
  role TEXT NOT NULL,
  PRIMARY KEY (alert_id, sequence)
);

CREATE FUNCTION alert_status_changes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'alert_status_changes is append-only';
END
$$;

CREATE TRIGGER alert_status_changes_no_change BEFORE UPDATE OR DELETE ON alert_status_changes
  FOR EACH ROW EXECUTE FUNCTION alert_status_changes_append_only();

ALTER TABLE community_reports ADD COLUMN photo_sha256 TEXT;
UPDATE community_reports SET photo_sha256 = (document::jsonb) ->> 'photo';
CREATE INDEX community_reports_photo ON community_reports (photo_sha256);

CREATE TABLE community_report_shares (
  report_id TEXT NOT NULL,
  organisation TEXT NOT NULL,
  at_millis BIGINT NOT NULL,
  by_organisation TEXT NOT NULL,
  by_username TEXT,                -- null for an API token
  PRIMARY KEY (report_id, organisation)
);
CREATE INDEX community_report_shares_organisation ON community_report_shares (organisation);

CREATE FUNCTION community_report_shares_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'community_report_shares is append-only';
END
$$;

CREATE TRIGGER community_report_shares_no_change BEFORE UPDATE OR DELETE
  ON community_report_shares FOR EACH ROW EXECUTE FUNCTION community_report_shares_append_only();
