-- Notification outbox. A notification is one request of the process (rendered once, deduplicated by its key); it
-- is delivered as one message per recipient address, each with its own delivery state.
CREATE TABLE notification (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    deduplication_key varchar(200)  NOT NULL UNIQUE,
    template          varchar(40)   NOT NULL,
    case_number       varchar(32),
    subject           varchar(1000) NOT NULL,
    html_body         text          NOT NULL,
    text_body         text          NOT NULL,
    created_at        timestamptz   NOT NULL
);

CREATE INDEX notification_case_number_idx ON notification (case_number);

-- status: PENDING (due at next_attempt_at), SENDING (claimed by a sender until claimed_until), SENT, FAILED
CREATE TABLE notification_message (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    notification_id bigint       NOT NULL REFERENCES notification (id),
    recipient       varchar(320) NOT NULL,
    status          varchar(16)  NOT NULL,
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    claim_token     varchar(64),
    claimed_until   timestamptz,
    last_error      text,
    created_at      timestamptz  NOT NULL,
    last_attempt_at timestamptz,
    sent_at         timestamptz,
    failed_at       timestamptz,
    UNIQUE (notification_id, recipient),
    CONSTRAINT notification_message_status_check CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED'))
);

-- The sender's claim query reads only unfinished rows
CREATE INDEX notification_message_due_idx ON notification_message (next_attempt_at, id)
    WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX notification_message_status_idx ON notification_message (status, id);
