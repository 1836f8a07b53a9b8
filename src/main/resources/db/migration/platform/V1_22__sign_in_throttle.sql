-- Failed sign-ins per account ("account:<user name>") and per address ("address:<IP>"), shared by
-- every node: after a number of failures each further one locks the subject twice as long.
create table sign_in_throttle (
    subject         varchar(300) primary key,
    failures        int          not null,
    last_failure_at timestamptz  not null,
    locked_until    timestamptz
);
create index sign_in_throttle_last_failure on sign_in_throttle (last_failure_at);
