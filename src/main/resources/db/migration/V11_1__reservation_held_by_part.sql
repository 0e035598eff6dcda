-- Inventory: a stock check reads the held reservations of one part, whatever the number of reservations ever made
CREATE INDEX stock_reservation_part_held_idx ON stock_reservation (part_number) WHERE status = 'HELD';
