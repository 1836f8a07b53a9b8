-- The last CRL or OCSP answer fetched from each address (for OCSP, each request), kept so that
-- signatures can still be validated while the authority is unreachable. Shared by every node.
create table revocation_data_cache (
    request_sha256 char(64)    primary key,
    url            text        not null,
    response       bytea       not null,
    fetched_at     timestamptz not null
);
