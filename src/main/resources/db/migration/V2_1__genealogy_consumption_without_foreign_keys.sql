-- gen_consumption is the largest table of the genealogy (about five rows per device) and the import writes it in
-- bulk. PostgreSQL checks a foreign key once per inserted row (a trigger running an index lookup and a row lock on
-- the referenced row; deferring the constraint only moves those per-row checks to commit), and the three keys of
-- this table cost more than the insert itself: 10 s of 14.5 s for 255,000 rows (EXPLAIN ANALYZE, docs/benchmarks.md).
--
-- Referential integrity of gen_consumption is kept without them:
-- * the import resolves build_id, lot_id and produced_lot_id by joining gen_build and gen_lot in the same statement,
--   after a set-based validation that rejects the whole file when a code does not resolve, in one transaction;
-- * the API (GenealogyWrites.insertConsumption) takes the ids from rows it has just read in its transaction;
-- * gen_build and gen_lot rows are never deleted and their ids (GENERATED ALWAYS) never change.
-- The indexes on build_id, lot_id and produced_lot_id stay: trace and where-used walk them.
ALTER TABLE gen_consumption DROP CONSTRAINT gen_consumption_build_id_fkey;
ALTER TABLE gen_consumption DROP CONSTRAINT gen_consumption_lot_id_fkey;
ALTER TABLE gen_consumption DROP CONSTRAINT gen_consumption_produced_lot_id_fkey;
