-- Oretrace schema, version 2: the verifiable ledger (docs/ledger.md).
-- Every accepted event is a leaf of an RFC 9162 Merkle log; its leaf index is the event's sequence.

-- The complete-subtree hashes of the log: the node at (level, node_index) is the root of the
-- perfect subtree over leaves [node_index * 2^level, (node_index + 1) * 2^level); level 0 holds the
-- leaf hashes. Written in the transaction that stores the events, never changed afterwards.
-- WITHOUT ROWID: the key is the only way in, so the table is its own index (one B-tree, not two).
CREATE TABLE merkle_nodes (
  level INTEGER NOT NULL,
  node_index BIGINT NOT NULL,
  hash BLOB NOT NULL,
  PRIMARY KEY (level, node_index)
) WITHOUT ROWID;

-- The latest checkpoint, a C2SP signed note over (origin, size, root), replaced with each batch.
CREATE TABLE log_checkpoint (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  tree_size BIGINT NOT NULL,
  signed_note TEXT NOT NULL,
  signed_at_millis BIGINT NOT NULL
);
