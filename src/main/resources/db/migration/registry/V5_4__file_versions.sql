-- Earlier contents of a document's files. Signing a PDF adds a revision to it (an incremental
-- update), which becomes the file's new current content in document_file; every content the file
-- had is listed here, the original as version 1.
create table document_file_version (
    file_id    uuid        not null references document_file (id),
    version    int         not null check (version > 0),
    sha256     char(64)    not null,
    size       bigint      not null,
    reason     varchar(50) not null,
    created_by uuid references person (id),
    created_at timestamptz not null,
    primary key (file_id, version)
);
