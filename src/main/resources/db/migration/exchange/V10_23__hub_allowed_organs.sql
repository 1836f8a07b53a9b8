-- The organ codes each client system may publish in the hub's directory, as the hub's
-- administrator set them (a code, or a pattern where * stands for any characters: *.H10).
-- A system without a row, or with an empty list, may publish none and receives no mail.
create table hub_system_allowance (
    system_id varchar(100) primary key,
    organs    text[]       not null,
    set_by    varchar(200) not null,
    set_at    timestamptz  not null
);
