-- Genealogy: a part's stock in one status, oldest first, with its quantity, straight from the index. A stock check
-- (each case's Task_CheckInventory) then reads the oldest lots without sorting every available lot of the part and
-- its totals without visiting the table: at a million devices, 80,534 available units took 180 ms to sort and 160 ms
-- to sum, now 0.1 ms and 13 ms. It replaces the index on (part_id, status), of which it is an extension.
DROP INDEX gen_lot_part_status_idx;
CREATE INDEX gen_lot_part_status_idx ON gen_lot (part_id, status, created_on, lot_code) INCLUDE (quantity);
