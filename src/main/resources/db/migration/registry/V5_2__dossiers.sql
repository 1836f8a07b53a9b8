-- File plan (danh mục hồ sơ) of a unit for a year: the dossiers it means to keep, each with its
-- file notation (số và ký hiệu hồ sơ), title and retention (thời hạn bảo quản).
create table file_plan_item (
    id            uuid primary key,
    unit_id       uuid         not null references unit (id),
    year          int          not null,
    file_notation varchar(20)  not null,
    title         varchar(500) not null,
    maintenance   varchar(30)  not null,
    division_id   uuid references division (id),
    created_by    uuid         not null references person (id),
    created_at    timestamptz  not null,
    unique (unit_id, year, file_notation)
);

-- Work dossiers (hồ sơ công việc) with the metadata of Decree 30 Appendix VI. While a dossier is
-- open its dates and totals are computed from its documents; closing it writes them here.
create table dossier (
    id                uuid primary key,
    unit_id           uuid         not null references unit (id),
    year              int          not null,
    file_notation     varchar(20)  not null,
    file_code         varchar(100) not null unique,
    file_plan_item_id uuid references file_plan_item (id),
    title             varchar(500) not null,
    maintenance       varchar(30)  not null,
    rights            varchar(100),
    language          varchar(30)  not null,
    description       varchar(500),
    state             varchar(10)  not null check (state in ('OPEN', 'CLOSED')),
    start_date        date,
    end_date          date,
    doc_total         int,
    page_total        int,
    created_by        uuid         not null references person (id),
    created_at        timestamptz  not null,
    closed_by         uuid references person (id),
    closed_at         timestamptz,
    check ((state = 'OPEN') = (closed_at is null))
);
create index dossier_unit_year on dossier (unit_id, year);

-- The documents filed in a dossier. A document sits in as many dossiers as need it: this row
-- points at it, its files are never copied.
create table dossier_document (
    dossier_id  uuid        not null references dossier (id),
    document_id uuid        not null references document (id),
    added_at    timestamptz not null,
    added_by    uuid        not null references person (id),
    primary key (dossier_id, document_id)
);
create index dossier_document_document on dossier_document (document_id);
