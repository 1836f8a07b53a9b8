-- A received status that answers a revocation nobody asked for (15, 16 without our 13), or a 13 from a
-- recipient, is kept as refused and changes nothing.
alter table received_status drop constraint received_status_outcome_check;
alter table received_status add constraint received_status_outcome_check
    check (outcome in ('APPLIED', 'UNKNOWN_DOCUMENT', 'NOT_A_RECIPIENT', 'REFUSED'));
