-- The verdict on the signatures of every PDF content that entered a document (at registration, as
-- a new version, as a signed version), kept per content (its SHA-256) so that a page or the API
-- shows it without validating again; a re-check replaces it.
create table signature_validation (
    sha256          char(64)    primary key,
    verdict         varchar(16) not null check (verdict in ('UNSIGNED', 'ALL_VALID', 'SOME_INVALID', 'INDETERMINATE')),
    signature_count int         not null,
    validated_at    timestamptz not null
);

-- One row per signature, in the order they were made.
create table signature_validation_check (
    sha256                char(64)     not null references signature_validation (sha256) on delete cascade,
    position              int          not null,
    signature_id          varchar(200) not null,
    field_name            varchar(500),
    signer_name           varchar(500),
    unit                  varchar(500),
    certificate_serial    varchar(100),
    certificate_sha256    char(64),
    signing_time          timestamptz,
    level                 varchar(50),
    result                varchar(16)  not null check (result in ('TOTAL_PASSED', 'INDETERMINATE', 'TOTAL_FAILED')),
    reason_code           varchar(100) not null,
    covers_whole_document boolean      not null,
    primary key (sha256, position)
);
