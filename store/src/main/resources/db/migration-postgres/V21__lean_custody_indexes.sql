-- Version 21: the lots indexes no query uses, as in the SQLite schema. Lot listings filter by
-- holder and origin site (indexed) and page in id order; nothing reads lots by tag number (the
-- custody graph in memory checks tags) or by mineral alone (seven values, which a scan in id order
-- pages through as fast as an index would). Each index is one more B-tree every capture batch
-- writes to for each new lot.
DROP INDEX IF EXISTS lots_mineral;
DROP INDEX IF EXISTS lots_tag_number;
