-- Quality: recall campaigns. A campaign follows every unit built from a lot that is still somewhere: the shipped ones
-- with who has them (notified, returned, repaired or replaced, or closed), the ones in stock and production held as
-- contained. A lot has at most one open campaign.
CREATE SEQUENCE recall_campaign_number_seq;
CREATE TABLE recall_campaign (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference             varchar(40)   NOT NULL UNIQUE,
    lot_code              varchar(100)  NOT NULL,
    part_number           varchar(100)  NOT NULL,
    containment_reference varchar(100)  UNIQUE,
    reason                varchar(1000) NOT NULL,
    started_by            varchar(100)  NOT NULL,
    started_at            timestamptz   NOT NULL,
    status                varchar(20)   NOT NULL,
    units_listed_at       timestamptz,
    closed_by             varchar(100),
    closed_at             timestamptz,
    summary               varchar(4000),
    version               bigint        NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX recall_campaign_open_lot_idx ON recall_campaign (lot_code) WHERE status = 'OPEN';
CREATE INDEX recall_campaign_lot_idx ON recall_campaign (lot_code, started_at DESC);

CREATE TABLE recall_unit (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id        bigint       NOT NULL REFERENCES recall_campaign (id),
    lot_code           varchar(100) NOT NULL,
    serial_number      varchar(100),
    part_number        varchar(100) NOT NULL,
    whereabouts        varchar(10)  NOT NULL,
    status             varchar(20)  NOT NULL,
    customer_name      varchar(200),
    customer_email     varchar(254),
    shipped_on         date,
    shipment_reference varchar(100),
    case_number        varchar(40),
    notified_at        timestamptz,
    updated_at         timestamptz  NOT NULL,
    updated_by         varchar(100) NOT NULL,
    note               varchar(1000),
    version            bigint       NOT NULL DEFAULT 0,
    CONSTRAINT recall_unit_campaign_lot_key UNIQUE (campaign_id, lot_code)
);
CREATE INDEX recall_unit_campaign_status_idx ON recall_unit (campaign_id, status);
CREATE INDEX recall_unit_serial_idx ON recall_unit (serial_number) WHERE serial_number IS NOT NULL;
