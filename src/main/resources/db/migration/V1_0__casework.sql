-- Failure cases: one row per customer report, the case number is the process business key.
CREATE SEQUENCE failure_case_number_seq;

CREATE TABLE failure_case (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_number        varchar(32)  NOT NULL UNIQUE,
    serial_number      varchar(64)  NOT NULL,
    customer_name      varchar(200) NOT NULL,
    customer_email     varchar(320) NOT NULL,
    customer_phone     varchar(64),
    symptom_category   varchar(32)  NOT NULL,
    description        text         NOT NULL,
    purchase_date      date,
    channel            varchar(16)  NOT NULL,
    external_reference varchar(200) UNIQUE,
    status             varchar(32)  NOT NULL,
    reported_by        varchar(100) NOT NULL,
    reported_at        timestamptz  NOT NULL,
    closed_at          timestamptz,
    version            bigint       NOT NULL DEFAULT 0
);

CREATE INDEX failure_case_serial_idx ON failure_case (serial_number);
CREATE INDEX failure_case_status_reported_idx ON failure_case (status, reported_at);
