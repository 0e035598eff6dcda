-- Warranty ledger: removed parts and returned units are written off one line per item (its lot code), so a case may
-- have several lines of that kind; the remedy's lines stay one per case and kind.
ALTER TABLE warranty_ledger_entry ADD COLUMN item_lot_code varchar(100);
ALTER TABLE warranty_ledger_entry DROP CONSTRAINT warranty_ledger_entry_case_number_kind_key;
CREATE UNIQUE INDEX warranty_ledger_entry_case_kind_key ON warranty_ledger_entry (case_number, kind)
    WHERE item_lot_code IS NULL;
CREATE UNIQUE INDEX warranty_ledger_entry_case_item_key ON warranty_ledger_entry (case_number, kind, item_lot_code)
    WHERE item_lot_code IS NOT NULL;
