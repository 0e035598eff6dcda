-- How many lots each part has: the population an at-risk ranking compares against, read as a sum over a few parts
-- instead of a count over a million units. Every insert into gen_lot adds to it in the same transaction (API and
-- import); lots are never deleted.
ALTER TABLE gen_part ADD COLUMN lot_count bigint NOT NULL DEFAULT 0;
UPDATE gen_part p SET lot_count = (SELECT count(*) FROM gen_lot l WHERE l.part_id = p.id);
