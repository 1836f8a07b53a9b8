-- Resumable uploads (tus 1.0): what a signed-in official is sending, how far it has come, and the
-- content it became once complete. The bytes received so far are a file under the data directory
-- (uploads/<id>.part) until the upload completes and its content is kept as a blob.
create table file_upload (
    id             uuid         primary key,
    owner_id       uuid         not null,
    length         bigint       not null check (length > 0),
    upload_offset  bigint       not null default 0 check (upload_offset >= 0 and upload_offset <= length),
    file_name      varchar(255),
    content_type   varchar(255),
    sha256         char(64)     check (sha256 ~ '^[0-9a-f]{64}$'),
    -- The node and the moment until which one PATCH holds the upload; another waits or is refused.
    held_by        uuid,
    held_until     timestamptz,
    created_at     timestamptz  not null,
    expires_at     timestamptz  not null,
    check ((sha256 is null) = (upload_offset < length))
);
create index file_upload_owner on file_upload (owner_id);
create index file_upload_expiry on file_upload (expires_at);
