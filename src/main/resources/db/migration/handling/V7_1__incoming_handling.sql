-- The handling (giải quyết) of an incoming document in its unit, Decree 30 Art. 20-24: presented to a
-- leader, assigned to a lead with cooperating and informed officials, a direction and a deadline,
-- progress, return, completion. One row per incoming document; every step is also an audit record
-- of the document, which is the document's timeline.
create table handling_case (
    document_id       uuid primary key references document (id),
    unit_id           uuid         not null references unit (id),
    state             varchar(20)  not null check (state in
                          ('REGISTERED', 'PRESENTED', 'ASSIGNED', 'IN_PROGRESS', 'RETURNED', 'DONE', 'REFUSED')),
    urgent            boolean      not null,
    presented_to      uuid references person (id),
    assigned_by       uuid references person (id),
    lead_id           uuid references person (id),
    supervisor_id     uuid references person (id),
    direction_text    varchar(2000),
    deadline          date,
    assigned_at       timestamptz,
    progress_note     varchar(2000),
    progress_at       timestamptz,
    returned_reason   varchar(2000),
    refused_reason    varchar(2000),
    reply_document_id uuid references document (id),
    completed_at      timestamptz,
    -- The last day the lead was reminded of the deadline, and the assigner told it passed.
    reminded_on       date,
    escalated_on      date,
    changed_at        timestamptz  not null
);
create index handling_case_unit on handling_case (unit_id, state);
create index handling_case_lead on handling_case (lead_id, state) where lead_id is not null;
create index handling_case_presented on handling_case (presented_to, state) where presented_to is not null;
create index handling_case_open_deadline on handling_case (deadline) where state in ('ASSIGNED', 'IN_PROGRESS');

-- Officials taking part besides the lead: cooperating (phối hợp) and informed (để biết).
create table handling_participant (
    document_id uuid        not null references handling_case (document_id),
    person_id   uuid        not null references person (id),
    part        varchar(12) not null check (part in ('COOPERATING', 'INFORMED')),
    primary key (document_id, person_id)
);
create index handling_participant_person on handling_participant (person_id);
