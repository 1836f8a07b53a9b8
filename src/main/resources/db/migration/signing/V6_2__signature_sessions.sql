-- Two-step signatures with a key held outside the server (a mobile app, a token's middleware):
-- what the first step prepared, kept until the signature value comes back, so that the PDF is
-- finished with exactly the same parameters and signing time. A session serves once, briefly.
create table signature_session (
    id                 uuid primary key,
    document_id        uuid         not null references document (id),
    file_id            uuid         not null,
    file_sha256        char(64)     not null,
    kind               varchar(12)  not null check (kind in ('PERSONAL', 'ORGANIZATION')),
    certificate_id     uuid         not null references signing_certificate (id),
    -- The presented chain, the signer's certificate first: base64 DER, one per line.
    chain              text         not null,
    appearance         varchar(12)  not null,
    page               int          not null,
    x                  real         not null,
    y                  real         not null,
    anchored_top_right boolean      not null,
    width              real         not null,
    height             real         not null,
    image              bytea,
    text               text,
    font_size          real         not null,
    signer_name        varchar(500) not null,
    reason             varchar(1000) not null,
    location           varchar(500) not null,
    signing_time       timestamptz  not null,
    data_to_sign       bytea        not null,
    created_by         uuid         not null references person (id),
    created_at         timestamptz  not null,
    expires_at         timestamptz  not null,
    used_at            timestamptz
);
create index signature_session_expiry on signature_session (expires_at);
