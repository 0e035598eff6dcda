-- The managers' figures (tracecase_* meters, /api/metrics). Totals read an index only; periods seek by time.
CREATE INDEX failure_case_outcome_idx ON failure_case (status, closure) INCLUDE (reported_at, closed_at);
CREATE INDEX failure_case_reported_at_idx ON failure_case (reported_at);
CREATE INDEX failure_case_closed_at_idx ON failure_case (closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX failure_case_decided_at_idx ON failure_case (decided_at) WHERE decided_at IS NOT NULL;
CREATE INDEX warranty_ledger_entry_kind_idx ON warranty_ledger_entry (currency, kind) INCLUDE (amount);
CREATE INDEX warranty_ledger_entry_posted_at_idx ON warranty_ledger_entry (posted_at);
CREATE INDEX notification_template_created_idx ON notification (template, created_at);
CREATE INDEX investigation_reviewed_at_idx ON investigation (reviewed_at) WHERE status = 'FAILURE_CONFIRMED';
CREATE INDEX investigation_opened_at_idx ON investigation (opened_at);
