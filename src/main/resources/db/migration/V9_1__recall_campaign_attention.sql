-- A recall campaign whose process step failed for good needs attention: the step and what went wrong show on its
-- page until the incident is resolved.
ALTER TABLE recall_campaign
    ADD COLUMN attention_incident varchar(64),
    ADD COLUMN attention_step     varchar(255),
    ADD COLUMN attention_problem  varchar(4000),
    ADD COLUMN attention_since    timestamptz;
