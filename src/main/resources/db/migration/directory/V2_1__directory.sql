-- Units of the province (cơ quan, đơn vị) in a hierarchy, with identification codes and validity.
create table unit (
    id             uuid primary key,
    parent_id      uuid references unit (id),
    kind           varchar(32)  not null,
    level          varchar(16)  not null check (level in ('PROVINCE', 'DISTRICT', 'COMMUNE')),
    name           varchar(200) not null,
    short_name     varchar(100) not null,
    abbreviation   varchar(20)  not null,
    legacy_code    varchar(13) unique,
    code           varchar(35) unique,
    valid_from     date         not null,
    valid_to       date,
    predecessor_id uuid references unit (id),
    created_at     timestamptz  not null default now(),
    check (valid_to is null or valid_to >= valid_from)
);
create index unit_parent on unit (parent_id);

-- Earlier codes and names of a unit (units merge and get renamed).
create table unit_history (
    unit_id     uuid         not null references unit (id),
    name        varchar(200) not null,
    legacy_code varchar(13),
    code        varchar(35),
    valid_from  date         not null,
    valid_to    date         not null,
    primary key (unit_id, valid_from)
);

-- Divisions inside a unit (phòng).
create table division (
    id           uuid primary key,
    unit_id      uuid         not null references unit (id),
    name         varchar(200) not null,
    abbreviation varchar(20)  not null,
    unique (unit_id, abbreviation)
);

create table person (
    id            uuid primary key,
    username      varchar(100) not null unique,
    full_name     varchar(50)  not null,
    email         varchar(200),
    password_hash varchar(200) not null,
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now()
);

-- Roles a person holds in units; one person may hold roles in several units.
create table membership (
    id             uuid primary key,
    person_id      uuid        not null references person (id),
    unit_id        uuid        not null references unit (id),
    division_id    uuid references division (id),
    role           varchar(32) not null,
    position_title varchar(100),
    unique nulls not distinct (person_id, unit_id, division_id, role)
);
create index membership_unit on membership (unit_id, role);
