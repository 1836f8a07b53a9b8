-- Catalogue of the contents kept by the storage module, addressed by their SHA-256. The contents
-- themselves are files under the data directory (blobs/ab/cd/<sha256>) or objects in S3, never in the database.
create table blob (
    sha256     char(64)    primary key check (sha256 ~ '^[0-9a-f]{64}$'),
    size       bigint      not null check (size > 0),
    created_at timestamptz not null
);
