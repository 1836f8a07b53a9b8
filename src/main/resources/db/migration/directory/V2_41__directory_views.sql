-- What the directory publishes for the other modules to read (ADR 0016): they read these views,
-- never the directory's tables, so the directory may change its tables behind them. No credentials.
create view directory_units as
select id, parent_id, level, name, abbreviation,
       coalesce(code, legacy_code) as organ_id -- the unit's code on the national axis
from unit;

create view directory_divisions as
select id, unit_id, name from division;

create view directory_people as
select id, full_name from person;

create view directory_memberships as
select person_id, unit_id, division_id, role from membership;
