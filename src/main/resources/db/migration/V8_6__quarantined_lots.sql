-- Genealogy: the quarantined lots as a list, without reading the lots in any other status
CREATE INDEX gen_lot_quarantined_idx ON gen_lot (id) WHERE status = 'QUARANTINED';
-- the latest change of a lot into a status
CREATE INDEX gen_lot_status_change_to_idx ON gen_lot_status_change (lot_id, to_status, changed_at);
