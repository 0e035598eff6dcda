-- The audit trail: one row per change, written in the transaction of the change. Entries are only ever added.
CREATE TABLE audit_entry (
    id          bigserial    PRIMARY KEY,
    at          timestamptz  NOT NULL,
    actor       varchar(100) NOT NULL,
    subject     varchar(40)  NOT NULL,
    subject_key varchar(100) NOT NULL,
    action      varchar(40)  NOT NULL,
    summary     varchar(1000) NOT NULL,
    value_type  varchar(60),
    old_value   varchar(200),
    new_value   varchar(200)
);
-- newest first, for all entries, one thing's entries and one user's entries
CREATE INDEX audit_entry_newest ON audit_entry (at DESC, id DESC);
CREATE INDEX audit_entry_subject_newest ON audit_entry (subject, subject_key, at DESC, id DESC);
CREATE INDEX audit_entry_actor_newest ON audit_entry (actor, at DESC, id DESC);
