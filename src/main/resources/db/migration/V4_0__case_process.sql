-- The failure case grows: intake idempotency, the repair-or-replace decision, closure.
ALTER TABLE failure_case
    ADD COLUMN customer_tier    varchar(16)  NOT NULL DEFAULT 'STANDARD',
    ADD COLUMN idempotency_key  varchar(300) UNIQUE,
    ADD COLUMN closure          varchar(32),
    ADD COLUMN decision_action  varchar(32),
    ADD COLUMN decision_reason  varchar(500),
    ADD COLUMN decision_inputs  jsonb,
    ADD COLUMN decided_by       varchar(100),
    ADD COLUMN decided_at       timestamptz,
    ADD COLUMN resolution       text;

-- Quality: one investigation per case (the unique key makes opening it idempotent).
CREATE TABLE investigation (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_number  varchar(32) NOT NULL UNIQUE,
    serial_number varchar(64) NOT NULL,
    status       varchar(32) NOT NULL,
    facts        jsonb       NOT NULL,
    opened_at    timestamptz NOT NULL,
    review       jsonb,
    reviewed_by  varchar(100),
    reviewed_at  timestamptz,
    version      bigint      NOT NULL DEFAULT 0
);
CREATE INDEX investigation_serial_idx ON investigation (serial_number);

CREATE TABLE containment (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_number             varchar(32) NOT NULL UNIQUE,
    suspect_lot_code        varchar(64) NOT NULL,
    quarantined_lots        jsonb       NOT NULL,
    shipped_serials_at_risk jsonb       NOT NULL,
    contained_at            timestamptz NOT NULL,
    field_action_approved   boolean,
    field_action_notes      text,
    decided_by              varchar(100),
    decided_at              timestamptz,
    version                 bigint      NOT NULL DEFAULT 0
);

CREATE TABLE supplier_corrective_action (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_number  varchar(32)  NOT NULL,
    supplier     varchar(200) NOT NULL,
    lot_code     varchar(64)  NOT NULL,
    part_number  varchar(64)  NOT NULL,
    description  text         NOT NULL,
    status       varchar(16)  NOT NULL,
    requested_at timestamptz  NOT NULL,
    UNIQUE (case_number, lot_code)
);
CREATE INDEX supplier_corrective_action_supplier_idx ON supplier_corrective_action (supplier);

-- Inventory: one reservation per case and purpose.
CREATE TABLE stock_reservation (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_number   varchar(32)  NOT NULL,
    purpose       varchar(32)  NOT NULL,
    part_number   varchar(64)  NOT NULL,
    lot_code      varchar(64)  NOT NULL,
    serial_number varchar(64),
    reserved_at   timestamptz  NOT NULL,
    reserved_by   varchar(100) NOT NULL,
    UNIQUE (case_number, purpose)
);
CREATE INDEX stock_reservation_lot_idx ON stock_reservation (lot_code);

-- Finance: the warranty ledger, apart from procurement; one entry per case and cost kind.
CREATE TABLE warranty_ledger_entry (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_number         varchar(32)   NOT NULL,
    kind                varchar(32)   NOT NULL,
    amount              numeric(12,2) NOT NULL,
    currency            char(3)       NOT NULL,
    description         varchar(500)  NOT NULL,
    charged_to_customer boolean       NOT NULL,
    posted_at           timestamptz   NOT NULL,
    UNIQUE (case_number, kind)
);
