-- A registered copy is not revoked by the sender alone: the sender asks (edXML 13) and the
-- recipient's clerk accepts (15) or refuses (16) with a reason.
alter table delivery drop constraint delivery_state_check;
alter table delivery alter column state type varchar(16);
alter table delivery add constraint delivery_state_check check (state in ('ARRIVED', 'REFUSED', 'REGISTERED',
    'ASSIGNED', 'IN_PROGRESS', 'DONE', 'REVOKED', 'REVOKE_REQUESTED', 'REVOKE_REFUSED'));
