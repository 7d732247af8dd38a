-- Version 21: the lots indexes no query uses, gone from every data folder. V1 now creates lots
-- without lots_mineral and lots_tag_number (nothing reads lots by tag, which the custody graph in
-- memory checks, nor by mineral alone); a data folder created by an earlier V1 may still hold
-- them, and each is one more B-tree every capture batch rewrites. On a folder that never had them
-- these statements change nothing.
DROP INDEX IF EXISTS lots_mineral;
DROP INDEX IF EXISTS lots_tag_number;
