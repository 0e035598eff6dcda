-- gen_lot is written in bulk by the import (about three lots per device), and PostgreSQL checks each foreign key with
-- a trigger per inserted row (an index lookup and a row lock on the referenced gen_part/gen_build row; deferring the
-- constraint only moves those per-row checks to commit). EXPLAIN ANALYZE of the import's INSERT INTO gen_lot showed
-- the two keys below at about 40 % of that statement (docs/benchmarks.md).
--
-- Referential integrity of gen_lot.part_id and gen_lot.build_id is kept without them, as for gen_consumption (V2_1):
-- * the import resolves part_id and build_id by joining gen_part and gen_build on their codes in the same statement,
--   after a set-based validation that rejects the whole import when a part number or build code does not resolve,
--   all in one transaction;
-- * the API (GenealogyWrites.insertLot) resolves part_id by part number in the insert itself (part_id is NOT NULL, so
--   an unknown part fails the insert) and takes build_id from the gen_build row it has just locked in its transaction;
-- * gen_part and gen_build rows are never deleted and their ids (GENERATED ALWAYS) never change.
-- The indexes on gen_lot (build_id, sequence_in_build) and (part_id, status) stay: outputs, stock and unit
-- populations read them.
ALTER TABLE gen_lot DROP CONSTRAINT gen_lot_part_id_fkey;
ALTER TABLE gen_lot DROP CONSTRAINT gen_lot_build_id_fkey;
