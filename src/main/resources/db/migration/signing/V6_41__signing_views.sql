-- What signing publishes for the other modules to read (ADR 0016): they read these views, never the
-- signing tables, and ask yes-or-no questions instead of spelling signing's verdicts and kinds.

-- The kept verdict of a content (a file's SHA-256).
create view signing_verdict_facts as
select sha256, verdict = 'ALL_VALID' as is_all_valid from signature_validation;

-- One row per signature of a content whose own check passed and whose certificate is in the register.
create view signing_signature_facts as
select c.sha256,
       k.kind = 'PERSONAL'     as is_personal,
       k.kind = 'ORGANIZATION' as is_organization,
       k.unit_id               as certificate_unit_id
from signature_validation_check c
join signing_certificate k on k.sha256 = c.certificate_sha256
where c.result = 'TOTAL_PASSED';
