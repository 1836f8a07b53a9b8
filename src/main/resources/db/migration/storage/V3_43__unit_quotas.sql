-- The province's quotas: how many bytes the officials of a unit may bring through resumable uploads
-- in all (finished and unfinished). A unit without a row has no quota, only the per-file limit.
create table storage_unit_quota (
    unit_id      uuid         primary key,
    quota_bytes  bigint       not null check (quota_bytes > 0),
    set_by       uuid         not null,
    set_at       timestamptz  not null
);
-- The unit an upload counts against: the one named in its metadata, else its owner's first.
alter table file_upload add column unit_id uuid;
create index file_upload_unit on file_upload (unit_id) where unit_id is not null;
