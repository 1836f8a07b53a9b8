-- Usage scores count what officials did in a period from the audit trail (the one place where every
-- registration, assignment, completion, draft, signature and return is kept with its actor, unit and
-- time). This index lets them read one unit's records of a quarter without walking the whole trail;
-- the audit module's own reads go by subject and are not affected.
create index statistics_audit_unit_time on audit_record (unit_id, recorded_at) where actor_id is not null;
