-- Statistics (docs/adr/0010-statistics.md). One fact per counted document or closed work dossier:
-- a 0/1 per metric, recomputed from the registry, signing and handling tables whenever an event says
-- the subject changed, and the difference to the previous fact added to the unit's day and month. A
-- subject not counted (secret, revoked, prepared, refused on arrival) has no fact.
create table statistics_fact (
    subject_id                   uuid        primary key,
    subject                      varchar(8)  not null check (subject in ('DOCUMENT', 'DOSSIER')),
    unit_id                      uuid        not null,
    day                          date        not null,
    outgoing_issued              smallint not null default 0 check (outgoing_issued in (0, 1)),
    outgoing_electronic          smallint not null default 0 check (outgoing_electronic in (0, 1)),
    outgoing_paper               smallint not null default 0 check (outgoing_paper in (0, 1)),
    outgoing_leader_signed       smallint not null default 0 check (outgoing_leader_signed in (0, 1)),
    outgoing_organization_signed smallint not null default 0 check (outgoing_organization_signed in (0, 1)),
    outgoing_fully_signed        smallint not null default 0 check (outgoing_fully_signed in (0, 1)),
    incoming_received            smallint not null default 0 check (incoming_received in (0, 1)),
    incoming_electronic          smallint not null default 0 check (incoming_electronic in (0, 1)),
    incoming_paper               smallint not null default 0 check (incoming_paper in (0, 1)),
    incoming_valid_signature     smallint not null default 0 check (incoming_valid_signature in (0, 1)),
    incoming_handled             smallint not null default 0 check (incoming_handled in (0, 1)),
    incoming_on_time             smallint not null default 0 check (incoming_on_time in (0, 1)),
    dossiers_closed              smallint not null default 0 check (dossiers_closed in (0, 1)),
    dossiers_in_software         smallint not null default 0 check (dossiers_in_software in (0, 1)),
    refreshed_at                 timestamptz not null
);
create index statistics_fact_unit_day on statistics_fact (unit_id, day);

-- The sums of the facts per unit and day (the period's edges), and per unit and month (its whole months).
create table statistics_unit_day (
    unit_id                      uuid     not null,
    day                          date     not null,
    outgoing_issued              bigint   not null default 0,
    outgoing_electronic          bigint   not null default 0,
    outgoing_paper               bigint   not null default 0,
    outgoing_leader_signed       bigint   not null default 0,
    outgoing_organization_signed bigint   not null default 0,
    outgoing_fully_signed        bigint   not null default 0,
    incoming_received            bigint   not null default 0,
    incoming_electronic          bigint   not null default 0,
    incoming_paper               bigint   not null default 0,
    incoming_valid_signature     bigint   not null default 0,
    incoming_handled             bigint   not null default 0,
    incoming_on_time             bigint   not null default 0,
    dossiers_closed              bigint   not null default 0,
    dossiers_in_software         bigint   not null default 0,
    primary key (unit_id, day)
);

create table statistics_unit_month (
    unit_id                      uuid     not null,
    month                        date     not null check (extract(day from month) = 1),
    outgoing_issued              bigint   not null default 0,
    outgoing_electronic          bigint   not null default 0,
    outgoing_paper               bigint   not null default 0,
    outgoing_leader_signed       bigint   not null default 0,
    outgoing_organization_signed bigint   not null default 0,
    outgoing_fully_signed        bigint   not null default 0,
    incoming_received            bigint   not null default 0,
    incoming_electronic          bigint   not null default 0,
    incoming_paper               bigint   not null default 0,
    incoming_valid_signature     bigint   not null default 0,
    incoming_handled             bigint   not null default 0,
    incoming_on_time             bigint   not null default 0,
    dossiers_closed              bigint   not null default 0,
    dossiers_in_software         bigint   not null default 0,
    primary key (unit_id, month)
);
create index statistics_unit_month_month on statistics_unit_month (month);

-- A content validated again (a re-check, a late validation) refreshes the documents whose main file it is.
create index statistics_main_content on document_file (sha256) where role = 'MAIN';
