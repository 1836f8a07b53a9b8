-- What handling publishes for the other modules to read (ADR 0016): they read this view, never the
-- handling tables, and ask yes-or-no questions instead of spelling handling's states.
create view handling_case_facts as
select document_id,
       state = 'DONE'    as is_done,
       state = 'REFUSED' as is_refused,
       -- Done by the deadline, counted in days in Vietnam; no deadline is always on time.
       state = 'DONE' and (deadline is null
                           or (completed_at at time zone 'Asia/Ho_Chi_Minh')::date <= deadline) as is_done_on_time
from handling_case;
