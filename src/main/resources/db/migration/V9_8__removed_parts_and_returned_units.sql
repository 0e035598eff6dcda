-- Genealogy: removed parts and returned units and where they went. A component taken out of a unit in a repair gets
-- a lot of its own (quantity 1, the removed lot's part and supplier); a returned unit that is not repaired keeps its
-- own lot. Either lot is in the status of its disposition (FAILURE_ANALYSIS, RECYCLING, SCRAPPED) and linked here to
-- where it came from and to the case it came back through. One row per lot; a case disposes of an item once.
CREATE TABLE gen_disposal (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lot_id        bigint       NOT NULL UNIQUE REFERENCES gen_lot (id),
    item          varchar(16)  NOT NULL CHECK (item IN ('REMOVED_PART', 'RETURNED_UNIT')),
    sent_to       varchar(16)  NOT NULL CHECK (sent_to IN ('RECYCLING', 'SCRAP', 'FAILURE_ANALYSIS')),
    case_number   varchar(32)  NOT NULL,
    origin_lot_id bigint       REFERENCES gen_lot (id),
    unit_lot_id   bigint       NOT NULL REFERENCES gen_lot (id),
    disposed_at   timestamptz  NOT NULL,
    disposed_by   varchar(100) NOT NULL,
    note          text,
    CHECK ((item = 'REMOVED_PART') = (origin_lot_id IS NOT NULL))
);
-- a retried step finds what it booked: one removed part per case, unit and removed lot; one disposal per returned unit
-- and case
CREATE UNIQUE INDEX gen_disposal_removed_part_key ON gen_disposal (case_number, unit_lot_id, origin_lot_id)
    WHERE item = 'REMOVED_PART';
CREATE UNIQUE INDEX gen_disposal_returned_unit_key ON gen_disposal (case_number, unit_lot_id)
    WHERE item = 'RETURNED_UNIT';
CREATE INDEX gen_disposal_at_idx ON gen_disposal (disposed_at DESC);
