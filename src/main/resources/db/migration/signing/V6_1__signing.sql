-- Certificates whose private keys the server holds in a key store: the personal certificates of
-- officials (CN = the person, O = the unit) and the organization certificates of units. Which
-- certificate is revoked is the certificate authority's to say (CRL, OCSP), not this table's.
create table signing_certificate (
    id            uuid primary key,
    kind          varchar(12)  not null check (kind in ('PERSONAL', 'ORGANIZATION')),
    person_id     uuid references person (id),
    unit_id       uuid         not null references unit (id),
    subject       varchar(500) not null,
    issuer        varchar(500) not null,
    serial_number varchar(80)  not null,
    sha256        char(64)     not null unique,
    not_before    timestamptz  not null,
    not_after     timestamptz  not null,
    key_store     varchar(300) not null,
    certificate   bytea        not null,
    created_at    timestamptz  not null,
    check ((kind = 'PERSONAL') = (person_id is not null))
);
create index signing_certificate_person on signing_certificate (person_id, not_after desc)
    where person_id is not null;
create index signing_certificate_unit on signing_certificate (unit_id, not_after desc)
    where kind = 'ORGANIZATION';

-- The signature image (blue) of a person and the seal image (red) of a unit, each a transparent
-- PNG kept by the storage module; a new upload replaces the previous one.
create table signature_image (
    owner_id    uuid        not null,
    kind        varchar(10) not null check (kind in ('SIGNATURE', 'SEAL')),
    sha256      char(64)    not null,
    width       int         not null,
    height      int         not null,
    uploaded_by uuid references person (id),
    uploaded_at timestamptz not null,
    primary key (owner_id, kind)
);
