-- Inventory: a reservation holds its quantity until it is used (the repair or the shipment) or released (the case
-- ended another way). Reservations of cases closed before this change are released; the open ones keep holding.
ALTER TABLE stock_reservation
    ADD COLUMN quantity     numeric(18,6) NOT NULL DEFAULT 1 CHECK (quantity > 0),
    ADD COLUMN status       varchar(16)   NOT NULL DEFAULT 'HELD',
    ADD COLUMN settled_at   timestamptz,
    ADD COLUMN settled_by   varchar(100),
    ADD COLUMN settled_note varchar(500);

UPDATE stock_reservation r
SET status = 'RELEASED', settled_at = c.closed_at, settled_by = 'tracecase',
    settled_note = 'The case was closed before reservations held stock.'
FROM failure_case c
WHERE c.case_number = r.case_number AND c.closed_at IS NOT NULL;

-- What other cases may not take: the held quantity of a lot
CREATE INDEX stock_reservation_held_idx ON stock_reservation (lot_code) WHERE status = 'HELD';
