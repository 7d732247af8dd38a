-- Oretrace schema, version 7: cases worked by agencies together (docs/cases.md).
-- PostgreSQL dialect. Pairs with db/migration/V7__cases.sql (SQLite); change the two together.
-- cases holds each case's latest version, as a document (store/json/CaseJson) with the columns
-- listings filter and sort on. case_organisations lists who may see a case (its owner and the
-- organisations it is shared with), so that "cases visible to this organisation" is one index
-- range. case_audit is the append-only trail: the sequence is the case's version after the action,
-- and the trigger below refuses to change or remove an entry.

CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  state TEXT NOT NULL,
  opened_at_millis BIGINT NOT NULL,
  updated_at_millis BIGINT NOT NULL,
  version BIGINT NOT NULL,
  document TEXT NOT NULL
);

CREATE TABLE case_organisations (
  organisation TEXT NOT NULL,
  case_id TEXT NOT NULL,
  PRIMARY KEY (organisation, case_id)
);

CREATE TABLE case_audit (
  case_id TEXT NOT NULL,
  sequence BIGINT NOT NULL,
  at_millis BIGINT NOT NULL,
  organisation TEXT NOT NULL,
  role TEXT NOT NULL,
  client_address TEXT,             -- null when the deployment does not keep addresses
  action TEXT NOT NULL,            -- the action's type, e.g. 'handover'
  document TEXT NOT NULL,          -- the action in its wire form (store/json/CaseJson)
  PRIMARY KEY (case_id, sequence)
);

CREATE FUNCTION case_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_audit is append-only';
END
$$;

CREATE TRIGGER case_audit_no_change BEFORE UPDATE OR DELETE ON case_audit
  FOR EACH ROW EXECUTE FUNCTION case_audit_append_only();
