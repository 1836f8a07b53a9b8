-- An issued document sent through the axis to a body outside the installation, and where it stands
-- there as the status packages it sends back tell (edXML codes).
create table outside_delivery (
    id            uuid primary key,
    document_id   uuid         not null references document (id),
    organ_id      varchar(35)  not null,
    organ_name    varchar(200) not null,
    state         varchar(16)  not null check (state in ('QUEUED', 'ARRIVED', 'REFUSED', 'REGISTERED', 'ASSIGNED',
                                                         'IN_PROGRESS', 'DONE', 'REVOKE_REQUESTED', 'REVOKED',
                                                         'REVOKE_REFUSED')),
    status_code   char(2),
    reason        varchar(2000),
    sent_at       timestamptz  not null,
    changed_at    timestamptz  not null,
    unique (document_id, organ_id)
);

-- A document package received over the axis (or imported) for a unit of the installation, waiting in
-- its clerk's tray with the verdict on its signatures, then registered or refused.
create table electronic_arrival (
    id                   uuid primary key,
    unit_id              uuid          not null references unit (id),
    inbox_id             uuid,
    package_sha256       char(64)      not null,
    package_size         bigint        not null,
    edxml_document_id    varchar(200)  not null,
    from_organ_id        varchar(35)   not null,
    from_organ_name      varchar(200)  not null,
    code_number          varchar(20),
    code_notation        varchar(100),
    promulgation_date    date,
    type_name            varchar(100),
    subject              varchar(1000) not null,
    urgent               boolean       not null default false,
    state                varchar(16)   not null check (state in ('ARRIVED', 'REGISTERED', 'REFUSED', 'REVOKE_REQUESTED',
                                                                 'REVOKED', 'REVOKE_REFUSED')),
    signature_verdict    varchar(16)   not null,
    signature_detail     varchar(2000),
    incoming_document_id uuid unique references document (id),
    reason               varchar(2000),
    revoke_reason        varchar(2000),
    arrived_at           timestamptz   not null,
    changed_at           timestamptz   not null,
    unique (unit_id, edxml_document_id)
);
create index electronic_arrival_tray on electronic_arrival (unit_id, state);

-- Every status package received, applied to the document it reports on or kept with why it was not.
create table received_status (
    id                uuid primary key,
    inbox_id          uuid,
    edxml_document_id varchar(200) not null,
    from_organ_id     varchar(35)  not null,
    status_code       char(2)      not null,
    description       varchar(2000),
    outcome           varchar(24)  not null check (outcome in ('APPLIED', 'UNKNOWN_DOCUMENT', 'NOT_A_RECIPIENT')),
    received_at       timestamptz  not null
);
create index received_status_document on received_status (edxml_document_id);
