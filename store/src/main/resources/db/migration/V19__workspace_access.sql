-- Oretrace schema, version 19: closing gaps in workspace access (docs/access.md).
-- Pairs with db/migration-postgres/V19__workspace_access.sql; change the two together.
-- epcis_named_queries.owner: the organisation that saved a query; only it (and the platform
-- administrator) lists, reads and deletes it. Queries saved before are the platform's.
-- alerts.status is 'open' or 'closed'; alert_status_changes is the append-only trail of who closed
-- or reopened an alert, when and why, numbered per alert.
-- community_reports.photo_sha256 lets the evidence route find the reports a photo belongs to;
-- community_report_shares records which organisations a report was shared with, by whom and when
-- (append-only: a share is never taken back silently).

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

CREATE TRIGGER alert_status_changes_no_update BEFORE UPDATE ON alert_status_changes
BEGIN
  SELECT RAISE(ABORT, 'alert_status_changes is append-only');
END;

CREATE TRIGGER alert_status_changes_no_delete BEFORE DELETE ON alert_status_changes
BEGIN
  SELECT RAISE(ABORT, 'alert_status_changes is append-only');
END;

ALTER TABLE community_reports ADD COLUMN photo_sha256 TEXT;
UPDATE community_reports SET photo_sha256 = json_extract(document, '$.photo');
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

CREATE TRIGGER community_report_shares_no_update BEFORE UPDATE ON community_report_shares
BEGIN
  SELECT RAISE(ABORT, 'community_report_shares is append-only');
END;

CREATE TRIGGER community_report_shares_no_delete BEFORE DELETE ON community_report_shares
BEGIN
  SELECT RAISE(ABORT, 'community_report_shares is append-only');
END;
