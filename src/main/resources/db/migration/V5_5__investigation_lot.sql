-- The lots of each investigated unit, as traced when its investigation opened. A new case finds the reports that
-- share a lot with its unit by lot code (the primary key's index), so the cost follows the overlap, not the number
-- of cases ever filed.
CREATE TABLE investigation_lot (
    lot_code      varchar(100) NOT NULL,
    case_number   varchar(32)  NOT NULL,
    serial_number varchar(100) NOT NULL,
    PRIMARY KEY (lot_code, case_number)
);
CREATE INDEX investigation_lot_case_idx ON investigation_lot (case_number);

-- Cases investigated before this table existed.
INSERT INTO investigation_lot (lot_code, case_number, serial_number)
SELECT DISTINCT lot ->> 'lotCode', i.case_number, i.serial_number
FROM investigation i
CROSS JOIN LATERAL jsonb_array_elements(i.facts -> 'componentLots') lot
WHERE lot ->> 'lotCode' IS NOT NULL
ON CONFLICT DO NOTHING;
