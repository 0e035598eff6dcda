-- Quality: supplier master data, and the corrective action request as a loop with the supplier: request mailed to the
-- supplier's contact, a due date with reminders, the supplier's 8D answer, QC's verification, closing.
CREATE TABLE supplier (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          varchar(200) NOT NULL,
    contact_name  varchar(200),
    contact_email varchar(254),
    updated_by    varchar(100) NOT NULL,
    updated_at    timestamptz  NOT NULL,
    version       bigint       NOT NULL DEFAULT 0
);
-- one supplier per name, whatever its case: lots name their supplier as text
CREATE UNIQUE INDEX supplier_name_key ON supplier (lower(name));

ALTER TABLE supplier_corrective_action
    ALTER COLUMN status TYPE varchar(32),
    ADD COLUMN finding                 text,
    ADD COLUMN request_sent_at         timestamptz,
    ADD COLUMN answer_due_on           date,
    ADD COLUMN reminders_sent          integer NOT NULL DEFAULT 0,
    ADD COLUMN containment_action      text,
    ADD COLUMN root_cause              text,
    ADD COLUMN corrective_action       text,
    ADD COLUMN preventive_action       text,
    ADD COLUMN answered_by             varchar(100),
    ADD COLUMN answered_at             timestamptz,
    ADD COLUMN answers                 integer NOT NULL DEFAULT 0,
    ADD COLUMN rejection_reason        text,
    ADD COLUMN verified_by             varchar(100),
    ADD COLUMN verified_at             timestamptz,
    ADD COLUMN closed_at               timestamptz,
    ADD COLUMN history                 jsonb   NOT NULL DEFAULT '[]',
    ADD COLUMN version                 bigint  NOT NULL DEFAULT 0;
-- a request recorded before the loop existed was never sent: it waits to be sent, which its process does
UPDATE supplier_corrective_action SET status = 'REQUESTED' WHERE status = 'OPEN';
ALTER TABLE supplier_corrective_action
    ADD CONSTRAINT supplier_corrective_action_status_check
        CHECK (status IN ('REQUESTED', 'CONTACT_NEEDED', 'AWAITING_ANSWER', 'ANSWERED', 'REJECTED', 'CLOSED'));
CREATE INDEX supplier_corrective_action_open_idx ON supplier_corrective_action (answer_due_on)
    WHERE status IN ('AWAITING_ANSWER', 'REJECTED');
CREATE INDEX supplier_corrective_action_lot_idx ON supplier_corrective_action (lot_code);
