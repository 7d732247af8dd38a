-- Oretrace schema, version 22: withdrawing community report shares, and OIDC logins in waiting
-- (docs/access.md). PostgreSQL dialect. Pairs with db/migration/V22__share_withdrawal_and_oidc_logins.sql
-- (SQLite): the same tables, columns and meaning.

DROP TRIGGER community_report_shares_no_change ON community_report_shares;
CREATE TRIGGER community_report_shares_no_update BEFORE UPDATE ON community_report_shares
  FOR EACH ROW EXECUTE FUNCTION community_report_shares_append_only();

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

CREATE FUNCTION community_report_share_trail_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'community_report_share_trail is append-only';
END
$$;

CREATE TRIGGER community_report_share_trail_no_change BEFORE UPDATE OR DELETE
  ON community_report_share_trail FOR EACH ROW
  EXECUTE FUNCTION community_report_share_trail_append_only();

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
