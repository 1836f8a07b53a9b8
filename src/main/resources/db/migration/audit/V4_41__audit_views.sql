-- What the audit trail publishes for the other modules to read (ADR 0016): who did what, where and
-- when, without the chain's hashes. Read only, like the trail itself.
create view audit_trail_entries as
select recorded_at, actor_id, unit_id, action, details from audit_record;
