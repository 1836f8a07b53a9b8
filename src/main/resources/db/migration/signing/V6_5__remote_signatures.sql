-- Signatures made by a remote signing service (PKI SIM, cloud signing) speaking the Cloud
-- Signature Consortium API: the service answered signatures/signHash asynchronously with a
-- responseID, and the signer confirms on the phone. Kept here, not in a node's memory, so that any
-- node polls the service (claiming a row for a short lease) and a restart continues where it was.
create table remote_signature (
    id               uuid primary key,
    document_id      uuid         not null references document (id),
    session_id       uuid         not null,
    certificate_id   uuid         not null references signing_certificate (id),
    credential_id    varchar(200) not null,
    response_id      varchar(500) not null,
    state            varchar(8)   not null check (state in ('PENDING', 'SIGNED', 'REFUSED', 'FAILED')),
    -- The message key of the outcome, and what the service said about it, as it said it.
    reason           varchar(100),
    service_message  varchar(1000),
    signed_file      text,
    failures         int          not null default 0,
    started_by       uuid         not null references person (id),
    started_at       timestamptz  not null,
    deadline         timestamptz  not null,
    next_poll_at     timestamptz  not null,
    leased_until     timestamptz,
    finished_at      timestamptz
);
create index remote_signature_due on remote_signature (next_poll_at) where state = 'PENDING';
