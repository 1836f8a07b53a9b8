-- The monthly report to the Chairman (báo cáo tháng): one row per month, claimed by whoever generates
-- it first (the scheduled run on any node, or an on-demand request), so that it is made once whatever
-- races. A claim whose generation died (a crash) is taken over after a while.
create table monthly_report (
    id                 uuid primary key,
    month              date        not null unique check (extract(day from month) = 1),
    state              varchar(12) not null check (state in ('GENERATING', 'READY')),
    claimed_at         timestamptz not null,
    requested_by       uuid references person (id),
    report_unit_id     uuid references unit (id),
    xlsx_sha256        char(64),
    xlsx_size          bigint,
    pdf_sha256         char(64),
    pdf_size           bigint,
    units_ranked       int,
    units_below_target int,
    reminders_sent     int,
    generated_at       timestamptz,
    check ((state = 'READY') = (pdf_sha256 is not null and xlsx_sha256 is not null and generated_at is not null))
);
