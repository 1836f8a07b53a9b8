-- The installation's axis client.

-- The outbox (hộp thư đi): packages sent to the hub in the order of seq, each a stored blob.
-- A package is QUEUED until accepted (SENT, with the hub's id) or refused for good (FAILED); a
-- failed attempt moves next_attempt_at later. upload_location: the hub's resumable upload of a
-- large package, resumed after a dropped connection.
create table axis_outbox (
    id              uuid primary key,
    seq             bigserial    not null,
    kind            varchar(10)  not null,
    document_id     varchar(200) not null,
    recipients      text[]       not null,
    local_reference varchar(100),
    sha256          char(64)     not null,
    size            bigint       not null,
    state           varchar(10)  not null,
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    last_error      varchar(500),
    hub_id          varchar(100),
    upload_location varchar(500),
    enqueued_at     timestamptz  not null,
    sent_at         timestamptz
);
create unique index axis_outbox_order on axis_outbox (seq);
create index axis_outbox_unsent on axis_outbox (seq) where state in ('QUEUED', 'SENDING');
create index axis_outbox_reference on axis_outbox (local_reference) where local_reference is not null;

-- The inbox (hộp thư đến): every package fetched, once per hub id. A document already received
-- (same DocumentId, business type and sender) is kept as a DUPLICATE and not announced again.
create table axis_inbox (
    id              uuid primary key,
    hub_id          varchar(100) not null unique,
    kind            varchar(10)  not null,
    document_id     varchar(200) not null,
    business_type   int          not null,
    from_organ_id   varchar(35)  not null,
    sha256          char(64)     not null,
    size            bigint       not null,
    state           varchar(10)  not null,
    reason          varchar(500),
    duplicate_of    uuid,
    received_at     timestamptz  not null
);
create unique index axis_inbox_document_once on axis_inbox (document_id, business_type, from_organ_id)
    where state = 'RECEIVED' and kind = 'DOCUMENT';
create index axis_inbox_latest on axis_inbox (received_at desc);

-- The agencies of the hub's directory, as last synchronized.
create table axis_agency (
    organ_id        varchar(35)  primary key,
    name            varchar(200) not null,
    system_id       varchar(100) not null,
    parent_organ_id varchar(35),
    synced_at       timestamptz  not null
);

create table axis_directory_sync (
    id        int primary key check (id = 1),
    at        timestamptz not null,
    published int         not null,
    listed    int         not null,
    error     varchar(500)
);
