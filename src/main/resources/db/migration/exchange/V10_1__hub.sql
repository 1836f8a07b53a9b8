-- The exchange hub (trục liên thông): a store-and-forward mailbox between installations.

-- Nonces of signed requests seen recently: a request repeated inside the accepted clock window
-- is refused, on whichever node it arrives.
create table hub_nonce (
    system_id varchar(100) not null,
    nonce     varchar(100) not null,
    seen_at   timestamptz  not null,
    primary key (system_id, nonce)
);
create index hub_nonce_seen on hub_nonce (seen_at);

-- The directory: each agency (organId) is served by one system, which published it.
create table hub_agency (
    organ_id        varchar(35)  primary key,
    name            varchar(200) not null,
    system_id       varchar(100) not null,
    parent_organ_id varchar(35),
    published_at    timestamptz  not null
);
create index hub_agency_system on hub_agency (system_id);

-- A package accepted from a system; the content is the blob sha256. A sender's Idempotency-Key
-- names one package whatever the number of times it is sent.
create table hub_edoc (
    id              uuid primary key,
    seq             bigserial    not null,
    system_id       varchar(100) not null,
    idempotency_key varchar(200) not null,
    kind            varchar(10)  not null,
    document_id     varchar(200) not null,
    from_organ_id   varchar(35)  not null,
    status_code     varchar(4),
    sha256          char(64)     not null,
    size            bigint       not null,
    sent_at         timestamptz  not null,
    unique (system_id, idempotency_key)
);
create index hub_edoc_sent on hub_edoc (system_id, sent_at);
create index hub_edoc_document on hub_edoc (document_id) where kind = 'DOCUMENT';

-- Store and forward: one row per recipient agency of a package, PENDING until its system fetches
-- it, FETCHED until it acknowledges it DONE or FAILED. status_code: the last edXML status this
-- recipient sent back about the document.
create table hub_delivery (
    edoc_id     uuid         not null references hub_edoc (id),
    organ_id    varchar(35)  not null,
    state       varchar(10)  not null,
    reason      varchar(500),
    at          timestamptz  not null,
    status_code varchar(4),
    primary key (edoc_id, organ_id)
);
create index hub_delivery_waiting on hub_delivery (organ_id, edoc_id) where state in ('PENDING', 'FETCHED');

-- Resumable uploads (tus 1.0 core): the bytes received so far are kept as blobs, one per PATCH,
-- so any node can take the next one; the finished upload is one blob.
create table hub_upload (
    id            uuid primary key,
    system_id     varchar(100) not null,
    length        bigint       not null,
    upload_offset bigint       not null default 0,
    sha256        char(64),
    created_at    timestamptz  not null
);

create table hub_upload_chunk (
    upload_id    uuid     not null references hub_upload (id),
    chunk_offset bigint   not null,
    sha256       char(64) not null,
    size         bigint   not null,
    primary key (upload_id, chunk_offset)
);
