-- The audit trail (nhật ký): append-only. Each record is sealed with the SHA-256 of its content and
-- of the previous record's hash (the canonical form is in docs/adr/0002-audit-hash-chain.md), so a
-- record changed or removed by someone who got past the trigger below is still detected.
create table audit_record (
    seq          bigint       primary key check (seq > 0),
    recorded_at  timestamptz  not null,
    actor_id     uuid,
    actor_name   varchar(100) not null,
    action       varchar(100) not null,
    subject_type varchar(50)  not null,
    subject_id   varchar(100) not null,
    unit_id      uuid,
    -- Text, not jsonb: the exact characters that were hashed must come back (jsonb re-encodes).
    details      text         not null,
    prev_hash    char(64)     not null,
    hash         char(64)     not null
);
create index audit_record_subject on audit_record (subject_type, subject_id, seq);

create function audit_record_refuse_change() returns trigger
    language plpgsql as $$
begin
    raise exception 'audit_record is append-only: % refused', tg_op;
end;
$$;

-- Statement level, so that UPDATE, DELETE and TRUNCATE are refused whatever rows they touch.
create trigger audit_record_append_only
    before update or delete or truncate on audit_record
    for each statement execute function audit_record_refuse_change();
