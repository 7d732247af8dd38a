-- Oretrace schema, version 27: tiles stored without compression (docs/ledger.md, "Storage").
-- PostgreSQL dialect. Pairs with db/migration/V27__merkle_tiles_rowid.sql (SQLite), which turns
-- merkle_tiles from WITHOUT ROWID into a rowid table; a PostgreSQL table is a heap with its primary
-- key in a separate index already, so nothing of that applies here.
--
-- A tile is 16 KB of SHA-256 hashes, which no compressor shrinks: with the default storage
-- (EXTENDED) PostgreSQL tries pglz on every tile written before storing it out of line anyway.
-- EXTERNAL stores it out of line without trying. Rows written before keep their storage.
ALTER TABLE merkle_tiles ALTER COLUMN hashes SET STORAGE EXTERNAL;
