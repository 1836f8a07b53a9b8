-- Registers (sổ văn bản) of a unit: outgoing registers (per type when the unit's rules say so,
-- a separate series for secret documents) and the incoming register (one arrival series).
create table register (
    id             uuid primary key,
    unit_id        uuid         not null references unit (id),
    direction      varchar(10)  not null check (direction in ('OUTGOING', 'INCOMING')),
    name           varchar(200) not null,
    confidential   boolean      not null default false,
    document_types varchar(12)[],
    active         boolean      not null default true,
    created_at     timestamptz  not null default now()
);
create index register_unit on register (unit_id, direction);

-- The last number given in a register for a year. Incremented under a row lock in the
-- transaction that registers the document: a rollback gives the number back, so numbers
-- never repeat and never skip, whatever the number of nodes.
create table register_counter (
    register_id uuid not null references register (id),
    year        int  not null,
    last_number int  not null check (last_number > 0),
    primary key (register_id, year)
);

-- Documents (văn bản đi / văn bản đến) with the metadata of Decree 30 Appendix VI.
create table document (
    id                   uuid primary key,
    direction            varchar(10)  not null check (direction in ('OUTGOING', 'INCOMING')),
    unit_id              uuid         not null references unit (id),
    register_id          uuid         not null references register (id),
    register_year        int          not null,
    number               int          not null,
    document_type        varchar(12)  not null,
    type_name            varchar(100) not null,
    code_number          varchar(11),
    code_notation        varchar(30),
    issued_date          date         not null,
    organ_id             varchar(35),
    organ_name           varchar(200) not null,
    subject              varchar(500) not null,
    language             varchar(30)  not null default 'vi',
    page_amount          int,
    description          varchar(500),
    signer_authority     varchar(10),
    signer_position      varchar(100),
    signer_full_name     varchar(50),
    priority             smallint     not null default 0 check (priority between 0 and 4),
    confidentiality      smallint     not null default 0 check (confidentiality between 0 and 3),
    circulation          varchar(40),
    issued_amount        int,
    due_date             date,
    to_places            varchar(1000),
    arrival_date         timestamptz,
    arrival_number       int,
    edxml_document_id    varchar(200),
    drafting_division_id uuid references division (id),
    paper                boolean      not null default false,
    status               varchar(20)  not null,
    search_vector        tsvector     not null,
    created_by           uuid         not null references person (id),
    created_at           timestamptz  not null,
    submission_key       varchar(100),
    unique (register_id, register_year, number)
);
create unique index document_submission on document (created_by, submission_key) where submission_key is not null;
create index document_unit_date on document (unit_id, direction, issued_date desc);
create index document_date on document (issued_date desc);
create index document_edxml_id on document (edxml_document_id) where edxml_document_id is not null;
create index document_code on document (code_number, code_notation);
create index document_search on document using gin (search_vector);

-- Recipients of an outgoing document (nơi nhận), in the order written on the document.
create table document_recipient (
    document_id uuid         not null references document (id),
    position    int          not null,
    unit_id     uuid references unit (id),
    organ_id    varchar(35),
    organ_name  varchar(200) not null,
    primary key (document_id, position)
);

-- The main PDF and the attachments, each a blob of the storage module.
create table document_file (
    id           uuid primary key,
    document_id  uuid         not null references document (id),
    role         varchar(12)  not null check (role in ('MAIN', 'ATTACHMENT')),
    position     int          not null,
    sha256       char(64)     not null,
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size         bigint       not null,
    page_count   int,
    unique (document_id, position)
);

-- Explicit grants to read a confidential document.
create table document_grant (
    document_id uuid        not null references document (id),
    person_id   uuid        not null references person (id),
    granted_by  uuid        not null references person (id),
    granted_at  timestamptz not null,
    primary key (document_id, person_id)
);
