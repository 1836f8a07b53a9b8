-- Signatures made on an official's USB token by the desktop signing plug-in: the plug-in downloads
-- the PDF from a one-time address and posts the signed PDF back with the upload token. Only the
-- SHA-256 of each token is kept. The session remembers what was handed out (the file's content at
-- the start), whom the signature must come from, and that it served once.
create table plugin_session (
    id                  uuid primary key,
    document_id         uuid        not null references document (id),
    file_id             uuid        not null,
    file_sha256         char(64)    not null,
    kind                varchar(12) not null check (kind in ('PERSONAL', 'ORGANIZATION')),
    appearance          varchar(12) not null,
    person_id           uuid        not null references person (id),
    download_token_hash char(64)    not null unique,
    upload_token_hash   char(64)    not null unique,
    created_at          timestamptz not null,
    expires_at          timestamptz not null,
    downloaded_at       timestamptz,
    used_at             timestamptz
);
create index plugin_session_expiry on plugin_session (expires_at);
