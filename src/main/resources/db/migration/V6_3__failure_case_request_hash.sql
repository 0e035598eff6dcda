-- The fingerprint (SHA-256 of the normalized report) of the request a case was filed with under an idempotency key:
-- the same key with a different report is refused instead of answering the old case.
ALTER TABLE failure_case ADD COLUMN request_hash char(64);
