-- An outgoing document approved and waiting to be signed and issued (chờ phát hành) has no number
-- yet: the clerk numbers it when issuing it, in its register's series of that day's year. A revoked
-- document (thu hồi) is frozen, its revocation kept.
alter table document alter column number drop not null;
alter table document add column revoked_at timestamptz;
alter table document add column revoked_reason varchar(2000);
