-- A containment is started by a case's process or, for a lot at risk, by a person. Its reference is the business key
-- of its process: the case number, or CT-<lot code> for a lot contained on its own. A lot is contained on its own at
-- most once.
ALTER TABLE containment ADD COLUMN reference varchar(100);
UPDATE containment SET reference = case_number;
ALTER TABLE containment
    ALTER COLUMN reference SET NOT NULL,
    ADD CONSTRAINT containment_reference_key UNIQUE (reference),
    ALTER COLUMN case_number DROP NOT NULL,
    ALTER COLUMN contained_at DROP NOT NULL,
    ADD COLUMN requested_by varchar(100),
    ADD COLUMN reason       varchar(1000),
    ADD COLUMN requested_at timestamptz;
CREATE UNIQUE INDEX containment_of_a_lot_idx ON containment (suspect_lot_code) WHERE case_number IS NULL;
CREATE INDEX containment_suspect_lot_idx ON containment (suspect_lot_code);

ALTER TABLE supplier_corrective_action ADD COLUMN containment_reference varchar(100);
UPDATE supplier_corrective_action SET containment_reference = case_number;
ALTER TABLE supplier_corrective_action
    ALTER COLUMN containment_reference SET NOT NULL,
    ALTER COLUMN case_number DROP NOT NULL,
    ADD CONSTRAINT supplier_corrective_action_reference_lot_key UNIQUE (containment_reference, lot_code);
