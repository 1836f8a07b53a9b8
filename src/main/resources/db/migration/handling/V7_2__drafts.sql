-- The approval route (quy trình trình duyệt) a unit configures for its drafts: each step names the
-- role that approves (the head of the drafter's division, or of a given division such as the office;
-- a deputy; the leader), the last step's approver signing. Without a route of its own a unit uses
-- the default: the drafter's division head, then the leader.
create table approval_step (
    unit_id     uuid        not null references unit (id),
    position    int         not null check (position > 0),
    role        varchar(32) not null check (role in ('DIVISION_HEAD', 'DEPUTY_LEADER', 'LEADER')),
    division_id uuid references division (id),
    primary key (unit_id, position)
);

-- A leader away (đi vắng), and the deputy who signs for them meanwhile (ký thay, KT.).
create table leader_absence (
    id         uuid primary key,
    unit_id    uuid        not null references unit (id),
    leader_id  uuid        not null references person (id),
    deputy_id  uuid        not null references person (id),
    first_day  date        not null,
    last_day   date        not null check (last_day >= first_day),
    created_by uuid        not null references person (id),
    created_at timestamptz not null
);
create index leader_absence_unit on leader_absence (unit_id, first_day, last_day);

-- A draft of an outgoing document (dự thảo), from its first version to its issue.
create table draft (
    id               uuid primary key,
    unit_id          uuid         not null references unit (id),
    drafter_id       uuid         not null references person (id),
    division_id      uuid references division (id),
    document_type    varchar(12)  not null,
    subject          varchar(500) not null,
    priority         smallint     not null default 0 check (priority between 0 and 4),
    due_date         date,
    state            varchar(12)  not null check (state in ('DRAFTING', 'SUBMITTED', 'RETURNED', 'APPROVED',
                                                            'ISSUED', 'REVOKED')),
    current_step     int,
    signer_id        uuid references person (id),
    signer_authority varchar(10),
    document_id      uuid unique references document (id),
    signed_at        timestamptz,
    -- An issued document this one replaces (thay thế): revoked, with its recipients' copies, at issue.
    replaces_id      uuid references document (id),
    -- The work dossier (hồ sơ công việc) the issued document is filed in.
    dossier_id       uuid references dossier (id),
    submission_key   varchar(100),
    created_at       timestamptz  not null,
    changed_at       timestamptz  not null
);
create unique index draft_submission on draft (drafter_id, submission_key) where submission_key is not null;
create index draft_unit on draft (unit_id, state);

create table draft_recipient (
    draft_id   uuid         not null references draft (id),
    position   int          not null,
    unit_id    uuid references unit (id),
    organ_name varchar(200) not null,
    primary key (draft_id, position)
);

-- Every PDF the draft had, the newest last.
create table draft_version (
    draft_id  uuid         not null references draft (id),
    version   int          not null,
    sha256    char(64)     not null,
    file_name varchar(255) not null,
    size      bigint       not null,
    added_by  uuid         not null references person (id),
    added_at  timestamptz  not null,
    primary key (draft_id, version)
);

-- The route of one submission, resolved to people when the draft was submitted.
create table draft_route_step (
    draft_id    uuid        not null references draft (id),
    position    int         not null,
    role        varchar(32) not null,
    approver_id uuid        not null references person (id),
    decided_at  timestamptz,
    primary key (draft_id, position)
);
create index draft_route_approver on draft_route_step (approver_id) where decided_at is null;

-- The issued document's delivery to each recipient unit of the installation, and where it stands
-- there, with the edXML status code (01 arrived, 02 refused, 03 registered, 04 assigned,
-- 05 in progress, 06 done; revoked ones leave the recipient's tray).
create table delivery (
    id                   uuid primary key,
    document_id          uuid        not null references document (id),
    recipient_unit_id    uuid        not null references unit (id),
    state                varchar(12) not null check (state in ('ARRIVED', 'REFUSED', 'REGISTERED', 'ASSIGNED',
                                                               'IN_PROGRESS', 'DONE', 'REVOKED')),
    status_code          char(2)     not null,
    incoming_document_id uuid unique references document (id),
    reason               varchar(2000),
    sent_at              timestamptz not null,
    changed_at           timestamptz not null,
    unique (document_id, recipient_unit_id)
);
create index delivery_recipient on delivery (recipient_unit_id, state);
