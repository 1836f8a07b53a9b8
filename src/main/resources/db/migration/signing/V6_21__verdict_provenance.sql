-- A kept verdict says against which trust list it was made (the SHA-256 of the trust anchors'
-- fingerprints) and from when time or revocation data may change it (a certificate's expiry, a
-- revocation status that could not be had); a verdict made against another trust list, or due, is
-- made again. Verdicts kept before have no trust list, so they are all made again once.
alter table signature_validation add column trust_list char(64);
alter table signature_validation add column revalidate_after timestamptz;
-- A node that took a verdict to make again holds it until then, so that the others leave it.
alter table signature_validation add column revalidating_until timestamptz;
-- Whether a signature of the content is no longer what was signed, whoever signed it.
alter table signature_validation add column altered boolean not null default false;
create index signature_validation_due on signature_validation (revalidate_after) where revalidate_after is not null;

-- Integrity (is the PDF what was signed?) apart from the signer's certificate (is it trusted, valid, not revoked?).
alter table signature_validation_check add column integrity varchar(32) not null default 'INTACT'
    check (integrity in ('INTACT', 'SIGNED_CONTENT_ALTERED', 'CHANGED_AFTER_SIGNING', 'DATA_APPENDED'));
alter table signature_validation_check add column certificate_reason_code varchar(100);
