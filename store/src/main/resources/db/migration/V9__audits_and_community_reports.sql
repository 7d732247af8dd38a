-- Oretrace schema, version 9: third-party audits of sites, the sites' ICGLR status history, and
-- community reports (docs/audits.md, docs/community-reports.md).
-- Pairs with db/migration-postgres/V9__audits_and_community_reports.sql; change the two together.
-- audits keeps each audit as a document (store/json/AuditJson); earliest_open_deadline is the
-- first deadline among its corrective actions not yet done (ISO date, null when none), so that
-- "audits with overdue actions on day D" is one range over an index.
-- site_status_history is append-only (triggers below): one row per status change an audit made,
-- numbered per site.
-- community_reports holds no identity, address or network address: the reporter is known only by
-- the SHA-256 of the receipt code (receipt_hash); the document holds a contact only when given.

CREATE TABLE audits (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL,
  audit_date TEXT NOT NULL,
  earliest_open_deadline TEXT,
  document TEXT NOT NULL
);
CREATE INDEX audits_site ON audits (site_id, audit_date);
CREATE INDEX audits_open_deadline ON audits (earliest_open_deadline);

CREATE TABLE site_status_history (
  site_id TEXT NOT NULL,
  sequence BIGINT NOT NULL,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  at_millis BIGINT NOT NULL,
  audit_id TEXT NOT NULL,
  PRIMARY KEY (site_id, sequence)
);

CREATE TRIGGER site_status_history_no_update BEFORE UPDATE ON site_status_history
BEGIN
  SELECT RAISE(ABORT, 'site_status_history is append-only');
END;

CREATE TRIGGER site_status_history_no_delete BEFORE DELETE ON site_status_history
BEGIN
  SELECT RAISE(ABORT, 'site_status_history is append-only');
END;

CREATE TABLE community_reports (
  id TEXT PRIMARY KEY,
  receipt_hash TEXT NOT NULL UNIQUE,
  site_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  received_at_millis BIGINT NOT NULL,
  document TEXT NOT NULL
);
CREATE INDEX community_reports_received ON community_reports (received_at_millis, id);
