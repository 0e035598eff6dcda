-- No silent stall: the problems that stop a case, and who cancelled a case and why.
ALTER TABLE failure_case
    ADD COLUMN status_before_attention varchar(32),
    ADD COLUMN cancelled_by            varchar(100),
    ADD COLUMN cancellation_reason     varchar(1000);

CREATE TABLE case_attention (
    case_id    bigint        NOT NULL REFERENCES failure_case (id) ON DELETE CASCADE,
    problem_id varchar(64)   NOT NULL,
    step       varchar(255)  NOT NULL,
    message    varchar(2000) NOT NULL,
    since      timestamptz   NOT NULL,
    PRIMARY KEY (case_id, problem_id)
);
