-- The SHA-256 of the request that first registered a document under an Idempotency-Key: the same
-- key sent with another request is refused (409) instead of answered with the first document.
alter table document add column submission_digest char(64);
