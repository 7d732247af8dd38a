-- Oretrace schema, version 14: the Merkle log's nodes stored by tile (docs/ledger.md, "Storage").
-- Pairs with db/migration-postgres/V14__merkle_tiles.sql; change the two together.
--
-- A tile holds eight levels of the tree: the tile at (tile_level T, tile_index N) holds every
-- complete-subtree hash of levels 8T to 8T + 7 under the level-8T nodes [256 N, 256 N + 256), in
-- post order (the order the log completes them: leaf, leaf, parent, leaf, leaf, parent,
-- grandparent, ...), 32 bytes each. A full tile is 510 hashes; the tile at the right edge of each
-- tile level holds a prefix of that, from which its width follows. One row per 256 leaves instead
-- of two per leaf: capture writes far fewer B-tree entries, and a proof reads one tile per tile
-- level. Full tiles never change; a partial tile is rewritten, longer, as the log grows.
CREATE TABLE merkle_tiles (
  tile_level INTEGER NOT NULL,
  tile_index BIGINT NOT NULL,
  hashes BLOB NOT NULL,
  PRIMARY KEY (tile_level, tile_index)
) WITHOUT ROWID;

-- Existing logs: each node goes to the tile of its level and index; within a tile, post order is
-- the order of (the last bottom-row node under the node, then level).
INSERT INTO merkle_tiles (tile_level, tile_index, hashes)
SELECT level / 8, node_index >> (8 - level % 8),
       unhex(group_concat(hex(hash), '' ORDER BY (node_index + 1) << (level % 8), level))
FROM merkle_nodes
GROUP BY level / 8, node_index >> (8 - level % 8);

DROP TABLE merkle_nodes;
