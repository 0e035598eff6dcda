-- Lot genealogy: parts, builds, lots and the consumption links between them.
-- A build-level consumption (produced_lot_id IS NULL) is stored once per build and applies to every output of it;
-- a unit-level one names the produced lot. Walks go over gen_consumption in both directions, so both directions
-- are indexed.

CREATE TABLE gen_part (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    part_number  varchar(100)   NOT NULL UNIQUE,
    description  varchar(500)   NOT NULL,
    kind         varchar(16)    NOT NULL CHECK (kind IN ('COMPONENT', 'SUBASSEMBLY', 'PRODUCT')),
    unit_cost    numeric(18, 6),
    manufacturer varchar(200),
    serialized   boolean        NOT NULL DEFAULT false,
    next_serial  bigint         NOT NULL DEFAULT 1
);

CREATE TABLE gen_build (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    build_code   varchar(100)   NOT NULL UNIQUE,
    part_id      bigint         NOT NULL REFERENCES gen_part (id),
    quantity     numeric(18, 6) NOT NULL CHECK (quantity >= 0),
    started_on   date,
    completed_on date,
    status       varchar(16)    NOT NULL CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'COMPLETED'))
);

CREATE TABLE gen_lot (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lot_code          varchar(100)   NOT NULL UNIQUE,
    part_id           bigint         NOT NULL REFERENCES gen_part (id),
    supplier          varchar(200),
    date_code         varchar(100),
    quantity          numeric(18, 6) NOT NULL CHECK (quantity >= 0),
    created_on        date,
    location          varchar(200),
    status            varchar(16)    NOT NULL,
    serial_number     varchar(100)   UNIQUE,
    build_id          bigint         REFERENCES gen_build (id),
    sequence_in_build integer
);

-- outputs of a build: build-level consumption fans out to them, and devices are addressed as build#sequence
CREATE INDEX gen_lot_build_idx ON gen_lot (build_id, sequence_in_build) WHERE build_id IS NOT NULL;
CREATE INDEX gen_lot_part_status_idx ON gen_lot (part_id, status);

CREATE TABLE gen_consumption (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    build_id        bigint         NOT NULL REFERENCES gen_build (id),
    lot_id          bigint         NOT NULL REFERENCES gen_lot (id),
    quantity        numeric(18, 6) NOT NULL CHECK (quantity >= 0),
    produced_lot_id bigint         REFERENCES gen_lot (id)
);

-- upwards (trace): the unit-level inputs of a lot, and the build-level inputs of its build
CREATE INDEX gen_consumption_produced_idx ON gen_consumption (produced_lot_id) INCLUDE (lot_id, build_id)
    WHERE produced_lot_id IS NOT NULL;
CREATE INDEX gen_consumption_build_level_idx ON gen_consumption (build_id) INCLUDE (lot_id)
    WHERE produced_lot_id IS NULL;
-- downwards (where-used): where a lot went
CREATE INDEX gen_consumption_lot_idx ON gen_consumption (lot_id) INCLUDE (build_id, produced_lot_id);

-- Which build consumed an output of which build: small, and what cycle checks walk instead of the lots.
CREATE TABLE gen_build_link (
    producer_build_id bigint NOT NULL REFERENCES gen_build (id),
    consumer_build_id bigint NOT NULL REFERENCES gen_build (id),
    PRIMARY KEY (producer_build_id, consumer_build_id)
);

CREATE TABLE gen_lot_status_change (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lot_id      bigint       NOT NULL REFERENCES gen_lot (id),
    from_status varchar(16)  NOT NULL,
    to_status   varchar(16)  NOT NULL,
    changed_at  timestamptz  NOT NULL,
    changed_by  varchar(100) NOT NULL,
    reason      text
);
CREATE INDEX gen_lot_status_change_lot_idx ON gen_lot_status_change (lot_id, changed_at);

CREATE TABLE gen_lot_file (
    id           uuid         PRIMARY KEY,
    lot_id       bigint       NOT NULL REFERENCES gen_lot (id),
    file_name    varchar(255) NOT NULL,
    content_type varchar(200) NOT NULL,
    size         bigint       NOT NULL,
    content      bytea        NOT NULL,
    uploaded_at  timestamptz  NOT NULL,
    uploaded_by  varchar(100) NOT NULL
);
CREATE INDEX gen_lot_file_lot_idx ON gen_lot_file (lot_id, uploaded_at);

CREATE TABLE gen_service_event (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lot_id  bigint       NOT NULL REFERENCES gen_lot (id),
    at      timestamptz  NOT NULL,
    type    varchar(64)  NOT NULL,
    summary text         NOT NULL,
    actor   varchar(100) NOT NULL
);
CREATE INDEX gen_service_event_lot_idx ON gen_service_event (lot_id, at);

-- A repair swaps a lot in a device: the removed lot (at any depth) leaves the device's trace, the installed one
-- joins it at depth 1 with unit precision.
CREATE TABLE gen_repair (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    device_lot_id    bigint       NOT NULL REFERENCES gen_lot (id),
    removed_lot_id   bigint       NOT NULL REFERENCES gen_lot (id),
    installed_lot_id bigint       NOT NULL REFERENCES gen_lot (id),
    at               timestamptz  NOT NULL,
    actor            varchar(100) NOT NULL,
    reason           text
);
CREATE INDEX gen_repair_device_idx ON gen_repair (device_lot_id);
CREATE INDEX gen_repair_installed_idx ON gen_repair (installed_lot_id);
CREATE INDEX gen_repair_removed_idx ON gen_repair (removed_lot_id);

CREATE TABLE gen_import (
    id          uuid         PRIMARY KEY,
    status      varchar(16)  NOT NULL,
    phase       varchar(200) NOT NULL,
    started_by  varchar(100) NOT NULL,
    started_at  timestamptz  NOT NULL,
    finished_at timestamptz,
    bytes_total bigint       NOT NULL DEFAULT 0,
    bytes_read  bigint       NOT NULL DEFAULT 0,
    row_counts  text,
    errors      text
);
