-- Oretrace schema, version 22: withdrawing community report shares, and OIDC logins in waiting
-- (docs/access.md). Pairs with db/migration-postgres/V22__share_withdrawal_and_oidc_logins.sql.
-- community_report_shares now holds the shares in force: a withdrawal deletes its row (updates are
-- still refused). community_report_share_trail is the append-only record of every share and
-- withdrawal (who, by whom, when), numbered per report; the shares made before are copied in.
-- oidc_pending_logins holds each started OIDC login until its callback or its expiry, so that any
-- server sharing the database finishes it; the state is kept only as its SHA-256 (the key), the
-- nonce and PKCE verifier as drawn (they are sent to the provider later).

DROP TRIGGER community_report_shares_no_delete;

CREATE TABLE community_report_share_trail (
  report_id TEXT NOT NULL,
  sequence BIGINT NOT NULL,
  action TEXT NOT NULL,            -- 'share' or 'withdraw'
  organisation TEXT NOT NULL,      -- shared with, or withdrawn from
  at_millis BIGINT NOT NULL,
  by_organisation TEXT NOT NULL,
  by_username TEXT,                -- null for an API token
  PRIMARY KEY (report_id, sequence)
);

INSERT INTO community_report_share_trail
  (report_id, sequence, action, organisation, at_millis, by_organisation, by_username)
SELECT report_id,
       ROW_NUMBER() OVER (PARTITION BY report_id ORDER BY at_millis, organisation),
       'share', organisation, at_millis, by_organisation, by_username
FROM community_report_shares;

CREATE TRIGGER community_report_share_trail_no_update BEFORE UPDATE ON community_report_share_trail
BEGIN
  SELECT RAISE(ABORT, 'community_report_share_trail is append-only');
END;

CREATE TRIGGER community_report_share_trail_no_delete BEFORE DELETE ON community_report_share_trail
BEGIN
  SELECT RAISE(ABORT, 'community_report_share_trail is append-only');
END;

CREATE TABLE oidc_pending_logins (
  state_hash TEXT NOT NULL PRIMARY KEY,
  nonce TEXT NOT NULL,
  verifier TEXT NOT NULL,
  expires_at_millis BIGINT NOT NULL
);
CREATE INDEX oidc_pending_logins_expiry ON oidc_pending_logins (expires_at_millis);

-- sessions.id_token: the ID token an OIDC login's session was opened with, sent back to the
-- provider as id_token_hint when the user logs out (RP-initiated logout); null for other sessions.
ALTER TABLE sessions ADD COLUMN id_token TEXT;
