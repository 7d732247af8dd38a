-- Oretrace schema, version 27: merkle_tiles becomes a rowid table (docs/ledger.md, "Storage").
-- Pairs with db/migration-postgres/V27__merkle_tiles_rowid.sql; change the two together.
--
-- Same columns, same key, same rows. Version 14 made the table WITHOUT ROWID, whose B-tree keeps
-- each whole row in its cells, interior ones included: with rows of 16 KB (a full tile) an interior
-- page holds about four cells, so at ten million leaves the tree was six levels deep and every
-- proof's tile read walked them. SQLite advises WITHOUT ROWID only for rows under about a twentieth
-- of a page. A rowid table keeps only rowids in its interior pages (hundreds a page, three levels
-- at ten million leaves), the key in a separate index of small entries; a tile read took a third of
-- the time (about 30 to 10 microseconds) and the file shrinks by about 3%.
CREATE TABLE merkle_tiles_by_rowid (
  tile_level INTEGER NOT NULL,
  tile_index BIGINT NOT NULL,
  hashes BLOB NOT NULL,
  PRIMARY KEY (tile_level, tile_index)
);

INSERT INTO merkle_tiles_by_rowid (tile_level, tile_index, hashes)
SELECT tile_level, tile_index, hashes FROM merkle_tiles ORDER BY tile_level, tile_index;

DROP TABLE merkle_tiles;

ALTER TABLE merkle_tiles_by_rowid RENAME TO merkle_tiles;
