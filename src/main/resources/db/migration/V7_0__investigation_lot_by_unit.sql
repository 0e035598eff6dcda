-- A repair refreshes the lots kept for the repaired unit's investigations: found by serial number.
CREATE INDEX investigation_lot_serial_idx ON investigation_lot (serial_number);
