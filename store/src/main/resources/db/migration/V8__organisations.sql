-- Oretrace schema, version 8: organisations, users and web sessions (docs/access.md).
-- SQLite dialect. Pairs with db/migration-postgres/V8__organisations.sql (PostgreSQL); change the two together.
-- api_tokens.organisation (version 1) names an organisation id of this table.
-- actor_ids: for a company, the registry actors it acts as, separated by single spaces (ids hold
-- no spaces); empty for other types.
-- Users' passwords are kept only as scrypt hashes with their salt and parameters (server/auth
-- PasswordHashing); sessions only as the SHA-256 of their cookie's secret.

CREATE TABLE organisations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  country TEXT NOT NULL,
  actor_ids TEXT NOT NULL
);

CREATE TABLE users (
  username TEXT PRIMARY KEY,
  organisation TEXT NOT NULL REFERENCES organisations (id),
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at_millis BIGINT NOT NULL
);
CREATE INDEX users_organisation ON users (organisation);

CREATE TABLE sessions (
  secret_hash TEXT PRIMARY KEY,
  username TEXT NOT NULL REFERENCES users (username),
  created_at_millis BIGINT NOT NULL,
  expires_at_millis BIGINT NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at_millis);
