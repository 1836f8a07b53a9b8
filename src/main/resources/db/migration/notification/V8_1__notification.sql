-- Notices (thông báo) to one official: shown in the UI, and sent by e-mail when SMTP is configured.
create table notice (
    id             uuid primary key,
    person_id      uuid         not null references person (id),
    kind           varchar(100) not null,
    message_key    varchar(200) not null,
    arguments      text[]       not null,
    link           varchar(500) not null,
    urgent         boolean      not null,
    notified_at    timestamptz  not null,
    read_at        timestamptz,
    -- The e-mail outbox: a notice is waiting to be e-mailed while email_due_at is set; a node
    -- sends it once that time has passed (rows taken with "for update skip locked"), a failure
    -- counts an attempt and moves email_due_at later.
    email_due_at   timestamptz,
    email_attempts int          not null default 0,
    email_sent_at  timestamptz,
    email_error    varchar(500)
);

-- A notice still unread is not repeated: the same kind about the same thing refreshes it. The
-- index also counts a person's unread notices.
create unique index notice_unread_once on notice (person_id, kind, link) where read_at is null;
create index notice_latest on notice (person_id, notified_at desc);
create index notice_email_due on notice (email_due_at) where email_due_at is not null;
