-- Quality: recall drills. Each keeps the complete recall record it produced (as CSV) and the time it took.
CREATE TABLE recall_drill (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lot_code      varchar(100) NOT NULL,
    run_at        timestamptz  NOT NULL,
    run_by        varchar(100) NOT NULL,
    took_millis   bigint       NOT NULL,
    units_field   integer      NOT NULL,
    units_stock   integer      NOT NULL,
    units_wip     integer      NOT NULL,
    customers     integer      NOT NULL,
    suppliers     text         NOT NULL,
    record_csv    bytea        NOT NULL
);
CREATE INDEX recall_drill_lot_idx ON recall_drill (lot_code, run_at DESC);
